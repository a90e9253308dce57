/**
 * Recognises files that are not text by their first bytes (images, archives, compressed files,
 * office documents, Parquet, DLIS, SQLite), so readers of text formats can say what a file is
 * instead of listing or reading its bytes as garbage columns.
 */

/** A known binary format: its magic bytes (at `offset`) and its name for messages. */
interface Magic {
  readonly bytes: readonly number[];
  readonly offset?: number;
  /** e.g. "a PNG image", used as "this is a PNG image". */
  readonly what: string;
  /** True for archives and compressed files: the text file may be inside. */
  readonly packed?: boolean;
}

const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));

const MAGICS: readonly Magic[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: ascii('GIF8'), what: 'a GIF image' },
  { bytes: ascii('%PDF-'), what: 'a PDF document' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (or an .xlsx/.docx file)', packed: true },
  { bytes: [0x50, 0x4b, 0x05, 0x06], what: 'an empty ZIP archive', packed: true },
  { bytes: [0x1f, 0x8b], what: 'a gzip-compressed file (.gz)', packed: true },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], what: 'an xz-compressed file', packed: true },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'a 7-Zip archive', packed: true },
  { bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], what: 'a RAR archive', packed: true },
  { bytes: [0x28, 0xb5, 0x2f, 0xfd], what: 'a zstd-compressed file', packed: true },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    what: 'a Microsoft Office (.xls/.doc) file',
  },
  { bytes: ascii('PAR1'), what: 'a Parquet file' },
  { bytes: ascii('SQLite format 3'), what: 'an SQLite database' },
  { bytes: ascii('V1.00RECORD'), offset: 4, what: 'a DLIS file (binary RP66 log format)' },
];

function at(b: Uint8Array, m: Magic): boolean {
  const start = m.offset ?? 0;
  return b.length >= start + m.bytes.length && m.bytes.every((x, i) => b[start + i] === x);
}

/** True when `b` starts with a UTF-16 byte-order mark or has UTF-16's every-other-byte zeros. */
function looksUtf16(b: Uint8Array): boolean {
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) return true;
  const n = Math.min(b.length - (b.length % 2), 4096);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) even++;
    if (b[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  return pairs > 0 && (even > pairs * 0.4 || odd > pairs * 0.4);
}

/** What a non-text file is: its known format, or binary data (NUL bytes outside UTF-16 text). */
export interface BinaryKind {
  readonly what: string;
  readonly packed: boolean;
}

/** The kind of a file that cannot be text, or null when `bytes` may be text (also UTF-16). */
export function binaryKind(bytes: Uint8Array): BinaryKind | null {
  const known = MAGICS.find((m) => at(bytes, m));
  if (known) return { what: known.what, packed: known.packed === true };
  if (looksUtf16(bytes)) return null;
  const head = bytes.subarray(0, 4096);
  return head.includes(0) ? { what: 'binary data (it holds NUL bytes)', packed: false } : null;
}
