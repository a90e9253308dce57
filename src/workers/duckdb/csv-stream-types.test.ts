import { Table, type RecordBatch } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileAccess } from '../../operators/types.ts';
import { readCsvFiles } from '../../operators/tables/source-csv.ts';
import { CSV_SAMPLE_ROWS } from '../../operators/tables/source-csv-stream.ts';
import { memoryFiles, rangedFiles, testContext } from '../../operators/tables/test-context.ts';
import { createNodeDuckDbHost, type DuckDbHost } from './node.ts';

let host: DuckDbHost;
beforeAll(async () => {
  host = await createNodeDuckDbHost();
});
afterAll(async () => {
  await host.close();
});

async function read(files: FileAccess, chunkBytes: number, sampleRows = 4) {
  const ctx = testContext({ files, sql: host });
  const batches: RecordBatch[] = [];
  for await (const b of readCsvFiles({ file: 'f.csv' }, ctx, { chunkBytes, sampleRows }))
    batches.push(b);
  return { table: new Table(batches), batches, warnings: ctx.warnings };
}

function typesOf(t: Table): string[] {
  return t.schema.fields.map((f) => `${f.name}:${String(f.type)}`);
}

function rowsOf(t: Table): unknown[] {
  return t
    .toArray()
    .map((r: { toJSON(): Record<string, unknown> }) =>
      Object.fromEntries(
        Object.entries(r.toJSON()).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]),
      ),
    );
}

/** `rows` rows: column `x` holds `early` values, then `late` ones from row `at`; `n` counts. */
function file(
  early: (i: number) => string,
  late: (i: number) => string,
  at = 30,
  rows = 40,
): string {
  const lines = Array.from({ length: rows }, (_, i) => `${i},${i < at ? early(i) : late(i)},w${i}`);
  return `n,x,s\n${lines.join('\n')}\n`;
}

const day = (i: number): string => `2024-01-${10 + (i % 9)}`;

/**
 * Files of 24 000 rows whose late values (from row 22 000) come after DuckDB's 20 480-row sample,
 * read with the real sample size: the whole-file read (pinned type of `x`) against chunks of
 * 16 kB and 48 kB. Where DuckDB's read converts a late value to the sampled type (0/1 to
 * BOOLEAN) the whole-file read does so too, and so must chunks; a late non-integer in an integer
 * column makes it DOUBLE in both (DuckDB's cast would round it), and a late time of day in a DATE
 * column makes it TIMESTAMP (DuckDB's cast would drop the time).
 */
const big: Record<string, [string, string]> = {
  'a late float in an integer column': [file(String, () => '12.5', 22_000, 24_000), 'Float64'],
  'a late negative float in an integer column': [
    file(String, () => '-3.5', 23_999, 24_000),
    'Float64',
  ],
  'late integers written with an exponent': [file(String, () => '1e3', 22_000, 24_000), 'Float64'],
  'a late text value in a numeric column': [
    file(
      (i) => `${i}.5`,
      () => 'n/a',
      22_000,
      24_000,
    ),
    'Utf8',
  ],
  'late empties in an integer column': [file(String, () => '', 22_000, 24_000), 'Int64'],
  'late values in a column empty over the sample': [file(() => '', String, 22_000, 24_000), 'Utf8'],
  'dates then a non-date': [file(day, () => 'soon', 22_000, 24_000), 'Utf8'],
  'dates then timestamps': [
    file(day, () => '2024-02-01 10:30:00', 22_000, 24_000),
    'Timestamp<MICROSECOND>',
  ],
  'dates then timestamps mixed with dates': [
    file(day, (i) => (i % 2 === 0 ? '2024-02-01 10:30:00' : day(i)), 22_000, 24_000),
    'Timestamp<MICROSECOND>',
  ],
  'booleans then numbers': [file((i) => String(i % 2 === 0), String, 22_000, 24_000), 'Utf8'],
  'booleans then 0/1': [
    file(
      (i) => String(i % 2 === 0),
      (i) => String(i % 2),
      22_000,
      24_000,
    ),
    'Bool',
  ],
  'integers then booleans': [file(String, () => 'true', 22_000, 24_000), 'Utf8'],
};

describe('source.csv on files larger than a chunk, with DuckDB sample size', () => {
  for (const [label, [text, type]] of Object.entries(big)) {
    it(label, async () => {
      const whole = await read(memoryFiles({ 'f.csv': text }), 1 << 22, CSV_SAMPLE_ROWS);
      expect(typesOf(whole.table)).toEqual(['n:Int64', `x:${type}`, 's:Utf8']);
      const expected = rowsOf(whole.table);
      for (const size of [16_000, 48_000]) {
        const files = rangedFiles({ 'f.csv': text });
        const chunked = await read(files, size, CSV_SAMPLE_ROWS);
        expect(files.ranges).toBeGreaterThan(2);
        expect(chunked.batches.length).toBeGreaterThan(1);
        expect(typesOf(chunked.table)).toEqual(typesOf(whole.table));
        expect(rowsOf(chunked.table)).toEqual(expected);
      }
    });
  }

  it('reads a large semicolon CSV with decimal commas by its semicolons, in chunks too', async () => {
    const lines = Array.from(
      { length: 3_000 },
      (_v, i) => `${1000 + i},5;${i % 150},25;2,${i % 90}`,
    );
    const text = `DEPT;GR;RHOB\n${lines.join('\n')}\n`;
    const whole = await read(memoryFiles({ 'f.csv': text }), 1 << 22, CSV_SAMPLE_ROWS);
    const files = rangedFiles({ 'f.csv': text });
    const chunked = await read(files, 16_000, CSV_SAMPLE_ROWS);
    expect(files.ranges).toBeGreaterThan(2);
    expect(typesOf(whole.table)).toEqual(['DEPT:Utf8', 'GR:Utf8', 'RHOB:Utf8']);
    expect(typesOf(chunked.table)).toEqual(typesOf(whole.table));
    expect(rowsOf(chunked.table)).toEqual(rowsOf(whole.table));
    expect(whole.table.getChild('GR')?.get(2_999)).toBe('149,25');
  });

  it('keeps the time of day of late timestamps in a column of dates', async () => {
    const text = big['dates then timestamps mixed with dates']?.[0] ?? '';
    const whole = await read(memoryFiles({ 'f.csv': text }), 1 << 22, CSV_SAMPLE_ROWS);
    const chunked = await read(rangedFiles({ 'f.csv': text }), 16_000, CSV_SAMPLE_ROWS);
    for (const t of [whole.table, chunked.table]) {
      const x = t.getChild('x');
      expect(x?.get(0)).toBe(Date.UTC(2024, 0, 10));
      expect(x?.get(22_000)).toBe(Date.UTC(2024, 1, 1, 10, 30));
      expect(x?.get(22_001)).toBe(Date.UTC(2024, 0, 10 + (22_001 % 9)));
      expect(x?.get(23_998)).toBe(Date.UTC(2024, 1, 1, 10, 30));
    }
  });
});

/**
 * Small files where a whole-file read samples every row (so detects from all rows), read in tiny
 * chunks with types first sniffed from 4 rows: the later values do not convert to those types, so
 * every chunk's types are detected and widened; this pins the widening against DuckDB's own.
 */
const small: Record<string, [string, string]> = {
  'a late text value in a numeric column': [
    file(
      (i) => `${i}.5`,
      () => 'n/a',
      38,
    ),
    'Utf8',
  ],
  'dates then a non-date': [file(day, () => 'soon', 35), 'Utf8'],
  'booleans then numbers': [file((i) => String(i % 2 === 0), String), 'Utf8'],
  'integers then booleans': [file(String, () => 'true'), 'Utf8'],
  'integers then dates': [file(String, () => '2024-01-02'), 'Utf8'],
  'integers then floats then text': [file(String, (i) => (i < 35 ? `${i}.25` : 'x')), 'Utf8'],
  'integers then floats': [file(String, (i) => `-${i}.25`), 'Float64'],
  'integers then integers with an exponent': [file(String, () => '1e3'), 'Float64'],
  'integers too large for BIGINT later': [file(String, () => '99999999999999999999'), 'Float64'],
  'dd/mm dates, ambiguous at first': [
    file(
      (i) => `0${(i % 9) + 1}/02/2024`,
      (i) => `${13 + (i % 9)}/02/2024`,
    ),
    'Date32<DAY>',
  ],
};

describe('source.csv in tiny chunks: types widened as a whole-file detection', () => {
  for (const [label, [text, type]] of Object.entries(small)) {
    it(label, async () => {
      const whole = await read(memoryFiles({ 'f.csv': text }), 1 << 20);
      expect(typesOf(whole.table)).toEqual(['n:Int64', `x:${type}`, 's:Utf8']);
      for (const size of [24, 90, 300]) {
        const files = rangedFiles({ 'f.csv': text });
        const chunked = await read(files, size);
        expect(files.ranges).toBeGreaterThan(2);
        expect(chunked.batches.length).toBeGreaterThan(1);
        expect(typesOf(chunked.table)).toEqual(typesOf(whole.table));
        expect(rowsOf(chunked.table)).toEqual(rowsOf(whole.table));
      }
    });
  }

  it('keeps header names, short-row warnings and values when types widen', async () => {
    const text = `a;b\n1;x\n2;y\n3;z\n4;w\n5\n${Array.from({ length: 20 }, (_, i) => `${i};v${i}`).join('\n')}\n6.5e400;q\n`;
    const whole = await read(memoryFiles({ 'f.csv': text }), 1 << 20);
    const chunked = await read(rangedFiles({ 'f.csv': text }), 16);
    expect(typesOf(chunked.table)).toEqual(['a:Float64', 'b:Utf8']);
    expect(rowsOf(chunked.table)).toEqual(rowsOf(whole.table));
    expect(chunked.warnings.join('\n')).toMatch(/fewer than 2 values \(first at line 6\)/);
  });
});

describe('source.csv never rounds a late non-integer of an integer column', () => {
  it('reads 30 000 integers then 12.5 and 7.25 as DOUBLE, whole and in chunks', async () => {
    const ints = Array.from({ length: 30_000 }, (_, i) => `${i},${i % 97},w`);
    const text = `n,x,s\n${[...ints, '30000,12.5,w', '30001,7.25,w'].join('\n')}\n`;
    const whole = await read(memoryFiles({ 'f.csv': text }), 1 << 22, CSV_SAMPLE_ROWS);
    const files = rangedFiles({ 'f.csv': text });
    const chunked = await read(files, 32_000, CSV_SAMPLE_ROWS);
    expect(files.ranges).toBeGreaterThan(2);
    for (const t of [whole.table, chunked.table]) {
      expect(typesOf(t)).toEqual(['n:Int64', 'x:Float64', 's:Utf8']);
      expect(t.numRows).toBe(30_002);
      expect(t.getChild('x')?.get(29_999)).toBe(29_999 % 97);
      expect(t.getChild('x')?.get(30_000)).toBe(12.5);
      expect(t.getChild('x')?.get(30_001)).toBe(7.25);
    }
    // Integers only: stays BIGINT.
    const only = `n,x\n${Array.from({ length: 30_000 }, (_, i) => `${i},${-i}`).join('\n')}\n`;
    const kept = await read(rangedFiles({ 'f.csv': only }), 32_000, CSV_SAMPLE_ROWS);
    expect(typesOf(kept.table)).toEqual(['n:Int64', 'x:Int64']);
    expect(kept.table.getChild('x')?.get(29_999)).toBe(-29_999n);
  });
});
