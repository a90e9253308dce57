/**
 * Character encoding of a LAS file. The reader works on bytes whose ASCII subset is ASCII (UTF-8 or
 * an 8-bit code page), so numbers are parsed straight from bytes; UTF-16 is transcoded to UTF-8 first.
 */
import { utf16WithoutBom } from '../utf16.ts';

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
/** cp1252 code points of bytes 0x80-0x9F (0 where undefined: kept as the C1 control). */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152,
  0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161,
  0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/**
 * windows-1252 by table: Node's TextDecoder('windows-1252') decodes 0x80-0x9F as latin-1 C1
 * controls (so `0x80` would not become `€`), unlike browsers; one table gives the same text in both.
 */
function decodeCp1252(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    s += String.fromCharCode(c >= 0x80 && c < 0xa0 ? CP1252_HIGH[c - 0x80] || c : c);
  }
  return s;
}

/** True when some byte of `b` is 0x80 or above (checked four bytes at a time). */
export function hasHighByte(b: Uint8Array): boolean {
  let i = 0;
  const head = (4 - (b.byteOffset & 3)) & 3;
  for (; i < head && i < b.length; i++) if (b[i]! >= 0x80) return true;
  const words = (b.length - i) >> 2;
  const w = new Uint32Array(b.buffer, b.byteOffset + i, words);
  for (let k = 0; k < words; k++) if ((w[k]! & 0x80808080) !== 0) return true;
  for (i += words * 4; i < b.length; i++) if (b[i]! >= 0x80) return true;
  return false;
}

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
  if (!hasHighByte(input))
    return { bytes: input, encoding: 'ascii', decode: decoderFor(input, utf8) };
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
