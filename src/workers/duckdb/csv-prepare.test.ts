/**
 * prepareCsv's pure-ASCII fast path: every check gives the same answer as on decoded text (the
 * same content behind a UTF-8 BOM goes through the TextDecoder path), and the ASCII test itself
 * finds a high byte wherever it is, aligned or not.
 */
import { describe, expect, it } from 'vitest';
import { isAscii } from '../../formats/ascii.ts';
import { isPlainUtf8 } from '../../operators/tables/source-csv-parts.ts';
import { prepareCsv } from './csv-prepare.ts';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const BOM = [0xef, 0xbb, 0xbf];

/** The answer of prepareCsv as comparable data: the error message, or the text handed on. */
function answer(bytes: Uint8Array): string {
  const r = prepareCsv('in.csv', bytes);
  if (!r.ok) return `error: ${r.error.message}`;
  expect(r.value.encoding).toBe('utf-8');
  expect(r.value.warnings).toEqual([]);
  return `ok: ${new TextDecoder().decode(r.value.bytes)}`;
}

const controls = (bad: number, total: number): string =>
  '\u0001'.repeat(bad) + 'a'.repeat(total - bad);

describe('prepareCsv on pure ASCII', () => {
  const cases: Record<string, string> = {
    csv: 'DEPT,GR\r\n1000.5,45.2\r\n',
    empty: '',
    blank: ' \t\r\n\u000b\u000c \n',
    las: '  \r\n~Version information\nVERS. 2.0\n',
    lasLower: '~ \t w\n',
    tildeText: '~x,y\n1,2\n',
    tildeAlone: '   ~',
    // 2% of the first 64K characters is the limit: at it passes, one more fails.
    controlsAtLimit: controls(1310, 65536) + 'b'.repeat(1000),
    controlsOver: controls(1311, 65536),
    controlsShort: controls(3, 100),
    del: 'a,b\n\u007f\u007f\u007f,1\n',
    formFeed: 'a\f,b\n1,2\n',
    nul: 'a,b\n1,2\u0000\n',
  };
  for (const [label, text] of Object.entries(cases)) {
    it(`answers as the decoding path does: ${label}`, () => {
      const fast = enc(text);
      expect(isAscii(fast)).toBe(true);
      const decoded = new Uint8Array([...BOM, ...fast]);
      expect(answer(fast)).toBe(answer(decoded));
    });
  }

  it('hands the very bytes on, not a copy', () => {
    const b = enc('a,b\n1,2\n');
    const r = prepareCsv('in.csv', b);
    expect(r.ok && r.value.bytes).toBe(b);
  });

  it('finds a byte of 0x80 or more at any offset of any view', () => {
    const base = new Uint8Array(67).fill(0x41);
    expect(isAscii(base)).toBe(true);
    for (let at = 0; at < base.length; at++) {
      for (const high of [0x80, 0xc3, 0xff]) {
        const b = base.slice();
        b[at] = high;
        for (let start = 0; start <= Math.min(at, 5); start++) {
          expect(isAscii(b.subarray(start))).toBe(false);
          expect(isAscii(b.subarray(start, at))).toBe(true);
        }
      }
    }
    expect(isAscii(new Uint8Array(0))).toBe(true);
  });

  it('finds a NUL byte at any offset when asked, as isPlainUtf8 needs', () => {
    const base = new Uint8Array(67).fill(0x7f);
    expect(isAscii(base, true)).toBe(true);
    for (let at = 0; at < base.length; at++) {
      const b = base.slice();
      b[at] = 0;
      for (let start = 0; start <= Math.min(at, 5); start++) {
        expect(isAscii(b.subarray(start), true)).toBe(false);
        expect(isAscii(b.subarray(start), false)).toBe(true);
        expect(isPlainUtf8(b.subarray(start))).toBe(false);
        expect(isAscii(b.subarray(start, at), true)).toBe(true);
      }
    }
    expect(isPlainUtf8(enc('a,b\né,1\n'))).toBe(true);
    expect(isPlainUtf8(new Uint8Array([0x61, 0xe9, 0x0a]))).toBe(false);
  });

  it('still transcodes UTF-16 without a BOM (zero bytes are ASCII)', () => {
    const s = 'DEPT,GR\n1,2\n';
    const b = new Uint8Array(s.length * 2);
    for (let i = 0; i < s.length; i++) b[2 * i] = s.charCodeAt(i);
    const r = prepareCsv('in.csv', b);
    expect(r.ok && r.value.encoding).toBe('utf-16le');
    expect(r.ok && new TextDecoder().decode(r.value.bytes)).toBe(s);
  });

  it('checks 7.6 MB of ASCII faster than decoding it', () => {
    const row = '1234.5,0.25,2.345,67.5,-999.25\n';
    const b = enc(row.repeat(Math.ceil(7_600_000 / row.length)));
    const time = (f: () => void): number => {
      let best = Infinity;
      for (let k = 0; k < 3; k++) {
        const t0 = performance.now();
        f();
        best = Math.min(best, performance.now() - t0);
      }
      return best;
    };
    const fast = time(() => expect(prepareCsv('big.csv', b).ok).toBe(true));
    const decode = time(() => new TextDecoder('utf-8', { fatal: true }).decode(b));
    expect(fast).toBeLessThan(decode);
  });
});
