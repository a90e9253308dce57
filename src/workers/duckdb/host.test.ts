import {
  Field,
  Float64,
  Schema,
  Table,
  Utf8,
  tableFromArrays,
  vectorFromArray,
} from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeDuckDbHost, type DuckDbHost } from './node.ts';
import { failure } from '../testing/failure.ts';

let host: DuckDbHost;
beforeAll(async () => {
  host = await createNodeDuckDbHost();
});
afterAll(async () => {
  await host.close();
});

/** The PetroflowError a promise rejects with (fails the test if it resolves). */
const logs = tableFromArrays({
  DEPT: Float64Array.from([1000, 1000.5, 1001, 1001.5]),
  GR: Float64Array.from([45, 60, 120, 80]),
});

describe('DuckDbHost.query', () => {
  it('inserts a large input in several chunks and returns large results as one batch', async () => {
    // 300 000 rows x 2 doubles = 4.8 MB: inserted as about 5 chunks, the result joined from
    // DuckDB's 2048-row chunks.
    const n = 300_000;
    const big = tableFromArrays({
      i: Float64Array.from({ length: n }, (_, k) => k),
      x: Float64Array.from({ length: n }, (_, k) => (k % 7) * 0.5),
    });
    const out = await host.query('SELECT i, x * 2 AS y FROM input', { input: big });
    expect(out.numRows).toBe(n);
    expect(out.batches).toHaveLength(1);
    const i = out.getChild('i')!.toArray() as Float64Array;
    expect(i.every((v, k) => v === k)).toBe(true);
    expect(out.getChild('y')?.get(299_999)).toBe((299_999 % 7) * 0.5 * 2);
  });

  it('queries an input with no rows (e.g. after a filter that kept none) with its column types', async () => {
    const none = new Table(logs.batches[0]!.slice(0, 0));
    const text = new Table(tableFromArrays({ LITH: ['sand'] }).batches[0]!.slice(0, 0));
    const out = await host.query('SELECT DEPT, GR * 2 AS GR2 FROM input', { input: none });
    expect(out.numRows).toBe(0);
    expect(out.schema.fields.map((f) => `${f.name}:${String(f.type)}`)).toEqual([
      'DEPT:Float64',
      'GR2:Float64',
    ]);
    const n = await host.query('SELECT count(*)::INTEGER AS n, min(LITH) AS l FROM input', {
      input: text,
    });
    expect(n.getChild('n')?.get(0)).toBe(0);
    expect(n.getChild('l')?.get(0)).toBeNull();
  });

  it('runs SQL over Arrow inputs registered under their names', async () => {
    const out = await host.query(
      'SELECT DEPT, GR * 2 AS GR2 FROM input WHERE GR > 50 ORDER BY DEPT',
      { input: logs },
    );
    expect(out.numRows).toBe(3);
    expect(out.getChild('DEPT')?.toArray()).toEqual(Float64Array.from([1000.5, 1001, 1001.5]));
    expect(out.getChild('GR2')?.toArray()).toEqual(Float64Array.from([120, 240, 160]));
  });

  it('joins several inputs and returns an apache-arrow Table of this app', async () => {
    const tops = tableFromArrays({ TOP: Float64Array.from([1000.7]), ZONE: ['B'] });
    const out = await host.query(
      'SELECT count(*)::INTEGER AS n FROM logs, tops WHERE logs.DEPT >= tops.TOP',
      { logs, tops },
    );
    expect(out).toBeInstanceOf(Table);
    expect(out.getChild('n')?.get(0)).toBe(2);
  });

  it('keeps inputs for one query only, and drops what the SQL created', async () => {
    await host.query('CREATE TABLE leftover AS SELECT 1 AS a; SELECT 1', { input: logs });
    await host.query('CREATE VIEW v AS SELECT 1 AS a; CREATE MACRO m(x) AS x + 1; SELECT 1', {});
    expect((await failure(host.query('SELECT * FROM input', {}))).message).toMatch(
      /Table with name input does not exist/,
    );
    expect((await failure(host.query('SELECT * FROM leftover', {}))).code).toBe('SQL_ERROR');
    expect((await failure(host.query('SELECT * FROM v', {}))).code).toBe('SQL_ERROR');
    expect((await failure(host.query('SELECT m(1)', {}))).message).toMatch(/m does not exist/);
    await host.query('ALTER TABLE input RENAME TO renamed; SELECT 1', { input: logs });
    expect((await failure(host.query('SELECT * FROM renamed', {}))).code).toBe('SQL_ERROR');
    const vars = await host.query("SET VARIABLE x = 3; SELECT getvariable('x') AS x", {});
    expect(vars.getChild('x')?.get(0)).toBe(3);
    const after = await host.query("SELECT getvariable('x') AS x", {});
    expect(after.getChild('x')?.get(0)).toBeNull();
  });

  it('reads empty inputs and nulls', async () => {
    const empty = new Table(new Schema([new Field('A', new Float64(), true)]));
    const out = await host.query('SELECT count(*)::INTEGER AS n FROM e', { e: empty });
    expect(out.getChild('n')?.get(0)).toBe(0);
    const text = new Table(new Schema([new Field('L', new Utf8(), true)]));
    const l = await host.query('SELECT count(L)::INTEGER AS n FROM e', { e: text });
    expect(l.getChild('n')?.get(0)).toBe(0);
    const withNull = new Table({ A: vectorFromArray([1, null, 3], new Float64()) });
    const sum = await host.query('SELECT sum(A) AS s, count(A)::INTEGER AS c FROM t', {
      t: withNull,
    });
    expect(sum.getChild('s')?.get(0)).toBe(4);
    expect(sum.getChild('c')?.get(0)).toBe(2);
  });

  it("reports SQL mistakes as SQL_ERROR with DuckDB's message", async () => {
    const e = await failure(host.query('SELECT nope FROM input', { input: logs }));
    expect(e.code).toBe('SQL_ERROR');
    expect(e.message).toMatch(/Referenced column "nope" not found/);
    expect((await failure(host.query('SELEC 1', {}))).message).toMatch(/syntax error/);
  });

  it('rejects bad input table names', async () => {
    const e = await failure(host.query('SELECT 1', { 'bad name': logs }));
    expect(e.code).toBe('BAD_PARAMS');
    expect(e.message).toMatch(/not allowed/);
  });

  it('cancels a long query through its AbortSignal', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const started = performance.now();
    const e = await failure(
      host.query(
        'SELECT count(*) FROM range(5000000000) t(x) WHERE x % 7 = 3',
        {},
        controller.signal,
      ),
    );
    expect(e.code).toBe('CANCELLED');
    expect(performance.now() - started).toBeLessThan(5000);
    // The instance still works afterwards.
    const ok = await host.query('SELECT 42 AS v', {});
    expect(ok.getChild('v')?.get(0)).toBe(42);
  });
});

describe('DuckDbHost.readCsv', () => {
  const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

  it('sniffs delimiter and types, and each read sees only its own bytes', async () => {
    const a = await host.readCsv('a.csv', enc('DEPT;GR\n1000;45.5\n1000.5;60\n'), {
      delimiter: 'auto',
      header: true,
    });
    expect(a.schema.fields.map((f) => f.name)).toEqual(['DEPT', 'GR']);
    expect(a.getChild('GR')?.toArray()).toEqual(Float64Array.from([45.5, 60]));
    const b = await host.readCsv('b.csv', enc('X,Y\n1,2\n3,4\n'), { delimiter: ',', header: true });
    expect(b.schema.fields.map((f) => f.name)).toEqual(['X', 'Y']);
    expect(b.numRows).toBe(2);
  });

  it('honours header=false and an explicit delimiter', async () => {
    const t = await host.readCsv('c.csv', enc('1|a\n2|b\n'), { delimiter: '|', header: false });
    expect(t.numRows).toBe(2);
    expect(t.getChild('column1')?.get(1)).toBe('b');
  });

  it('user SQL cannot read the CSV slot contents afterwards', async () => {
    await host.readCsv('s.csv', enc('SECRET\n1\n'), { delimiter: 'auto', header: true });
    const out = await host.query(
      "SELECT count(*)::INTEGER AS n FROM read_csv('petroflow-internal-csv-slot.csv')",
      {},
    );
    expect(out.getChild('n')?.get(0)).toBe(0);
  });

  it('rejects a delimiter of several characters', async () => {
    const e = await failure(host.readCsv('d.csv', enc('a\n'), { delimiter: ';;', header: true }));
    expect(e.code).toBe('BAD_PARAMS');
    expect(e.message).toMatch(/single character/);
  });
});
