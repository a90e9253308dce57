/**
 * Third adversarial pass over CSV reading, through the real DuckDB-WASM host: files that are not
 * CSV (JSON, HTML/XML pages) are refused naming what they are; what DuckDB's detection does
 * silently (numbers with "+" or trailing spaces as text, a header row of numbers, 20-digit ids as
 * DOUBLE) is warned about, whole and in chunks.
 */
import { Table, type RecordBatch } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PetroflowException, type PetroflowError } from '../../model/errors.ts';
import { readCsvFiles } from '../../operators/tables/source-csv.ts';
import { memoryFiles, rangedFiles, testContext } from '../../operators/tables/test-context.ts';
import type { FileAccess } from '../../operators/types.ts';
import { prepareCsv } from './csv-prepare.ts';
import { createNodeDuckDbHost, type DuckDbHost } from './node.ts';

let host: DuckDbHost;
beforeAll(async () => {
  host = await createNodeDuckDbHost();
});
afterAll(async () => {
  await host.close();
});

async function read(files: FileAccess, header = true, chunkBytes = 1 << 20) {
  const ctx = testContext({ files, sql: host });
  const batches: RecordBatch[] = [];
  for await (const b of readCsvFiles({ file: 'f.csv', header }, ctx, { chunkBytes, sampleRows: 4 }))
    batches.push(b);
  return { table: new Table(batches), warnings: ctx.warnings };
}

const whole = (text: string, header = true) => read(memoryFiles({ 'f.csv': text }), header);

async function failure(text: string | Uint8Array): Promise<PetroflowError> {
  try {
    await read(memoryFiles({ 'f.csv': text }));
  } catch (e) {
    if (e instanceof PetroflowException) return e.detail;
    throw e;
  }
  throw new Error('expected a CSV_READ error');
}

const types = (t: Table): string[] => t.schema.fields.map((f) => `${f.name}:${String(f.type)}`);

describe('files that are not CSV', () => {
  const cases: Record<string, [string, RegExp]> = {
    'a JSON array of records': ['[{"DEPT":1000,"GR":45},{"DEPT":1001,"GR":50}]\n', /JSON text/],
    'JSON lines': ['{"DEPT":1000,"GR":45}\n{"DEPT":1001,"GR":50}\n', /JSON text/],
    'pretty-printed JSON': ['\n  [\n    {\n      "DEPT": 1000\n    }\n  ]\n', /JSON text/],
    'an HTML sign-in page': [
      '<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body></body></html>\n',
      /HTML or XML page.*"<!DOCTYPE html>".*download the CSV file again/,
    ],
    'an HTML page without a doctype': ['<html>\n<body>Error 404</body></html>\n', /HTML or XML/],
    'an XML document (WITSML)': ['<?xml version="1.0"?>\n<logs><log/></logs>\n', /XML document/],
  };
  for (const [label, [text, message]] of Object.entries(cases)) {
    it(`refuses ${label}, naming the file and what to do`, async () => {
      const e = await failure(text);
      expect(e.code).toBe('CSV_READ');
      expect(e.file).toBe('f.csv');
      expect(e.message).toMatch(/^f\.csv: this is /);
      expect(e.message).toMatch(message);
      // The same through the decoding path (UTF-8 BOM) and as UTF-16.
      const bom = prepareCsv(
        'f.csv',
        new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]),
      );
      expect(bom.ok ? '' : bom.error.message).toBe(e.message);
    });
  }

  it('still reads CSV files whose header starts with a bracket, brace or angle bracket', async () => {
    for (const text of [
      '[DEPT],GR\n1,2\n',
      '{DEPT},GR\n1,2\n',
      '<DEPT>,GR\n1,2\n',
      '[m],"{x}"\n1,2\n',
    ]) {
      const { table } = await whole(text);
      expect(table.numRows).toBe(1);
      expect(table.schema.fields.length).toBe(2);
    }
  });
});

describe('numbers DuckDB reads as text', () => {
  it('names columns of numbers with a leading "+" or trailing spaces, and the fix works', async () => {
    const { table, warnings } = await whole('A,B,C\n3.5,1.5 ,7\n+4.5,2 ,8\n5,3 ,9\n');
    expect(types(table)).toEqual(['A:Utf8', 'B:Utf8', 'C:Int64']);
    expect(warnings).toEqual([
      `f.csv: columns "A" (first "+4.5" at data row 2), "B" (first "1.5 " at data row 1) hold only numbers but are read as text: DuckDB's type detection does not take numbers written with a leading "+" or followed by spaces. Remove the "+" signs and spaces in the file, or convert in a sql node with TRY_CAST(trim("A") AS DOUBLE).`,
    ]);
    const t = await host.query(
      `SELECT TRY_CAST(trim('+4.5') AS DOUBLE) AS a, TRY_CAST(trim(' 2 ') AS DOUBLE) AS b`,
      {},
    );
    expect([t.getChild('a')?.get(0), t.getChild('b')?.get(0)]).toEqual([4.5, 2]);
  });

  it('says nothing of ids with leading zeros, plain text, or numbers DuckDB reads', async () => {
    for (const text of [
      'ID,X\n+00123,1\n00456 ,2\n',
      'A,B\n+x,1\ny ,2\n',
      'A,B\n 1.5,-2\n 2.5,-3\n',
    ]) {
      const { warnings } = await whole(text);
      expect(warnings).toEqual([]);
    }
  });

  it('still names a column of numbers but for a few words as before', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => `${i},+${i}.5`).join('\n');
    const { warnings } = await whole(`N,V\n${rows}\n12,n/a\n`);
    expect(warnings.length).toBe(1);
    expect(warnings[0]).toMatch(
      /column "V" \(12 numbers; other value "n\/a", first at data row 13\)/,
    );
  });
});

describe('a header row of numbers', () => {
  const text = '1000.5,45.2,2.31\n1001.0,46.1,2.35\n1001.5,47.0,2.4\n';

  it('warns that the first data row became the column names, whole and in chunks', async () => {
    for (const files of [memoryFiles({ 'f.csv': text }), rangedFiles({ 'f.csv': text })]) {
      const { table, warnings } = await read(files, true, 20);
      expect(table.numRows).toBe(2);
      expect(warnings).toEqual([
        'f.csv: the header row holds only numbers (1000.5, 45.2, 2.31): it looks like the first data row of a file without a header, and is read as the column names, so that row is missing from the data. If the file has no header row, set "header" to false in this node (columns are then named column0, column1, ...).',
      ]);
    }
  });

  it('reads every row with header false, and says nothing of real headers', async () => {
    const off = await whole(text, false);
    expect(off.table.numRows).toBe(3);
    expect(off.warnings).toEqual([]);
    for (const t of ['DEPT,1,2\n1,2,3\n', '"DEPTH(m)","GR [API]"\n1,2\n']) {
      expect((await whole(t)).warnings).toEqual([]);
    }
  });
});

describe('integers too long for BIGINT', () => {
  it('warns that 20-digit ids read as DOUBLE lost digits, naming column and row', async () => {
    const { table, warnings } = await whole(
      'UWI,X\n10001020030405060708,1\n10001020030405060709,2\n',
    );
    expect(types(table)).toEqual(['UWI:Float64', 'X:Int64']);
    // The two ids are one number now: the loss the warning names.
    expect(table.getChild('UWI')?.get(0)).toBe(table.getChild('UWI')?.get(1));
    expect(warnings.length).toBe(1);
    expect(warnings[0]).toMatch(
      /^f\.csv: column "UWI" \(first at data row 1, read as 10001020030405060\d{3}\) holds whole numbers of 20 digits or more.*DOUBLE.*lose their last digits/,
    );
  });

  it('says nothing of 1.0E+30 marks, 14-digit API numbers or large measurements', async () => {
    const { warnings } = await whole(
      'DEPT,GR,API,R\n1000,1.0E+30,42501201230000,1.5e19\n1001,45.5,42501201230001,2e25\n',
    );
    expect(warnings).toEqual([]);
  });
});

describe('dates whose day/month order is a guess', () => {
  it('names the column, how a value was read and how to swap day and month', async () => {
    const { table, warnings } = await whole('D,X\n01/01/2024,0\n01/02/2024,1\n02/03/2024,2\n');
    expect(types(table)[0]).toBe('D:Date32<DAY>');
    expect(warnings.length).toBe(1);
    expect(warnings[0]).toMatch(
      /^f\.csv: every date in column "D" fits both day\/month\/year and month\/day\/year .*"01\/02\/2024" \(data row 2\) was read as 2024-0[12]-0[12]\. .*make_date\(year\("D"\), day\("D"\), month\("D"\)\)/,
    );
    // The swap it gives turns the other reading into the right one.
    const iso = /read as (\S+)\./.exec(warnings[0] ?? '')?.[1] ?? '';
    const t = await host.query(
      `SELECT make_date(year(d), day(d), month(d))::VARCHAR AS s FROM (SELECT DATE '${iso}' AS d)`,
      {},
    );
    expect([iso, t.getChild('s')?.get(0)].sort()).toEqual(['2024-01-02', '2024-02-01']);
  });

  it('warns for timestamps too, and not when a day above 12 or ISO dates tell the order', async () => {
    // A column named "n" after the dates (a row number of the check once clashed with it).
    const ts = await whole('T,n\n01/02/2024 10:30:00,1\n03/04/2024 11:00:00,2\n');
    expect(ts.warnings.join('\n')).toMatch(/column "T" fits both/);
    for (const text of [
      'D,X\n01/02/2024,1\n13/03/2024,2\n',
      'D,X\n02/01/2024,1\n03/13/2024,2\n',
      'D,X\n2024-01-02,1\n2024-03-04,2\n',
      'D,X\n01/01/2024,1\n02/02/2024,2\n',
    ])
      expect((await whole(text)).warnings).toEqual([]);
  });
});
