/**
 * Checks and transcodes CSV bytes before DuckDB sees them (DuckDB-WASM reads UTF-8 only): empty
 * files, images/archives, LAS files, JSON and HTML/XML pages (csv-markup.ts) and binary data are
 * refused with a CSV_READ error that says what to do; UTF-16 (BOM or zero-byte pattern) and
 * windows-1252 are transcoded to UTF-8, and a UTF-8 BOM is dropped. Linear in the size.
 */
import { knownBinary, notTextMessage } from '../../formats/binary-magic.ts';
import { utf16WithoutBom } from '../../formats/utf16.ts';
import { petroflowError, type PetroflowError } from '../../model/errors.ts';
import { err, ok, type Result } from '../../model/result.ts';
import { isAscii } from '../../formats/ascii.ts';
import { decodeCp1252 } from '../../formats/cp1252.ts';
import { markupMessage } from './csv-markup.ts';

/** UTF-8 bytes for DuckDB, the encoding found, and notes for the user. */
export interface PreparedCsv {
  readonly bytes: Uint8Array;
  readonly encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  readonly warnings: string[];
}

function fail(file: string, message: string): Result<PreparedCsv, PetroflowError> {
  return err(petroflowError('CSV_READ', `${file}: ${message}`, { file }));
}

/** Share of control characters (other than tab, CR, LF, FF) in the first 64K characters. */
function controlShare(text: string): number {
  const n = Math.min(text.length, 65536);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0x7f || c === 0xfffd)
      bad++;
  }
  return n === 0 ? 0 : bad / n;
}

function decode(b: Uint8Array): { text: string; encoding: PreparedCsv['encoding'] } {
  if (b[0] === 0xff && b[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(b.subarray(2)), encoding: 'utf-16le' };
  if (b[0] === 0xfe && b[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(b.subarray(2)), encoding: 'utf-16be' };
  const guess = utf16WithoutBom(b);
  if (guess) return { text: new TextDecoder(guess).decode(b), encoding: guess };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(b), encoding: 'utf-8' };
  } catch {
    return { text: decodeCp1252(b), encoding: 'windows-1252' };
  }
}

/** Whitespace as String.prototype.trim and `\s` see it, within ASCII. */
function isSpaceByte(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/**
 * The checks of `prepareCsv` on pure-ASCII bytes (one character per byte, so no decoding): the
 * same empty-file, LAS and control-character tests as on decoded text, byte by byte.
 */
function checkAscii(file: string, b: Uint8Array): Result<PreparedCsv, PetroflowError> {
  let i = 0;
  while (i < b.length && isSpaceByte(b[i]!)) i++;
  if (i === b.length) return fail(file, EMPTY);
  if (b[i] === 0x7e) {
    let j = i + 1;
    while (j < b.length && isSpaceByte(b[j]!)) j++;
    // V, W, C, A in either case (as /^~\s*[VWCA]/i).
    if (j < b.length && [0x56, 0x57, 0x43, 0x41].includes(b[j]! & 0xdf)) return fail(file, LAS);
  }
  const n = Math.min(b.length, 65536);
  let bad = 0;
  for (let k = 0; k < n; k++) {
    const c = b[k]!;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0x7f) bad++;
  }
  if (bad / n > 0.02) return fail(file, binary('utf-8'));
  const markup = markupMessage(String.fromCharCode(...b.subarray(i, i + 64)));
  if (markup) return fail(file, markup);
  return ok({ bytes: b, encoding: 'utf-8', warnings: [] });
}

const EMPTY = 'the file is empty: a CSV file needs at least a header row. Check the file.';
const LAS =
  'this is a LAS well-log file (it starts with a ~ section), not CSV. Read it with a LAS source (source.las).';
const binary = (encoding: string): string =>
  `this looks like binary data, not CSV text (many control characters; read as ${encoding}). Check that it is a CSV file saved as text.`;

/** Validates and transcodes the bytes of CSV file `file` (see the module comment). */
export function prepareCsv(file: string, input: Uint8Array): Result<PreparedCsv, PetroflowError> {
  const kind = knownBinary(input);
  if (kind)
    return fail(
      file,
      `${notTextMessage(kind, { format: 'CSV', file: 'the CSV file', otherwise: 'choose the CSV file instead' })}.`,
    );
  // Pure ASCII (no BOM, not UTF-16 by its zero bytes) needs no decoding: same checks on bytes.
  if (utf16WithoutBom(input) === null && isAscii(input)) return checkAscii(file, input);
  const { text: raw, encoding } = decode(input);
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (text.trim() === '') return fail(file, EMPTY);
  const head = text.trimStart();
  if (head[0] === '~' && /^~\s*[VWCA]/i.test(head)) return fail(file, LAS);
  if (controlShare(text) > 0.02) return fail(file, binary(encoding));
  const markup = markupMessage(head.slice(0, 64));
  if (markup) return fail(file, markup);
  const warnings =
    encoding === 'utf-8' ? [] : [`${file}: read as ${encoding} text and converted to UTF-8.`];
  const same = encoding === 'utf-8' && text.length === raw.length;
  return ok({ bytes: same ? input : new TextEncoder().encode(text), encoding, warnings });
}
