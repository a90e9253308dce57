// The CSV summary's byte scanner against the CSV reader used for the preview, and its linear time.
import { describe, expect, it } from 'vitest';
import { parseCsv, scanCsv } from './csv-text.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const header = (text: string) => {
  const b = bytes(text);
  const s = scanCsv(b);
  return new TextDecoder().decode(b.subarray(s.header.start, s.header.end));
};

describe('scanCsv', () => {
  it('counts records ended by LF, CRLF or CR, with or without a final line break', () => {
    expect(scanCsv(bytes('a,b\n1,2\n3,4\n')).records).toBe(3);
    expect(scanCsv(bytes('a,b\r\n1,2\r\n3,4')).records).toBe(3);
    expect(scanCsv(bytes('a,b\r1,2\r3,4\r')).records).toBe(3);
    expect(scanCsv(bytes('')).records).toBe(0);
  });

  it('skips blank and white-space-only lines, as the old line split did', () => {
    expect(scanCsv(bytes('\n\na,b\n\n1,2\n  \t \n3,4\n\n')).records).toBe(3);
    expect(header('\n \na;b\n1;2\n')).toBe('a;b');
  });

  it('keeps line breaks inside quotes in their field (one record), also in the header', () => {
    const text = '"a\nA",b\n"x\r\ny ""q""",2\n3,"4\n"\n';
    expect(scanCsv(bytes(text)).records).toBe(3);
    expect(parseCsv(text, ',')).toHaveLength(3);
    expect(header(text)).toBe('"a\nA",b');
  });

  it('reads multi-byte UTF-8 and a byte order mark as content', () => {
    const text = '\uFEFFtiefe,Größe\n1,µ\n2,é\n';
    expect(scanCsv(bytes(text)).records).toBe(3);
    expect(header(text)).toBe('tiefe,Größe');
  });

  it('agrees with parseCsv on the number of records of generated files', () => {
    const pieces = ['1', 'ab', '"q,\n"', '""', 'é', ' x'];
    const ends = ['\n', '\r\n', '\r'];
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let f = 0; f < 200; f++) {
      const lines = Array.from({ length: 1 + next(8) }, () =>
        Array.from({ length: 1 + next(3) }, () => pieces[next(pieces.length)]).join(','),
      );
      const text = lines.map((l) => l + ends[next(ends.length)]).join('');
      expect(scanCsv(bytes(text)).records, JSON.stringify(text)).toBe(parseCsv(text, ',').length);
    }
  });

  it('is linear: 16 MB of quotes and line breaks (quadratic would take hours) scan in seconds', () => {
    const big = new Uint8Array(16 * 1024 * 1024);
    for (let i = 0; i < big.length; i++) big[i] = i % 3 === 0 ? 0x22 : i % 3 === 1 ? 0x0a : 0x41;
    const t0 = performance.now();
    const s = scanCsv(big);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(s.records).toBe(Math.ceil(big.length / 6));
  });
});
