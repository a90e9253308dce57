/**
 * Real-world CSV exports through the real DuckDB-WASM host and source.csv, whole and in chunks:
 * Excel's `sep=;` first line, values holding the comment character, thousands separators, and
 * numeric columns that turn to text because of a few other values.
 */
import { Table, type RecordBatch } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsvFiles } from '../../operators/tables/source-csv.ts';
import { tableWarnings } from '../../operators/tables/source-csv-parts.ts';
import {
  memoryFiles,
  rangedFiles,
  testContext,
  type RecordingContext,
} from '../../operators/tables/test-context.ts';
import { excelSepLine } from './csv-delimiter.ts';
import { createNodeDuckDbHost, type DuckDbHost } from './node.ts';

let host: DuckDbHost;
beforeAll(async () => {
  host = await createNodeDuckDbHost();
});
afterAll(async () => {
  await host.close();
});

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const auto = { delimiter: 'auto', header: true };

const types = (t: Table): string[] => t.schema.fields.map((f) => `${f.name}:${String(f.type)}`);
const rows = (t: Table): unknown[][] =>
  t
    .toArray()
    .map((r: { toJSON(): Record<string, unknown> }) =>
      Object.values(r.toJSON()).map((v) => (typeof v === 'bigint' ? Number(v) : v)),
    );

/** source.csv over `text`: whole (one chunk) or in chunks of `chunkBytes`. */
async function source(
  text: string,
  chunkBytes = 1 << 20,
): Promise<{ table: Table; ctx: RecordingContext }> {
  const files =
    chunkBytes < text.length ? rangedFiles({ 'f.csv': text }) : memoryFiles({ 'f.csv': text });
  const ctx = testContext({ files, sql: host });
  const batches: RecordBatch[] = [];
  for await (const b of readCsvFiles({ file: 'f.csv' }, ctx, { chunkBytes, sampleRows: 6 }))
    batches.push(b);
  return { table: new Table(batches), ctx };
}

describe("Excel's sep= first line", () => {
  const body = Array.from({ length: 40 }, (_, i) => `${1000 + i / 2};${(40 + i / 4).toFixed(2)}`);
  const text = `sep=;\r\nDEPT;GR\r\n${body.join('\r\n')}\r\n`;

  it('finds the line and the delimiter it names, and nothing else', () => {
    expect(excelSepLine(enc('sep=;\r\nA;B'))).toEqual({ delimiter: ';', bytes: 7 });
    expect(excelSepLine(enc('SEP=,\nA,B'))).toEqual({ delimiter: ',', bytes: 6 });
    expect(excelSepLine(enc('sep=\t\nA\tB'))).toEqual({ delimiter: '\t', bytes: 6 });
    expect(excelSepLine(enc('sep=|'))).toEqual({ delimiter: '|', bytes: 5 });
    for (const no of [
      'sep,a\n1,2',
      'sep=;;\n',
      'sep=\n',
      'sep= \n',
      'step=;\n',
      ' sep=;\n',
      'sep="\n',
    ])
      expect(excelSepLine(enc(no))).toBeUndefined();
  });

  it('skips the line and reads by its delimiter, with file line numbers', async () => {
    const t = await host.readCsv('in.csv', enc(`sep=;\nDEPT;GR\n1000,5;45\n1001;\n`), {
      ...auto,
      decimal: ',',
    });
    expect(types(t)).toEqual(['DEPT:Float64', 'GR:Int64']);
    expect(rows(t)).toEqual([
      [1000.5, 45],
      [1001, null],
    ]);
    const short = await host.readCsv('in.csv', enc('sep=,\nA,B,C\n1,2,3\n4,5\n'), auto);
    expect(tableWarnings(short)).toEqual([
      'in.csv: 1 rows have fewer than 3 values (first at line 4); the missing values are null.',
    ]);
  });

  it('gives the same table whole and in chunks', async () => {
    const whole = await source(text);
    expect(types(whole.table)).toEqual(['DEPT:Float64', 'GR:Float64']);
    expect(rows(whole.table).slice(0, 2)).toEqual([
      [1000, 40],
      [1000.5, 40.25],
    ]);
    expect(whole.table.numRows).toBe(40);
    expect(whole.ctx.warnings).toEqual([]);
    for (const size of [9, 64, 300]) {
      const chunked = await source(text, size);
      expect(types(chunked.table)).toEqual(types(whole.table));
      expect(rows(chunked.table)).toEqual(rows(whole.table));
      expect(chunked.ctx.warnings).toEqual([]);
    }
  });

  it('reads the file in chunks with types widened after the first chunk', async () => {
    const late = `sep=;\nDEPT;N\n${Array.from({ length: 40 }, (_, i) => `${i};${i}`).join('\n')}\n40;2.5\n`;
    const whole = await source(late);
    expect(types(whole.table)).toEqual(['DEPT:Int64', 'N:Float64']);
    const chunked = await source(late, 40);
    expect(types(chunked.table)).toEqual(types(whole.table));
    expect(rows(chunked.table)).toEqual(rows(whole.table));
  });
});

describe('the comment mark "#"', () => {
  it('keeps rows starting with "#" that DuckDB alone drops as comments', async () => {
    const t = await host.readCsv('in.csv', enc('ID,V\n#12,1\n#13,2\n14,3\n'), auto);
    expect(types(t)).toEqual(['ID:Utf8', 'V:Int64']);
    expect(rows(t)).toEqual([
      ['#12', 1],
      ['#13', 2],
      ['14', 3],
    ]);
    expect(tableWarnings(t).join('\n')).toMatch(/in\.csv: .*"#".*drop the row at line 2/);
  });

  it('keeps a value holding "#" whole rather than cut at the mark', async () => {
    const t = await host.readCsv('in.csv', enc('DEPT,NAME\n1,Well #3\n# note\n2,x\n'), auto);
    expect(rows(t).map((r) => r[1])).toEqual(['Well #3', null, 'x']);
    expect(tableWarnings(t).join('\n')).toMatch(/cut a value at line 2/);
  });

  it('skips a "#" preamble before the header, naming the lines', async () => {
    const text = `# exported by X\n# well: A-1\nDEPT,GR\n${Array.from({ length: 30 }, (_, i) => `${i},${i}.5`).join('\n')}\n`;
    const whole = await source(text);
    expect(types(whole.table)).toEqual(['DEPT:Int64', 'GR:Float64']);
    expect(whole.table.numRows).toBe(30);
    expect(whole.ctx.warnings).toEqual([
      'f.csv: lines 1-2 before the header (starting with "#") skipped as comments.',
    ]);
    const chunked = await source(text, 50);
    expect(types(chunked.table)).toEqual(types(whole.table));
    expect(rows(chunked.table)).toEqual(rows(whole.table));
  });

  it('skips a preamble by lines, so a later "#" in a value is kept', async () => {
    const t = await host.readCsv(
      'in.csv',
      enc('sep=,\n# Well: A-1, Field: X\n\n#\nDEPT,GR,NAME\n1,2,a #1\n3,4,b\n'),
      auto,
    );
    expect(types(t)).toEqual(['DEPT:Int64', 'GR:Int64', 'NAME:Utf8']);
    expect(rows(t)).toEqual([
      [1, 2, 'a #1'],
      [3, 4, 'b'],
    ]);
    expect(tableWarnings(t)).toEqual([
      'in.csv: lines 2-4 before the header (starting with "#") skipped as comments.',
    ]);
  });

  it('keeps a "#" header cell (#,NAME) as the header', async () => {
    const t = await host.readCsv('in.csv', enc('#,NAME\n1,foo\n2,bar\n'), auto);
    expect(types(t)).toEqual(['#:Int64', 'NAME:Utf8']);
    expect(t.numRows).toBe(2);
  });

  it('counts a comment line as no row in the short-row warning', async () => {
    const t = await host.readCsv('in.csv', enc('A,B\n1,2\n# note\n3\n'), auto);
    expect(tableWarnings(t)).toEqual([
      'in.csv: 1 line starting with "#" skipped as a comment (first at line 3).',
      'in.csv: 1 rows have fewer than 2 values (first at line 4); the missing values are null.',
    ]);
  });

  it('leaves a commented header over numbers as it was (numpy savetxt)', async () => {
    const t = await host.readCsv('in.csv', enc('# DEPT,GR\n1,2\n3,4\n'), auto);
    expect(types(t)).toEqual(['# DEPT:Int64', 'GR:Int64']);
    expect(t.numRows).toBe(2);
  });

  it('gives the same rows whole and in chunks when "#" starts rows', async () => {
    const text = `ID,V\n${Array.from({ length: 30 }, (_, i) => `#${i},${i}`).join('\n')}\n`;
    const whole = await source(text);
    expect(whole.table.numRows).toBe(30);
    const chunked = await source(text, 40);
    expect(rows(chunked.table)).toEqual(rows(whole.table));
  });
});

describe('the comment mark "#" in later chunks', () => {
  it('warns when the mark of the first chunk drops a later row', async () => {
    const head = Array.from({ length: 10 }, (_, i) => `${i},a${i}`).join('\n');
    const tail = Array.from({ length: 10 }, (_, i) => `${i + 10},b${i}`).join('\n');
    const text = `ID,NAME\n1,x\n# note\n${head}\n${tail}\n#99,late\n`;
    const { ctx } = await source(text, 60);
    expect(ctx.warnings.join('\n')).toMatch(
      /f\.csv: DuckDB took "#" for a comment mark in the first chunk of this large file, but line 24 is a row starting with "#", which is dropped/,
    );
  });
});

describe('numbers read as text because of a few other values', () => {
  it('names a row of units under the header', async () => {
    const t = await host.readCsv(
      'in.csv',
      enc('DEPT,GR,RHOB,WELL\nM,GAPI,G/CC,\n1000,45.2,2.31,A-1\n1000.5,50,2.4,A-1\n'),
      auto,
    );
    expect(tableWarnings(t)).toEqual([
      'in.csv: the first data row (DEPT: M, GR: GAPI, RHOB: G/CC) is not numbers though the rows under it are (a row of units under the header, or the real header under an extra line?), so those columns are read as text: remove the extra row from the file (units can go into the header, such as "DEPT (M)") to read them as numbers.',
    ]);
  });

  it('names late missing-value marks past the sniffer sample, with their data row', async () => {
    const body = Array.from({ length: 25_000 }, (_, i) => `${i},${(i % 97) / 4}`);
    const t = await host.readCsv(
      'in.csv',
      enc(`DEPT,GR\n${body.join('\n')}\n25000,N/A\n25001,-\n25002,7\n`),
      auto,
    );
    expect(types(t)).toEqual(['DEPT:Int64', 'GR:Utf8']);
    expect(tableWarnings(t)).toEqual([
      'in.csv: column "GR" (25001 numbers; other values "N/A", "-", first at data row 25001) is read as text because of a few values that are not numbers: make them empty in the file (an empty value is missing), or convert in a sql node with TRY_CAST(column AS DOUBLE), which makes them null.',
    ]);
  });

  it('says nothing of text columns, numbers kept as text (leading zeros) or NaN and inf', async () => {
    const t = await host.readCsv(
      'in.csv',
      enc('NAME,ID,V\nWell A,007,NaN\nWell B,010,inf\nWell C,011,-inf\n'),
      auto,
    );
    expect(types(t)).toEqual(['NAME:Utf8', 'ID:Utf8', 'V:Float64']);
    const v = t.getChild('V')?.toArray() as Float64Array;
    expect([...v]).toEqual([NaN, Infinity, -Infinity]);
    expect(tableWarnings(t)).toEqual([]);
  });
});
