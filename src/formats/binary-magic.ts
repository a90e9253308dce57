/**
 * Recognises files that are not text by their first bytes (images, archives, compressed files,
 * office documents, Parquet, DLIS, SQLite), so the LAS and CSV readers and the file library can say
 * what a file is and what to do, instead of reading its bytes as garbage sections or columns. One
 * table for every reader: the LAS reader, the CSV reader (src/workers/duckdb/csv-prepare.ts) and
 * the library summary.
 */
import { utf16WithoutBom } from './utf16.ts';

/** A known binary format: its magic bytes (at `offset`), its name and what to do with it. */
interface Magic {
  readonly bytes: readonly number[];
  readonly offset?: number;
  /** e.g. "a PNG image", used as "this is a PNG image". */
  readonly what: string;
  /** True for archives and compressed files: the text file may be inside. */
  readonly packed?: boolean;
  /** What to do, when it is the same whatever text format was expected. */
  readonly todo?: string;
}

const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));
const unpack = (tool: string) => `decompress it (${tool}) first`;

const MAGICS: readonly Magic[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: ascii('GIF8'), what: 'a GIF image' },
  { bytes: ascii('%PDF-'), what: 'a PDF document' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (or an .xlsx/.docx file)', packed: true },
  { bytes: [0x50, 0x4b, 0x05, 0x06], what: 'an empty ZIP archive', packed: true },
  { bytes: [0x50, 0x4b, 0x07, 0x08], what: 'a ZIP archive', packed: true },
  {
    bytes: [0x1f, 0x8b],
    what: 'a gzip-compressed file (.gz)',
    packed: true,
    todo: unpack('gunzip'),
  },
  {
    bytes: ascii('BZh'),
    what: 'a bzip2-compressed file (.bz2)',
    packed: true,
    todo: unpack('bunzip2'),
  },
  {
    bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00],
    what: 'an xz-compressed file (.xz)',
    packed: true,
    todo: unpack('unxz'),
  },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'a 7-Zip archive', packed: true },
  { bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], what: 'a RAR archive', packed: true },
  {
    bytes: [0x28, 0xb5, 0x2f, 0xfd],
    what: 'a zstd-compressed file (.zst)',
    packed: true,
    todo: unpack('unzstd'),
  },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    what: 'a Microsoft Office (OLE2: .xls/.doc) file',
  },
  { bytes: ascii('PAR1'), what: 'a Parquet file' },
  { bytes: ascii('SQLite format 3\u0000'), what: 'an SQLite database' },
  {
    bytes: ascii('V1.00RECORD'),
    offset: 4,
    what: 'a DLIS file (binary RP66 log format)',
    todo: 'convert it to LAS with a DLIS tool first',
  },
];

function at(b: Uint8Array, m: Magic): boolean {
  const start = m.offset ?? 0;
  if (b.length < start + m.bytes.length) return false;
  if (!m.bytes.every((x, i) => b[start + i] === x)) return false;
  // bzip2 also needs its block-size digit, so text that starts "BZh" is not taken for it.
  return m.bytes[0] !== 0x42 || (b[3]! >= 0x31 && b[3]! <= 0x39);
}

/** True when `b` starts with a UTF-16 byte-order mark or looks like UTF-16 without one. */
function looksUtf16(b: Uint8Array): boolean {
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) return true;
  return utf16WithoutBom(b) !== null;
}

/** What a non-text file is, and what to do when that does not depend on the expected format. */
export interface BinaryKind {
  readonly what: string;
  readonly packed: boolean;
  readonly todo?: string;
}

/** The kind of a file whose first bytes are a known binary format, or null. */
export function knownBinary(bytes: Uint8Array): BinaryKind | null {
  const m = MAGICS.find((x) => at(bytes, x));
  return m
    ? { what: m.what, packed: m.packed === true, ...(m.todo ? { todo: m.todo } : {}) }
    : null;
}

/**
 * The kind of a file that cannot be text: a known binary format, or NUL bytes in its first 4 KB
 * outside UTF-16 text; null when `bytes` may be text.
 */
export function binaryKind(bytes: Uint8Array): BinaryKind | null {
  const known = knownBinary(bytes);
  if (known) return known;
  if (looksUtf16(bytes)) return null;
  const head = bytes.subarray(0, 4096);
  return head.includes(0) ? { what: 'binary data (it holds NUL bytes)', packed: false } : null;
}

/**
 * "this is <what>, not a <format> text file: <what to do>" for a file of kind `k`; `file` names what
 * to extract from an archive (e.g. "the .las file"), `otherwise` what to do with other kinds.
 */
export function notTextMessage(
  k: BinaryKind,
  how: { readonly format: string; readonly file: string; readonly otherwise: string },
): string {
  const todo = k.todo ?? (k.packed ? `extract ${how.file} from it and read that` : how.otherwise);
  return `this is ${k.what}, not a ${how.format} text file: ${todo}`;
}
