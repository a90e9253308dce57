/** math.expression over real DuckDB: inputs where DuckDB's own rules would give a wrong answer. */
import { Field, Float64, Int32, Schema, vectorFromArray, type RecordBatch } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PetroflowException, type PetroflowError } from '../../model/errors.ts';
import { batchFromColumns } from '../../operators/tables/arrow-util.ts';
import { mathExpression } from '../../operators/tables/math-expression.ts';
import { testContext, values } from '../../operators/tables/test-context.ts';
import { createNodeDuckDbHost, type DuckDbHost } from './node.ts';

let host: DuckDbHost;
beforeAll(async () => {
  host = await createNodeDuckDbHost();
});
afterAll(async () => {
  await host.close();
});

const schema = new Schema([
  new Field('DEPT', new Float64(), true),
  new Field('GR', new Float64(), true),
  new Field('RT', new Float64(), true),
  new Field('N', new Int32(), true),
  new Field('gr', new Float64(), true),
]);

function batch(): RecordBatch {
  const f = (v: (number | null)[]) => vectorFromArray(v, new Float64()).data[0]!;
  return batchFromColumns(
    schema,
    [
      f([1, 2, 3]),
      f([10, null, 30]),
      f([0, 2, 5]),
      vectorFromArray([2147483647, 1, 2], new Int32()).data[0]!,
      f([100, 200, 300]),
    ],
    3,
  );
}

async function run(expression: string): Promise<RecordBatch> {
  const bound = mathExpression.bind(
    schema,
    { expression, output: 'OUT' },
    testContext({ sql: host }),
  );
  if (!bound.ok) throw new PetroflowException(bound.error);
  return bound.value(batch());
}

async function failure(expression: string): Promise<PetroflowError> {
  const e = await run(expression).then(
    () => undefined,
    (x: unknown) => x,
  );
  if (e instanceof PetroflowException) return e.detail;
  throw new Error(`expected a PetroflowException for ${expression}, got ${String(e)}`);
}

describe('math.expression: columns differing only in case', () => {
  it('reads the column spelt exactly, not the other one DuckDB would pick', async () => {
    expect(values(await run('gr * 2'), 'OUT')).toEqual([200, 400, 600]);
    expect(values(await run('"gr" + 1'), 'OUT')).toEqual([101, 201, 301]);
    expect(values(await run('GR * 2'), 'OUT')).toEqual([20, null, 60]);
    expect(values(await run('DEPT + RT'), 'OUT')).toEqual([1, 4, 8]);
  });

  it('refuses an expression naming both, or neither spelling exactly', async () => {
    for (const expression of ['GR - gr', 'Gr * 2']) {
      const e = await failure(expression);
      expect(e.message).toMatch(/"GR" and "gr" differ only in case/);
      expect(e.field).toBe('params.expression');
      expect(e.nodeId).toBe('n1');
    }
  });
});

describe('math.expression: one repeatable value per row', () => {
  it('refuses rowid and functions whose value changes between runs', async () => {
    expect((await failure('rowid + 1')).message).toMatch(/rowid is not allowed/);
    for (const f of ['random()', 'now()', 'current_date', 'gen_random_uuid()', 'uuid()']) {
      expect((await failure(f)).message).toMatch(
        /is not allowed: its value changes from run to run/,
      );
    }
  });

  it('refuses COLUMNS(...) matching several columns instead of keeping the first', async () => {
    const e = await failure("COLUMNS('^(DEPT|RT)$') * 2");
    expect(e.message).toMatch(/gives 2 values per row/);
    expect(values(await run("COLUMNS('^RT$') * 2"), 'OUT')).toEqual([0, 4, 10]);
  });

  it('refuses a struct or list result (e.g. a stray comma) instead of storing it', async () => {
    expect((await failure('GR, RT')).message).toMatch(/several values in one cell/);
    expect((await failure('list_value(GR)')).message).toMatch(/several values in one cell/);
  });

  it('says how to guard a value outside a function domain and an integer overflow', async () => {
    const ln = await failure('ln(RT)');
    expect(ln.message).toMatch(/logarithm of zero/);
    expect(ln.message).toMatch(/CASE WHEN RT > 0 THEN ln\(RT\) END/);
    expect(values(await run('CASE WHEN RT > 0 THEN ln(RT) END'), 'OUT')).toEqual([
      null,
      Math.log(2),
      Math.log(5),
    ]);
    const o = await failure('N * 2');
    expect(o.message).toMatch(/Overflow in multiplication of INT32/);
    expect(o.message).toMatch(/CAST\(N AS DOUBLE\)/);
  });
});

describe('math.expression: non-finite results', () => {
  it('are null whether DuckDB answers in one chunk or several (batches over 2048 rows)', async () => {
    const ctx = testContext({ sql: host });
    const bound = mathExpression.bind(schema, { expression: 'RT / (RT - RT)', output: 'OUT' }, ctx);
    if (!bound.ok) throw new Error(bound.error.message);
    for (const n of [3, 3000]) {
      const f = (v: (number | null)[]) => vectorFromArray(v, new Float64()).data[0]!;
      const rt = Array.from({ length: n }, (_, i) => (i % 3 === 1 ? null : i % 3));
      const zeros = Array.from({ length: n }, () => 0);
      const b = batchFromColumns(
        schema,
        [f(zeros), f(zeros), f(rt), vectorFromArray(zeros, new Int32()).data[0]!, f(zeros)],
        n,
      );
      const out = await bound.value(b);
      // 0/0 is NaN, 2/0 is Infinity, null/0 is null in DuckDB: all three are null here.
      expect(out.getChild('OUT')!.nullCount).toBe(n);
      expect(values(out, 'OUT').slice(0, 3)).toEqual([null, null, null]);
    }
  });
});
