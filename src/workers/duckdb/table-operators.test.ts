import {
  Field,
  Float64,
  Schema,
  Table,
  Utf8,
  vectorFromArray,
  type RecordBatch,
} from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PetroflowException, type PetroflowError } from '../../model/errors.ts';
import { batchFromColumns } from '../../operators/tables/arrow-util.ts';
import { mathExpression } from '../../operators/tables/math-expression.ts';
import { sourceCsv } from '../../operators/tables/source-csv.ts';
import { sql } from '../../operators/tables/sql.ts';
import { collect, memoryFiles, testContext, values } from '../../operators/tables/test-context.ts';
import { createNodeDuckDbHost, type DuckDbHost } from './node.ts';

let host: DuckDbHost;
beforeAll(async () => {
  host = await createNodeDuckDbHost();
});
afterAll(async () => {
  await host.close();
});

async function failure(p: Promise<unknown>): Promise<PetroflowError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  if (e instanceof PetroflowException) return e.detail;
  throw new Error(`expected a PetroflowException, got ${String(e)}`);
}

const schema = new Schema([
  new Field('DEPT', new Float64(), true, new Map([['unit', 'M']])),
  new Field('GR', new Float64(), true, new Map([['unit', 'API']])),
  new Field('LITH', new Utf8(), true),
]);

function logs(n: number): RecordBatch {
  const dept = Array.from({ length: n }, (_, i) => 1000 + i * 0.5);
  const gr = Array.from({ length: n }, (_, i) => (i % 10 === 3 ? null : 20 + (i % 100)));
  const lith = Array.from({ length: n }, (_, i) => (i % 2 ? 'ss' : 'sh'));
  return batchFromColumns(
    schema,
    [
      vectorFromArray(dept, new Float64()).data[0]!,
      vectorFromArray(gr, new Float64()).data[0]!,
      vectorFromArray(lith, new Utf8()).data[0]!,
    ],
    n,
  );
}

describe('math.expression (real DuckDB)', () => {
  it('adds a column row by row, in order, over several DuckDB chunks, keeping metadata', async () => {
    const ctx = testContext({ sql: host });
    const bound = mathExpression.bind(schema, { expression: 'GR * 0.5 + 1', output: 'HALF' }, ctx);
    if (!bound.ok) throw new Error(bound.error.message);
    const input = logs(5000);
    const out = await bound.value(input);
    expect(out.numRows).toBe(5000);
    expect(out.schema.fields.map((f) => f.name)).toEqual(['DEPT', 'GR', 'LITH', 'HALF']);
    expect(out.schema.fields[1]?.metadata.get('unit')).toBe('API');
    const half = values(out, 'HALF');
    const gr = values(input, 'GR');
    gr.forEach((g, i) => expect(half[i]).toBe(g === null ? null : (g as number) * 0.5 + 1));
  });

  it('replaces an existing column in place and handles text', async () => {
    const ctx = testContext({ sql: host });
    const bound = mathExpression.bind(
      schema,
      { expression: "CASE WHEN LITH = 'ss' THEN 'sand' ELSE 'shale' END", output: 'LITH' },
      ctx,
    );
    if (!bound.ok) throw new Error(bound.error.message);
    const out = await bound.value(logs(3));
    expect(out.schema.fields.map((f) => f.name)).toEqual(['DEPT', 'GR', 'LITH']);
    expect(values(out, 'LITH')).toEqual(['shale', 'sand', 'shale']);
  });

  it('rejects aggregates and bad columns with messages naming the parameter and node', async () => {
    const ctx = testContext({ sql: host });
    const agg = mathExpression.bind(schema, { expression: 'avg(GR)', output: 'A' }, ctx);
    if (!agg.ok) throw new Error(agg.error.message);
    const e = await failure(Promise.resolve().then(() => agg.value(logs(4))));
    expect(e.message).toMatch(/Aggregate functions .* are not allowed/);
    expect(e.nodeId).toBe('n1');
    expect(e.field).toBe('params.expression');
    const missing = mathExpression.bind(schema, { expression: 'NOPE + 1', output: 'A' }, ctx);
    if (!missing.ok) throw new Error(missing.error.message);
    const m = await failure(Promise.resolve().then(() => missing.value(logs(2))));
    expect(m.code).toBe('SQL_ERROR');
    expect(m.message).toMatch(/NOPE/);
    const sub = mathExpression.bind(schema, { expression: '(SELECT 1)', output: 'A' }, ctx);
    expect(sub.ok).toBe(false);
  });
});

describe('sql (real DuckDB)', () => {
  it('joins user-named inputs and keeps metadata of passed-through columns', async () => {
    const tops = new Table({
      TOP: vectorFromArray([1000.4, 1001], new Float64()),
      ZONE: vectorFromArray(['A', 'B'], new Utf8()),
    });
    const out = await sql.run(
      { logs: new Table([logs(6)]), tops },
      {
        query:
          'SELECT l.DEPT, l.GR, max(t.ZONE) AS ZONE FROM logs l LEFT JOIN tops t ON t.TOP <= l.DEPT GROUP BY ALL ORDER BY l.DEPT',
        inputs: ['logs', 'tops'],
      },
      testContext({ sql: host }),
    );
    expect(values(out, 'DEPT')).toEqual([1000, 1000.5, 1001, 1001.5, 1002, 1002.5]);
    expect(values(out, 'ZONE')).toEqual([null, 'A', 'B', 'B', 'B', 'B']);
    expect(out.schema.fields[0]?.metadata.get('unit')).toBe('M');
    expect(out.schema.fields[1]?.metadata.get('unit')).toBe('API');
    expect(sql.inputs({ query: 'x', inputs: ['logs', 'tops'] }).map((p) => p.name)).toEqual([
      'logs',
      'tops',
    ]);
  });

  it('reports a denied read as PERMISSION at the node', async () => {
    const e = await failure(
      sql.run(
        { input: new Table([logs(2)]) },
        { query: "SELECT * FROM read_csv('/etc/passwd')" },
        testContext({ sql: host }),
      ),
    );
    expect(e.code).toBe('PERMISSION');
    expect(e.nodeId).toBe('n1');
    expect(e.field).toBe('params.query');
  });
});

describe('source.csv (real DuckDB)', () => {
  const files = memoryFiles({
    'w1.csv': 'DEPT;GR\n1000;45.5\n1000.5;60\n',
    'w2.csv': 'DEPT,GR,RT\n2000.25,70,12\n',
    'broken.csv': 'a,b\n1,2\n3\n',
  });

  it('reads one file with the sniffer', async () => {
    const batches = await collect(
      sourceCsv.read({ file: 'w1.csv' }, testContext({ files, sql: host })),
    );
    const t = new Table(batches);
    expect(t.schema.fields.map((f) => f.name)).toEqual(['DEPT', 'GR']);
    expect(values(t, 'GR')).toEqual([45.5, 60]);
  });

  it('stacks a glob by column name, widening types', async () => {
    const ctx = testContext({ files, sql: host });
    const t = new Table(await collect(sourceCsv.read({ file: 'w*.csv' }, ctx)));
    expect(t.schema.fields.map((f) => `${f.name}:${String(f.type)}`)).toEqual([
      'DEPT:Float64',
      'GR:Float64',
      'RT:Int64',
    ]);
    expect(values(t, 'DEPT')).toEqual([1000, 1000.5, 2000.25]);
    expect(values(t, 'RT')).toEqual([null, null, 12]);
  });

  it('validates the delimiter and names the file on errors', async () => {
    const d = await failure(
      collect(
        sourceCsv.read({ file: 'w1.csv', delimiter: ';;' }, testContext({ files, sql: host })),
      ),
    );
    expect(d.field).toBe('params.delimiter');
    // A short row is padded with a null and warned about (csv.ts policy), not an error.
    const ctx = testContext({ files, sql: host });
    const t = new Table(await collect(sourceCsv.read({ file: 'broken.csv', delimiter: ',' }, ctx)));
    expect(values(t, 'b')).toEqual([2, null]);
    expect(ctx.warnings[0]).toMatch(/^broken\.csv: 1 rows have fewer than 2 values/);
    const e = await failure(
      collect(
        sourceCsv.read(
          { file: 'w1.csv' },
          testContext({ files: memoryFiles({ 'w1.csv': '' }), sql: host }),
        ),
      ),
    );
    expect(e.code).toBe('CSV_READ');
    expect(e.file).toBe('w1.csv');
    expect(e.nodeId).toBe('n1');
    expect(e.message).toMatch(/^w1\.csv: the file is empty/);
  });
});
