/**
 * Recognises files that are not LAS text before they are scanned: compressed archives and other
 * binary formats. Without this, a gzipped or zipped LAS file is "read": its compressed bytes hold,
 * by chance, line breaks followed by `~`, so sections with garbage titles and a table of garbage
 * text were produced instead of an error.
 */

/** A known binary format: its magic bytes (at `offset`) and what the user should do. */
interface Magic {
  readonly bytes: readonly number[];
  readonly offset?: number;
  readonly what: string;
  readonly todo: string;
}

const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));
const UNPACK = 'extract the .las file from it and read that';

const MAGICS: readonly Magic[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (or an .xlsx/.docx file)', todo: UNPACK },
  { bytes: [0x50, 0x4b, 0x05, 0x06], what: 'an empty ZIP archive', todo: UNPACK },
  { bytes: [0x50, 0x4b, 0x07, 0x08], what: 'a ZIP archive', todo: UNPACK },
  {
    bytes: [0x1f, 0x8b],
    what: 'a gzip-compressed file (.gz)',
    todo: 'decompress it (gunzip) first',
  },
  {
    bytes: [0x42, 0x5a, 0x68],
    what: 'a bzip2-compressed file (.bz2)',
    todo: 'decompress it (bunzip2) first',
  },
  {
    bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00],
    what: 'an xz-compressed file (.xz)',
    todo: 'decompress it (unxz) first',
  },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'a 7-Zip archive', todo: UNPACK },
  { bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], what: 'a RAR archive', todo: UNPACK },
  {
    bytes: [0x28, 0xb5, 0x2f, 0xfd],
    what: 'a zstd-compressed file (.zst)',
    todo: 'decompress it (unzstd) first',
  },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    what: 'a Microsoft Office (OLE2: .xls/.doc) file',
    todo: 'export the data as LAS or CSV',
  },
  {
    bytes: ascii('%PDF-'),
    what: 'a PDF document',
    todo: 'open the LAS file itself, not a print of it',
  },
  {
    bytes: ascii('V1.00RECORD'),
    offset: 4,
    what: 'a DLIS file (binary RP66 log format)',
    todo: 'convert it to LAS with a DLIS tool first',
  },
];

function startsWith(b: Uint8Array, m: Magic): boolean {
  const at = m.offset ?? 0;
  if (b.length < at + m.bytes.length) return false;
  return m.bytes.every((x, i) => b[at + i] === x);
}

/**
 * Why `bytes` cannot be a LAS file, as a message saying what the file is and what to do; null when
 * it may be one. The bzip2 check also needs the block-size digit, so text starting `BZh` passes.
 */
export function notLasReason(bytes: Uint8Array): string | null {
  if (bytes.length === 0)
    return 'the file is empty (0 bytes); check that it was copied or downloaded completely';
  for (const m of MAGICS) {
    if (!startsWith(bytes, m)) continue;
    if (m.bytes[0] === 0x42 && !(bytes[3]! >= 0x31 && bytes[3]! <= 0x39)) continue;
    return `this is ${m.what}, not a LAS text file: ${m.todo}`;
  }
  return null;
}
