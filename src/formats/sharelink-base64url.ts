/** base64url without padding (RFC 4648 section 5), strict on input, for share-link payloads. */
import type { Result } from '../model/result.ts';
import { err, ok } from '../model/result.ts';

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const values = new Int16Array(128).fill(-1);
for (let i = 0; i < alphabet.length; i++) values[alphabet.charCodeAt(i)] = i;

/** Encodes bytes as base64url without `=` padding. */
export function toBase64Url(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] as number;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    chunk += alphabet.charAt(n >> 18) + alphabet.charAt((n >> 12) & 63);
    if (b !== undefined) chunk += alphabet.charAt((n >> 6) & 63);
    if (c !== undefined) chunk += alphabet.charAt(n & 63);
    if (chunk.length >= 4096) {
      parts.push(chunk);
      chunk = '';
    }
  }
  parts.push(chunk);
  return parts.join('');
}

/** Decodes base64url without padding; an error names the first bad character and its position. */
export function fromBase64Url(text: string): Result<Uint8Array, string> {
  if (text.length % 4 === 1)
    return err(`its length (${text.length}) is impossible for base64url; the link is cut short`);
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const v = code < 128 ? (values[code] as number) : -1;
    if (v < 0)
      return err(
        `character ${JSON.stringify(text.charAt(i))} at position ${i + 1} is not base64url (A-Z, a-z, 0-9, - and _)`,
      );
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return ok(out);
}
