/**
 * Robust CSV inputs (issue 8) through the real DuckDB-WASM host in Node: every awkward file gives
 * a table with sensible types (and warnings) or a CSV_READ error naming the file and saying what to
 * do; the instance never crashes and no read hangs.
 */
import { Table } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { petroflowError, PetroflowException, type PetroflowError } from '../../model/errors.ts';
import { sourceCsv } from '../../operators/tables/source-csv.ts';
import { collect, memoryFiles, testContext } from '../../operators/tables/test-context.ts';
import { tableWarnings } from '../../operators/tables/source-csv-parts.ts';
import { csvError, isIntegerType, lossCheckSql, readCsvSql } from './csv.ts';
import { CSV_SLOT } from './lockdown.ts';
import { createNodeDuckDbHost, type DuckDbHost } from './node.ts';

let host: DuckDbHost;
beforeAll(async () => {
  host = await createNodeDuckDbHost();
});
afterAll(async () => {
  // Whatever was read above, the instance is alive and answers.
  expect(host.isDead()).toBe(false);
  const t = await host.query('SELECT 42 AS v', {});
  expect(t.getChild('v')?.get(0)).toBe(42);
  await host.close();
});

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const auto = { delimiter: 'auto', header: true };

async function read(bytes: Uint8Array, options = auto): Promise<Table> {
  const t0 = performance.now();
  try {
    return await host.readCsv('in.csv', bytes, options);
  } finally {
    expect(performance.now() - t0).toBeLessThan(20_000);
  }
}

async function failure(bytes: Uint8Array, options = auto): Promise<PetroflowError> {
  try {
    await read(bytes, options);
  } catch (e) {
    if (e instanceof PetroflowException) return e.detail;
    throw e;
  }
  throw new Error('expected a CSV_READ error');
}

const types = (t: Table): string[] => t.schema.fields.map((f) => `${f.name}:${String(f.type)}`);
const rows = (t: Table): unknown[] =>
  t
    .toArray()
    .map((r: { toJSON(): Record<string, unknown> }) =>
      Object.values(r.toJSON()).map((v) => (typeof v === 'bigint' ? Number(v) : v)),
    );

describe('CSV inputs through DuckDB', () => {
  it('pads short rows with nulls and warns with the first short line', async () => {
    const t = await read(enc('a,b,c\n1,2,3\n4,5\n6,7,8\n'));
    expect(types(t)).toEqual(['a:Int64', 'b:Int64', 'c:Int64']);
    expect(rows(t)).toEqual([
      [1, 2, 3],
      [4, 5, null],
      [6, 7, 8],
    ]);
    expect(tableWarnings(t)).toEqual([
      'in.csv: 1 rows have fewer than 3 values (first at line 3); the missing values are null.',
    ]);
  });

  it('reads rows with extra values and warns with the first long line', async () => {
    const t = await read(enc('a,b\n1,2\n3,4,5\n6,7\n'));
    expect(t.numRows).toBe(3);
    expect(rows(t).map((r) => (r as unknown[]).slice(0, 2))).toEqual([
      [1, 2],
      [3, 4],
      [6, 7],
    ]);
    expect(tableWarnings(t).join('\n')).toMatch(
      /1 rows have more than 2 values \(first at line 3\)/,
    );
  });

  it('makes a column of mixed numbers and words text', async () => {
    const t = await read(enc('depth,zone\n1000,A\n1001,7\n1002,B2\n'));
    expect(types(t)).toEqual(['depth:Int64', 'zone:Utf8']);
    expect(rows(t)[1]).toEqual([1001, '7']);
  });

  it('types a column from the whole file when a late row does not fit the sample', async () => {
    const body = Array.from({ length: 30_000 }, (_, i) => `${i},${i * 2}`).join('\n');
    const t = await read(enc(`a,b\n${body}\nx,y\n`));
    expect(types(t)).toEqual(['a:Utf8', 'b:Utf8']);
    expect(t.numRows).toBe(30_001);
    expect(t.getChild('a')?.get(30_000)).toBe('x');
  });

  /** `n` integer rows of `depth,gr`, then rows whose `gr` is each of `late`. */
  const lateValues = (late: readonly string[], n = 30_000): Uint8Array => {
    const body = Array.from({ length: n }, (_, i) => `${i},${i % 150}`);
    return enc(`depth,gr\n${[...body, ...late.map((v, i) => `${n + i},${v}`)].join('\n')}\n`);
  };

  it('reads non-integers past the sample of an integer column as DOUBLE, not rounded', async () => {
    const t = await read(lateValues(['12.5', '7.25', '-3.5']));
    expect(types(t)).toEqual(['depth:Int64', 'gr:Float64']);
    expect(rows(t).slice(29_999)).toEqual([
      [29_999, 29_999 % 150],
      [30_000, 12.5],
      [30_001, 7.25],
      [30_002, -3.5],
    ]);
    // Just past DuckDB's sample (20 479 data rows and the header are sampled): found too.
    const edge = await read(lateValues(['-3.5'], 20_479));
    expect(types(edge)).toEqual(['depth:Int64', 'gr:Float64']);
    expect(edge.getChild('gr')?.get(20_479)).toBe(-3.5);
  });

  it('keeps integer columns BIGINT for plain integers; "1e3" makes them DOUBLE, exact', async () => {
    const ints = await read(lateValues(['-4', '13']));
    expect(types(ints)).toEqual(['depth:Int64', 'gr:Int64']);
    expect(rows(ints).slice(30_000)).toEqual([
      [30_000, -4],
      [30_001, 13],
    ]);
    // "1e3" and "12.0" are integers written as decimals: DuckDB's whole-file detection types the
    // column DOUBLE (as it does when they are in its sample), with the exact values.
    const exp = await read(lateValues(['1e3', '12.0']));
    expect(types(exp)).toEqual(['depth:Int64', 'gr:Float64']);
    expect(rows(exp).slice(30_000)).toEqual([
      [30_000, 1000],
      [30_001, 12],
    ]);
    expect(types(await read(enc('a\n1\n2\n1e3\n')))).toEqual(['a:Float64']);
  });

  it('builds the loss check over text columns by position', () => {
    expect(['BIGINT', 'integer', 'UBIGINT', 'HUGEINT', 'INT8'].every(isIntegerType)).toBe(true);
    expect(['DOUBLE', 'VARCHAR', 'DECIMAL(9,2)', 'INTERVAL'].some(isIntegerType)).toBe(false);
    expect(lossCheckSql('SELECT 1', [0, 2])).toBe(
      "SELECT count_if(((contains(c0, '.') OR contains(c0, 'e') OR contains(c0, 'E')) AND TRY_CAST(c0 AS DOUBLE) IS NOT NULL) OR ((contains(c2, '.') OR contains(c2, 'e') OR contains(c2, 'E')) AND TRY_CAST(c2 AS DOUBLE) IS NOT NULL))::DOUBLE AS n FROM (SELECT 1) AS t(c0, c1, c2)",
    );
    expect(lossCheckSql('SELECT 1', [], [1])).toBe(
      'SELECT count_if((TRY_CAST(c1 AS TIMESTAMP) IS DISTINCT FROM CAST(TRY_CAST(c1 AS DATE) AS TIMESTAMP)))::DOUBLE AS n FROM (SELECT 1) AS t(c0, c1)',
    );
  });

  it('reads a semicolon CSV with decimal commas by its semicolons (DuckDB alone picks commas)', async () => {
    const eu = enc('DEPT;GR;RHOB\n1000,5;45,2;2,45\n1001,0;50,1;2,40\n1001,5;60,0;2,38\n');
    const t = await read(eu);
    expect(types(t)).toEqual(['DEPT:Utf8', 'GR:Utf8', 'RHOB:Utf8']);
    expect(rows(t)[2]).toEqual(['1001,5', '60,0', '2,38']);
    expect(tableWarnings(t)).toEqual([
      expect.stringMatching(
        /^in\.csv: columns "DEPT", "GR", "RHOB" hold numbers written with a decimal comma/,
      ),
    ]);
    // An explicit delimiter is kept as given.
    expect(types(await read(eu, { delimiter: ',', header: true }))[0]).toBe('DEPT;GR;RHOB:Int64');
  });

  it('keeps delimiters, newlines and escaped quotes inside quoted fields', async () => {
    const t = await read(enc('a,b\n1,"x, y"\n2,"line1\nline2"\n3,"he said ""hi"""\n'));
    expect(rows(t)).toEqual([
      [1, 'x, y'],
      [2, 'line1\nline2'],
      [3, 'he said "hi"'],
    ]);
  });

  it('reads an unterminated quote as text instead of failing or hanging', async () => {
    const t = await read(enc('a,b\n1,"abc\n2,3\n'));
    expect(t.numRows).toBe(2);
    expect(t.getChild('a')?.get(1)).toBe(2n);
  });

  it('refuses an empty file and a blank file, saying so', async () => {
    for (const bytes of [new Uint8Array(0), enc('\n  \n'), enc('\uFEFF')]) {
      const e = await failure(bytes);
      expect(e.code).toBe('CSV_READ');
      expect(e.file).toBe('in.csv');
      expect(e.message).toMatch(/^in\.csv: the file is empty/);
    }
  });

  it('gives the columns of a header-only file and no rows', async () => {
    const t = await read(enc('a,b,c\n'));
    expect(t.schema.fields.map((f) => f.name)).toEqual(['a', 'b', 'c']);
    expect(t.numRows).toBe(0);
  });

  it('reads UTF-8 with a BOM, UTF-16 LE/BE and windows-1252, converted to UTF-8', async () => {
    const text = 'zone,temp\nTérmino,25\nÅsgard,30\n';
    const le = new Uint8Array(Buffer.from('\uFEFF' + text, 'utf16le'));
    const be = new Uint8Array(le.length);
    for (let i = 0; i + 1 < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1]!, le[i]!];
    const noBom = new Uint8Array(Buffer.from(text, 'utf16le'));
    const cp1252 = new Uint8Array(Buffer.from(text, 'latin1'));
    for (const [bytes, enc1] of [
      [enc('\uFEFF' + text), null],
      [le, 'utf-16le'],
      [be, 'utf-16be'],
      [noBom, 'utf-16le'],
      [cp1252, 'windows-1252'],
    ] as const) {
      const t = await read(bytes);
      expect(types(t)).toEqual(['zone:Utf8', 'temp:Int64']);
      expect(rows(t)).toEqual([
        ['Término', 25],
        ['Åsgard', 30],
      ]);
      const notes = tableWarnings(t);
      if (enc1) expect(notes).toEqual([`in.csv: read as ${enc1} text and converted to UTF-8.`]);
      else expect(notes).toEqual([]);
    }
  });

  it('detects semicolon and tab delimiters, and honours an explicit one', async () => {
    const semi = await read(enc('a;b\n1,5;2\n3,25;4\n'));
    expect(types(semi)).toEqual(['a:Utf8', 'b:Int64']);
    const tab = await read(enc('a\tb\n1\t2\n3\t4\n'));
    expect(rows(tab)).toEqual([
      [1, 2],
      [3, 4],
    ]);
    const explicit = await read(enc('a;b\n1;2\n'), { delimiter: ';', header: true });
    expect(rows(explicit)).toEqual([[1, 2]]);
  });

  it('reads a 3 MB line (beyond DuckDB default 2 MB line limit)', async () => {
    const t = await read(enc('a,b\n1,' + 'x'.repeat(3_000_000) + '\n2,y\n'));
    expect(t.numRows).toBe(2);
    expect(String(t.getChild('b')?.get(0)).length).toBe(3_000_000);
  });

  it('reads quoted CRLF line breaks next to short rows (parallel=false)', async () => {
    const text = 'a,b,c\r\n1,"x\r\ny",3\r\n2,z\r\n3,"p\r\nq\r\nr",9\r\n';
    const t = await read(enc(text));
    expect(t.numRows).toBe(3);
    expect(t.getChild('b')?.toArray()).toEqual(['x\r\ny', 'z', 'p\r\nq\r\nr']);
    expect(t.getChild('c')?.get(1)).toBeNull();
    expect(tableWarnings(t).join('\n')).toMatch(
      /1 rows have fewer than 3 values \(first at line 4\)/,
    );
  });

  it('reads whole files with a CSV buffer of the line cap, not 16 times it', async () => {
    const sql = readCsvSql('slot', 'f.csv', { delimiter: 'auto', header: true, size: 10 << 20 });
    const cap = (10 << 20) + 16;
    expect(sql).toContain(`max_line_size=${cap}`);
    expect(sql).toContain(`buffer_size=${cap}`);
    expect(readCsvSql('slot', 'f.csv', { ...auto, size: 10 })).toContain(`buffer_size=${4 << 20}`);
    // A 6 MB file with a 5 MB line: read whole with that buffer, values intact.
    const long = 'v'.repeat(5 << 20);
    const t = await read(
      enc(`k,s\n1,${long}\n${Array.from({ length: 2000 }, (_, i) => `${i},w`).join('\n')}\n`),
    );
    expect(t.numRows).toBe(2001);
    expect(String(t.getChild('s')?.get(0)).length).toBe(5 << 20);
  });

  it('refuses binary garbage, a PNG and a LAS file with what to do', async () => {
    let x = 7;
    const garbage = Uint8Array.from(
      { length: 20_000 },
      () => (x = (x * 1103515245 + 12345) >>> 8) & 255,
    );
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const las = enc('~VERSION INFORMATION\n VERS. 2.0 : CWLS\n~A\n1 2\n');
    const cases: [Uint8Array, RegExp][] = [
      [garbage, /looks like binary data, not CSV text/],
      [png, /this is a PNG image, not a CSV text file/],
      [las, /LAS well-log file .* Read it with a LAS source \(source\.las\)/],
    ];
    for (const [bytes, message] of cases) {
      const e = await failure(bytes);
      expect(e.code).toBe('CSV_READ');
      expect(e.file).toBe('in.csv');
      expect(e.message).toMatch(message);
    }
  });

  it('names the file and line of a DuckDB reading error, without the internal slot name', () => {
    // DuckDB's own text for a failed read (seen with duckdb-wasm 1.32), as the host classifies it.
    const said =
      'Conversion Error: CSV Error on Line: 30002\nOriginal Line: x,y\n  file = petroflow-internal-csv-slot.csv';
    const e = csvError('w.csv', CSV_SLOT, petroflowError('SQL_ERROR', said)).detail;
    expect(e).toMatchObject({ code: 'CSV_READ', file: 'w.csv', line: 30002 });
    expect(e.message).toMatch(/^w\.csv: Conversion Error: CSV Error on Line: 30002/);
    expect(e.message).toMatch(/file = w\.csv/);
    expect(e.message).toMatch(/Check the delimiter and header settings/);
    expect(e.message).not.toMatch(/petroflow-internal/);
  });

  it('passes the warnings on through source.csv', async () => {
    const files = memoryFiles({ 'r.csv': 'a,b,c\n1,2,3\n4\n' });
    const ctx = testContext({ files, sql: host });
    const t = new Table(await collect(sourceCsv.read({ file: 'r.csv' }, ctx)));
    expect(t.numRows).toBe(2);
    expect(ctx.warnings).toEqual([
      'r.csv: 1 rows have fewer than 3 values (first at line 3); the missing values are null.',
    ]);
  });
});
