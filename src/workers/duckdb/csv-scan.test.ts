import { describe, expect, it } from 'vitest';
import { CsvChunker } from '../../operators/tables/csv-chunks.ts';
import type { CsvDialect, RangedFile } from '../../operators/types.ts';
import { scanCsvRecords } from './csv-scan.ts';
import { csvShape } from './csv-shape.ts';
import { partShape } from './csv-stream-shape.ts';

const enc = new TextEncoder();

function dialect(columns: number): CsvDialect {
  return {
    delimiter: ',',
    quote: '"',
    escape: '"',
    comment: '',
    dateFormat: null,
    timestampFormat: null,
    columns: Array.from({ length: columns }, (_, i) => ({ name: `c${i}`, type: 'VARCHAR' })),
  };
}

/**
 * Lines (CRLF): 1 header; 2 ok; 3-4 quoted CRLF inside; 5 short; 6 long; 7 blank; 8-10 quoted LF
 * and CRLF inside, short; 11 ok with "" inside quotes; 12 long; 13 short, no final line break.
 */
const text = [
  'depth,name,note',
  '1,a,x',
  '2,"b\r\nb2",y',
  '3,c',
  '4,d,e,f',
  '',
  '5,"multi\nline\r\nnote"',
  '6,"say ""hi"", ok",z',
  '7,g,h,i,j',
  '8',
].join('\r\n');
const bytes = enc.encode(text);

/** The shape of `b` read as the chunked reader does: the first part whole, later ones as parts. */
async function streamedShape(b: Uint8Array, chunkBytes: number) {
  const file: RangedFile = { read: (at, n) => Promise.resolve(b.slice(at, at + n)) };
  const total = { expected: 0, short: 0, long: 0, firstShort: 0, firstLong: 0, parts: 0 };
  const add = (s: { short: number; long: number; firstShort: number; firstLong: number }) => {
    total.short += s.short;
    total.long += s.long;
    total.firstShort ||= s.firstShort;
    total.firstLong ||= s.firstLong;
  };
  for await (const chunk of new CsvChunker(file, chunkBytes).chunks()) {
    total.parts++;
    if (chunk.index === 0) {
      const s = csvShape(chunk.bytes, ',');
      if (!s) throw new Error('no shape');
      total.expected = s.expected;
      add(s);
    } else add(partShape(chunk.bytes, dialect(total.expected), chunk.linesBefore));
  }
  return total;
}

describe('scanCsvRecords', () => {
  it('counts short and long records with file lines, across quoted CRLF and LF', () => {
    expect(csvShape(bytes, ',')).toEqual({
      expected: 3,
      short: 3,
      long: 2,
      firstShort: 5,
      firstLong: 6,
    });
    const s = scanCsvRecords(bytes, { delimiter: 44, quote: 34, linesBefore: 0, expected: 3 });
    // The header counts too when the expected count is given: it has 3 values, so it is fine.
    expect(s).toMatchObject({ expected: 3, short: 3, long: 2, firstShort: 5, firstLong: 6 });
    // Longest records: `5,"multi\nline\r\nnote"\r\n` and `6,"say ""hi"", ok",z\r\n`, 22 bytes.
    expect(s.longest).toBe(22);
  });

  it('takes the expected count from the first non-empty record and never counts it', () => {
    const b = enc.encode('\n\na;b\n1\n1;2;3\n');
    expect(
      scanCsvRecords(b, { delimiter: 59, quote: 34, linesBefore: 10, expected: 'first' }),
    ).toEqual({ expected: 2, longest: 6, short: 1, long: 1, firstShort: 14, firstLong: 15 });
  });

  it('ends records at a lone CR, and treats quotes as plain bytes when there is no quote', () => {
    const b = enc.encode('a,b\r1,"x\r2,y,z');
    expect(scanCsvRecords(b, { delimiter: 44, quote: 34, linesBefore: 0, expected: 2 })).toEqual({
      expected: 2,
      longest: 10,
      short: 0,
      long: 0,
      firstShort: 0,
      firstLong: 0,
    });
    expect(scanCsvRecords(b, { delimiter: 44, quote: -1, linesBefore: 0, expected: 2 })).toEqual({
      expected: 2,
      longest: 5,
      short: 0,
      long: 1,
      firstShort: 0,
      firstLong: 3,
    });
  });

  it('gives an empty input no records', () => {
    const s = scanCsvRecords(new Uint8Array(0), {
      delimiter: 44,
      quote: 34,
      linesBefore: 0,
      expected: 'first',
    });
    expect(s).toEqual({ expected: 0, longest: 0, short: 0, long: 0, firstShort: 0, firstLong: 0 });
  });
});

describe('streamed and whole-file shapes', () => {
  it('agree wherever the file is cut (inside quoted line breaks and between CR and LF too)', async () => {
    const whole = csvShape(bytes, ',');
    // Cut inside the quoted CRLF of line 3 (`b\r|\nb2`), inside the quoted LF of line 8, and
    // between the CR and LF that end line 5, then at every other byte.
    const at = (s: string, plus: number): number => text.indexOf(s) + plus;
    const cuts = [at('b\r\nb2', 2), at('multi\n', 6), at('3,c\r\n', 4)];
    for (const cut of [...cuts, ...Array.from({ length: bytes.length }, (_, i) => i + 1)]) {
      const streamed = await streamedShape(bytes, cut);
      const { parts, ...shape } = streamed;
      expect(shape, `chunks of ${cut} bytes`).toEqual(whole);
      if (cut < 20) expect(parts).toBeGreaterThan(2);
    }
  });

  it('agree on a generated file with CRLF ends and quoted line breaks', async () => {
    const rows = ['a,b,c'];
    for (let i = 0; i < 300; i++) {
      if (i % 37 === 5) rows.push(`${i},"q\r\n${i}"`);
      else if (i % 41 === 7) rows.push(`${i},x,"y\n""z""",w`);
      else rows.push(`${i},"${i}\n",${i * 2}`);
    }
    const b = enc.encode(`${rows.join('\r\n')}\r\n`);
    const whole = csvShape(b, ',');
    expect(whole?.short).toBe(8);
    expect(whole?.long).toBe(8);
    for (const cut of [7, 64, 333, 1000, 4096]) {
      const { parts, ...shape } = await streamedShape(b, cut);
      expect(shape, `chunks of ${cut} bytes`).toEqual(whole);
      expect(parts).toBeGreaterThan(1);
    }
  });
});
