/**
 * The column checks after a CSV's typed read (csv-columns.ts) through the real DuckDB-WASM: one
 * text scan at most, and none without a candidate; repeated header names, Windows NaN/infinity
 * marks and hex ids, whole and in chunks (each rule holds in every chunk: the first or a later one).
 */
import { Table, type RecordBatch } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsvFiles } from '../../operators/tables/source-csv.ts';
import { memoryFiles, rangedFiles, testContext } from '../../operators/tables/test-context.ts';
import { readCsvWithPolicy } from './csv.ts';
import type { DuckDbDriver } from './driver.ts';
import { createNodeDriver } from './driver-node.ts';
import { createNodeDuckDbHost, type DuckDbHost } from './node.ts';
import { runPendingQuery } from './run-query.ts';

let host: DuckDbHost;
let driver: DuckDbDriver;
let conn: number;
beforeAll(async () => {
  host = await createNodeDuckDbHost();
  driver = await createNodeDriver();
  conn = await driver.connect();
});
afterAll(async () => {
  await host.close();
  await driver.terminate();
});

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const types = (t: Table): string[] => t.schema.fields.map((f) => `${f.name}:${String(f.type)}`);
const strings = (t: Table, name: string): unknown[] => [...(t.getChild(name) ?? [])];

/** readCsvWithPolicy over `text`, counting the reads of the file with every column text. */
async function counted(text: string, decimal?: ',') {
  const bytes = enc(text);
  await driver.registerFileBuffer('count.csv', bytes);
  let textReads = 0;
  const run = (sql: string) => {
    if (sql.includes('all_varchar=true')) textReads++;
    return runPendingQuery(driver, conn, sql);
  };
  const o = { delimiter: decimal ? ';' : ',', header: true, ...(decimal ? { decimal } : {}) };
  const read = await readCsvWithPolicy(run, 'count.csv', 'f.csv', bytes, o);
  return { ...read, textReads };
}

/** source.csv over `text`: whole (one chunk) or in chunks of `chunkBytes`. */
async function source(text: string, chunkBytes = 1 << 20) {
  const chunked = chunkBytes < text.length;
  const files = (chunked ? rangedFiles : memoryFiles)({ 'f.csv': text });
  const ctx = testContext({ files, sql: host });
  const batches: RecordBatch[] = [];
  const o = { chunkBytes, sampleRows: 4 };
  for await (const b of readCsvFiles({ file: 'f.csv', header: true }, ctx, o)) batches.push(b);
  // A chunked read yields a batch per chunk at least.
  expect(batches.length > 1).toBe(chunked);
  return { table: new Table(batches), warnings: ctx.warnings };
}

describe('one text scan for the checks needing values as written', () => {
  it('scans a file needing the 20-digit and the date check once, and warns for both', async () => {
    const r = await counted('D,ID\n01/02/2024,12345678901234567890\n03/04/2024,2\n');
    expect(r.textReads).toBe(1);
    expect(r.warnings.join('\n')).toMatch(/"D" fits both day\/month\/year/);
    expect(r.warnings.join('\n')).toMatch(/"ID" \(first at data row 1.*20 digits or more/);
  });

  it('does not scan for dates a day above 12 or ISO writing tells, nor for plain numbers', async () => {
    for (const text of [
      'D,X\n13/02/2024,1\n03/04/2024,2\n',
      'D,X\n2024-01-15,1\n2024-03-20,2\n',
      'A,B\n1,2.5\n3,1e30\n',
      'ID,X\n0012,1\n',
    ]) {
      const r = await counted(text);
      expect([text, r.textReads, r.warnings]).toEqual([text, 0, []]);
    }
  });
});

describe('repeated header names', () => {
  it('names the header, the columns and the names given, whole and in chunks', async () => {
    const text = `DEPT,GR,gr,GR\n${'1000,45,46,47\n'.repeat(8)}`;
    for (const chunk of [1 << 20, 20]) {
      const { table, warnings } = await source(text, chunk);
      expect(types(table)).toEqual(['DEPT:Int64', 'GR:Int64', 'gr_1:Int64', 'GR_2:Int64']);
      expect(table.numRows).toBe(8);
      expect(warnings.filter((w) => /repeats/.test(w))).toEqual([
        'f.csv: the header repeats a column name (names ignore case): column 2 "GR", column 3 "gr", column 4 "GR" were renamed "GR", "gr_1", "GR_2". A node or query naming "GR" reads column 2 only, which may not be the one meant. Give each column its own name in the file\'s header and read it again.',
      ]);
    }
  });

  it('reads quoted and padded names as DuckDB does, and says nothing of distinct names', async () => {
    const quoted = await counted('" GR ";"a;b";"gr"\n1;2;3\n'.replaceAll(';', ','));
    expect(quoted.warnings.join('\n')).toMatch(
      /column 1 "GR", column 3 "gr" were renamed "GR", "gr_1"/,
    );
    expect((await counted('GR,GR_1,A\n1,2,3\n')).warnings).toEqual([]);
  });
});

describe('Windows NaN and infinity marks', () => {
  const text = 'DEPT,V\n1000,1.5\n1001,-1.#IND\n1002,1.#QNAN\n1003,-1.#INF\n1004,1.#INF00\n';
  it('reads them as NaN and infinity in a DOUBLE column, naming marks, column and row', async () => {
    for (const chunk of [1 << 20, 30]) {
      const { table, warnings } = await source(text, chunk);
      expect(types(table)).toEqual(['DEPT:Int64', 'V:Float64']);
      expect([...(table.getChild('V')?.toArray() as Float64Array)]).toEqual([
        1.5,
        NaN,
        NaN,
        -Infinity,
        Infinity,
      ]);
      // In chunks, the first names its marks; a later one's (1.#INF00) are not named again.
      const said = (marks: string, row: number): string =>
        `f.csv: column "V" (${marks}; first at data row ${row}) holds the not-a-number and infinity marks of old Windows programs (1.#IND, 1.#QNAN: not a number; 1.#INF: infinity), which DuckDB would read as text; they are read as NaN and infinity, as "nan" and "inf" are, so the column is numbers (DOUBLE).`;
      expect(warnings.filter((w) => /Windows/.test(w))).toEqual(
        chunk > text.length
          ? [said('-1.#IND, 1.#QNAN, -1.#INF, 1.#INF00', 2)]
          : [said('-1.#IND, 1.#QNAN, -1.#INF', 2)],
      );
    }
  });

  it('reads them with a decimal comma, and leaves a column with words text', async () => {
    const comma = await counted('A;V\n1;1,5\n2;-1,#INF\n3;-1,#IND0000\n', ',');
    expect(types(comma.table)).toEqual(['A:Int64', 'V:Float64']);
    const v = [...(comma.table.getChild('V')?.toArray() as Float64Array)];
    expect(v).toEqual([1.5, -Infinity, NaN]);
    const words = await counted('A,V\n1,1.#INF\n2,none\n3,abc\n');
    expect(types(words.table)).toEqual(['A:Int64', 'V:Utf8']);
    expect(words.warnings).toEqual([]);
  });
});

describe('hexadecimal ids', () => {
  it('keeps them as written, naming column and row, and the cast it gives works', async () => {
    const text = `ID,V\n12,1\n0x1F,2\n0X2a,3\n${'14,4\n'.repeat(5)}`;
    for (const chunk of [1 << 20, 12]) {
      const { table, warnings } = await source(text, chunk);
      expect(types(table)).toEqual(['ID:Utf8', 'V:Int64']);
      expect(strings(table, 'ID').slice(0, 4)).toEqual(['12', '0x1F', '0X2a', '14']);
      expect(warnings.filter((w) => /hexadecimal/.test(w))).toEqual([
        'f.csv: column "ID" (first "0x1F" at data row 2) holds hexadecimal values, which DuckDB would read as integers (0x1F as 31), losing how the ids are written; so it is read as text, as written. For the numbers, convert in a sql node: CAST("ID" AS BIGINT).',
      ]);
    }
    const t = await host.query(
      `SELECT CAST(s AS BIGINT) AS n FROM (VALUES ('0x1F'), ('0X2a')) v(s)`,
      {},
    );
    expect([...(t.getChild('n')?.toArray() as BigInt64Array)]).toEqual([31n, 42n]);
  });

  it('says nothing of "0x" in text or other columns', async () => {
    const r = await counted('NAME,V\nbox 0x1,1\n0x2 well,2\n');
    expect(r.warnings).toEqual([]);
    expect(types(r.table)).toEqual(['NAME:Utf8', 'V:Int64']);
  });
});

describe('every chunk of a large file reads alike', () => {
  const rows = (values: readonly string[]): string =>
    `A,V\n${values.map((v, i) => `${i + 1},${v}`).join('\n')}\n`;
  const plain = ['1.5', '2.5', '3.5', '4.5', '5.5', '6.5'];

  it('reads Windows marks of a later chunk only as NaN and infinity, naming the row', async () => {
    const text = rows([...plain, '-1.#IND', '1.#INF']);
    for (const chunk of [1 << 20, 20]) {
      const { table, warnings } = await source(text, chunk);
      expect(types(table)).toEqual(['A:Int64', 'V:Float64']);
      const v = [...(table.getChild('V')?.toArray() as Float64Array)];
      expect(v.slice(6)).toEqual([NaN, Infinity]);
      expect(warnings.join('\n')).toMatch(/column "V" \(-1\.#IND.*first at data row 7\)/);
    }
  });

  it('keeps hex ids of a later chunk only as written, the whole column text', async () => {
    const text = rows(['12', '13', '14', '15', '16', '17', '0x1F', '0x2a']);
    for (const chunk of [1 << 20, 20]) {
      const { table, warnings } = await source(text, chunk);
      expect(types(table)).toEqual(['A:Int64', 'V:Utf8']);
      expect(warnings.join('\n')).toMatch(/column "V" \(first "0x1F" at data row 7\) holds hex/);
      expect(strings(table, 'V').slice(5)).toEqual(['17', '0x1F', '0x2a']);
    }
  });

  it('names 20-digit ids of a later chunk only, read as DOUBLE as a whole read does', async () => {
    const wide = ['12345678901234567891', '12345678901234567892'];
    const text = rows(['12', '13', '14', '15', '16', '17', ...wide]);
    for (const chunk of [1 << 20, 20]) {
      const { table, warnings } = await source(text, chunk);
      expect(types(table)).toEqual(['A:Int64', 'V:Float64']);
      // Once, though two chunks hold such ids.
      const said = warnings.filter((w) => /20 digits/.test(w));
      expect(said).toHaveLength(1);
      expect(said[0]).toMatch(/column "V" \(first at data row 7, read as 12345678901234567168\)/);
    }
  });
});
