import { describe, expect, it } from 'vitest';
import { decodeLasBytes } from './encoding.ts';

const text = '~V\n VERS. 2.0 : é ºᶟ\n';

function utf16(s: string, le: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array((s.length + (bom ? 1 : 0)) * 2);
  const units = (bom ? '\ufeff' : '') + s;
  for (let i = 0; i < units.length; i++) {
    const u = units.charCodeAt(i);
    out[2 * i + (le ? 0 : 1)] = u & 0xff;
    out[2 * i + (le ? 1 : 0)] = u >> 8;
  }
  return out;
}

const all = (d: ReturnType<typeof decodeLasBytes>) => d.decode(0, d.bytes.length);

describe('decodeLasBytes', () => {
  it('reads plain ASCII without decoding work', () => {
    const d = decodeLasBytes(new TextEncoder().encode('~V\n'));
    expect(d.encoding).toBe('ascii');
  });

  it('reads UTF-8 with and without a BOM', () => {
    const plain = new TextEncoder().encode(text);
    expect(decodeLasBytes(plain).encoding).toBe('utf-8');
    expect(all(decodeLasBytes(plain))).toBe(text);
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...plain]);
    expect(decodeLasBytes(bom).encoding).toBe('utf-8-bom');
    expect(all(decodeLasBytes(bom))).toBe(text);
  });

  it('reads UTF-16 LE and BE, with and without a BOM', () => {
    for (const le of [true, false])
      for (const bom of [true, false]) {
        const d = decodeLasBytes(utf16(text, le, bom));
        expect(d.encoding).toBe(le ? 'utf-16le' : 'utf-16be');
        expect(all(d)).toBe(text);
      }
  });

  it('reads 8-bit cp1252 / latin-1 text without mangling it (strict UTF-8 first)', () => {
    const cp = new Uint8Array([
      ...new TextEncoder().encode('~V\n X. '),
      0xe9,
      0x20,
      0xb0,
      0x80,
      0x0a,
    ]);
    const d = decodeLasBytes(cp);
    expect(d.encoding).toBe('windows-1252');
    expect(all(d)).toBe('~V\n X. é °€\n');
  });
});
