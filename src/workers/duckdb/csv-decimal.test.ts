// source.csv 1.1.0's decimal separator, read by the real DuckDB-WASM: whole files and files read in
// chunks give the same numbers; 1.0.0 reads the same file as text, as it always did.
import { Table, type RecordBatch } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PetroflowException } from '../../model/errors.ts';
import {
  readCsvFiles,
  sourceCsvMigration110,
  type SourceCsvParams,
  type SourceCsvParamsV110,
} from '../../operators/tables/source-csv.ts';
import { CSV_SAMPLE_ROWS } from '../../operators/tables/source-csv-stream.ts';
import { memoryFiles, rangedFiles, testContext } from '../../operators/tables/test-context.ts';
import type { FileAccess } from '../../operators/types.ts';
import { createNodeDuckDbHost, type DuckDbHost } from './node.ts';

let host: DuckDbHost;
beforeAll(async () => {
  host = await createNodeDuckDbHost();
});
afterAll(async () => {
  await host.close();
});

async function read(
  files: FileAccess,
  params: SourceCsvParams | SourceCsvParamsV110,
  chunkBytes = 1 << 22,
  sampleRows = CSV_SAMPLE_ROWS,
): Promise<Table> {
  const ctx = testContext({ files, sql: host });
  const batches: RecordBatch[] = [];
  for await (const b of readCsvFiles(params, ctx, { chunkBytes, sampleRows })) batches.push(b);
  return new Table(batches);
}

const types = (t: Table): string[] => t.schema.fields.map((f) => `${f.name}:${String(f.type)}`);
const comma = { file: 'f.csv', delimiter: 'auto', header: true, decimal: ',' } as const;

/** `n` rows of DEPT;GR;RHOB;WELL written with decimal commas; the expected numbers alongside. */
function europeanCsv(n: number): { text: string; dept: number[]; gr: number[] } {
  const dept: number[] = [];
  const gr: number[] = [];
  const lines = ['DEPT;GR;RHOB;WELL'];
  for (let i = 0; i < n; i++) {
    dept.push(1000 + i * 0.5);
    gr.push((i % 150) + 0.25);
    lines.push(`${(1000 + i * 0.5).toFixed(1).replace('.', ',')};${i % 150},25;2,${i % 90};W-1`);
  }
  return { text: `${lines.join('\n')}\n`, dept, gr };
}

describe('source.csv 1.1.0 decimal separator', () => {
  it('reads numbers written with decimal commas as numbers, whole and in chunks', async () => {
    const { text, dept, gr } = europeanCsv(3_000);
    const whole = await read(memoryFiles({ 'f.csv': text }), comma);
    expect(types(whole)).toEqual(['DEPT:Float64', 'GR:Float64', 'RHOB:Float64', 'WELL:Utf8']);
    expect(whole.getChild('DEPT')?.toArray()).toEqual(Float64Array.from(dept));
    expect(whole.getChild('GR')?.toArray()).toEqual(Float64Array.from(gr));
    expect(whole.getChild('RHOB')?.get(91)).toBe(2.1);
    const files = rangedFiles({ 'f.csv': text });
    // Types sniffed from the first 100 rows, then every later chunk read with them.
    const chunked = await read(files, comma, 16_000, 100);
    expect(files.ranges).toBeGreaterThan(2);
    expect(types(chunked)).toEqual(types(whole));
    expect(chunked.getChild('DEPT')?.toArray()).toEqual(Float64Array.from(dept));
    expect(chunked.getChild('GR')?.toArray()).toEqual(Float64Array.from(gr));
  });

  it('keeps 1.0.0 and decimal "." reading such a file as text, with a warning', async () => {
    const { text } = europeanCsv(10);
    const ctx = testContext({ files: memoryFiles({ 'f.csv': text }), sql: host });
    const batches: RecordBatch[] = [];
    for await (const b of readCsvFiles({ file: 'f.csv' }, ctx)) batches.push(b);
    const v100 = new Table(batches);
    expect(types(v100)).toEqual(['DEPT:Utf8', 'GR:Utf8', 'RHOB:Utf8', 'WELL:Utf8']);
    expect(ctx.warnings).toEqual([
      'f.csv: columns "DEPT", "GR", "RHOB" hold numbers written with a decimal comma (such as 1000,5), read as text: set this node\'s "Decimal separator" to "," (source.csv 1.1.0) to read them as numbers.',
    ]);
    expect(v100.getChild('GR')?.get(1)).toBe('1,25');
    const dot = await read(memoryFiles({ 'f.csv': text }), { ...comma, decimal: '.' });
    expect(types(dot)).toEqual(types(v100));
  });

  it('uses a semicolon when no other delimiter fits every row', async () => {
    // A one-column file: no delimiter splits it, and a comma cannot be the delimiter.
    const t = await read(memoryFiles({ 'f.csv': 'DEPT\n1000,5\n1001\n' }), comma);
    expect(types(t)).toEqual(['DEPT:Float64']);
    expect(t.getChild('DEPT')?.toArray()).toEqual(Float64Array.from([1000.5, 1001]));
  });

  it('refuses a comma delimiter with a decimal comma, naming the parameter', async () => {
    const files = memoryFiles({ 'f.csv': 'a;b\n1,5;2\n' });
    const e = await read(files, { ...comma, delimiter: ',' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(PetroflowException);
    const detail = (e as PetroflowException).detail;
    expect(detail.code).toBe('BAD_PARAMS');
    expect(detail.message).toMatch(/delimiter.*"," is also the decimal separator/s);
  });

  it('migrates 1.0.0 parameters to decimal "."', () => {
    expect(sourceCsvMigration110.migrate({ file: 'x.csv', delimiter: ';' })).toEqual({
      file: 'x.csv',
      delimiter: ';',
      decimal: '.',
    });
    expect(sourceCsvMigration110.from).toBe('1.0.0');
  });
});

describe('source.csv 1.1.0 missing value', () => {
  const lines = Array.from({ length: 3_000 }, (_v, i) =>
    i % 7 === 3 ? `${1000 + i},-999.25,-9999` : `${1000 + i},${i % 150}.5,${i}`,
  );
  const text = `DEPT,GR,N\n${lines.join('\n')}\n`;
  const params = { file: 'f.csv', delimiter: 'auto', header: true, decimal: '.' } as const;

  it('makes the numbers equal to it null, whole and in chunks', async () => {
    // Only `file` and `nullValue` given: the other parameters take their defaults.
    const withNull = { file: 'f.csv', nullValue: -999.25 };
    const whole = await read(memoryFiles({ 'f.csv': text }), withNull);
    const chunked = await read(rangedFiles({ 'f.csv': text }), withNull, 16_000, 100);
    for (const t of [whole, chunked]) {
      expect(types(t)).toEqual(['DEPT:Int64', 'GR:Float64', 'N:Int64']);
      expect(t.getChild('GR')?.get(3)).toBeNull();
      expect(t.getChild('GR')?.get(4)).toBe(4.5);
      expect(t.getChild('GR')?.nullCount).toBe(lines.filter((l) => l.includes('-999.25')).length);
      // -999.25 is not an integer: the integer column keeps its -9999.
      expect(t.getChild('N')?.get(3)).toBe(-9999n);
    }
  });

  it('warns about the usual missing-value numbers when none is set (1.0.0 too)', async () => {
    for (const p of [params, { file: 'f.csv' }]) {
      const ctx = testContext({ files: memoryFiles({ 'f.csv': text }), sql: host });
      for await (const b of readCsvFiles(p, ctx)) expect(b.numRows).toBeGreaterThan(0);
      expect(ctx.warnings).toEqual([
        'f.csv: numeric columns "GR" (-999.25), "N" (-9999) hold the usual "no value" number of LAS exports, read as a value: set this node\'s "Missing value" to -999.25 (source.csv 1.1.0) to make such values null.',
      ]);
    }
  });
});
