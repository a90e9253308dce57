/**
 * Character encoding of a LAS file. The reader works on bytes whose ASCII subset is ASCII (UTF-8 or
 * an 8-bit code page), so numbers are parsed straight from bytes; UTF-16 is transcoded to UTF-8 first.
 */
import { utf16WithoutBom } from '../utf16.ts';
import { isAscii } from '../ascii.ts';
import { decodeCp1252 } from '../cp1252.ts';

/** Bytes ready for the byte-level reader, and how to turn a slice of them into text. */
export interface DecodedBytes {
  /** UTF-8 or windows-1252 bytes (BOM removed). */
  readonly bytes: Uint8Array;
  /** `ascii`, `utf-8`, `utf-8-bom`, `utf-16le`, `utf-16be` or `windows-1252`. */
  readonly encoding: string;
  /** Decodes `bytes[start, end)` to text. */
  readonly decode: (start: number, end: number) => string;
}

const utf8 = new TextDecoder('utf-8');

function fromUtf16(b: Uint8Array, label: 'utf-16le' | 'utf-16be', skip: number): Uint8Array {
  const text = new TextDecoder(label).decode(b.subarray(skip));
  return new TextEncoder().encode(text);
}

function decoderFor(bytes: Uint8Array, d: TextDecoder): (start: number, end: number) => string {
  return (start, end) => d.decode(bytes.subarray(start, end));
}

/**
 * Detects the encoding: a BOM wins; then UTF-16 by its zero bytes; then pure ASCII; then strict
 * UTF-8 (fatal decoder, so cp1252 text is never mangled into U+FFFD); else windows-1252 (a superset
 * of latin-1's printable characters).
 */
export function decodeLasBytes(input: Uint8Array): DecodedBytes {
  const b0 = input[0];
  const b1 = input[1];
  if (b0 === 0xef && b1 === 0xbb && input[2] === 0xbf) {
    const bytes = input.subarray(3);
    return { bytes, encoding: 'utf-8-bom', decode: decoderFor(bytes, utf8) };
  }
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    const label = b0 === 0xff ? 'utf-16le' : 'utf-16be';
    const bytes = fromUtf16(input, label, 2);
    return { bytes, encoding: label, decode: decoderFor(bytes, utf8) };
  }
  const guess = utf16WithoutBom(input);
  if (guess) {
    const bytes = fromUtf16(input, guess, 0);
    return { bytes, encoding: guess, decode: decoderFor(bytes, utf8) };
  }
  if (isAscii(input)) return { bytes: input, encoding: 'ascii', decode: decoderFor(input, utf8) };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(input);
    return { bytes: input, encoding: 'utf-8', decode: decoderFor(input, utf8) };
  } catch {
    return {
      bytes: input,
      encoding: 'windows-1252',
      decode: (start, end) => decodeCp1252(input.subarray(start, end)),
    };
  }
}
