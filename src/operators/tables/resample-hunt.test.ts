import { Field, Float64, Schema, Table, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { PetroflowException, type PetroflowError } from '../../model/errors.ts';
import { batchFromColumns } from './arrow-util.ts';
import { bindDepthFilter } from './filter-depth.ts';
import { resample } from './resample.ts';
import { regularGrid } from './resample-grid.ts';
import { testContext, values } from './test-context.ts';

const schema = new Schema([
  new Field('DEPT', new Float64(), true, new Map([['unit', 'M']])),
  new Field('GR', new Float64(), true),
]);

function table(dept: number[], gr: number[]): Table {
  const data = [dept, gr].map((v) => vectorFromArray(v, new Float64()).data[0]!);
  return new Table([batchFromColumns(schema, data, dept.length)]);
}

async function failure(p: Promise<unknown>): Promise<PetroflowError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  if (e instanceof PetroflowException) return e.detail;
  throw new Error(`expected a PetroflowException, got ${String(e)}`);
}

describe('resample: grids that cannot be made', () => {
  it('refuses a step making billions of rows at once, naming the step parameter', async () => {
    const t = table([1000, 3000], [1, 2]);
    const started = Date.now();
    const e = await failure(resample.run({ in: t }, { step: 1e-6 }, testContext()));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(e.field).toBe('params.step');
    expect(e.nodeId).toBe('n1');
    expect(e.message).toMatch(/would make 2,000,000,001 rows at step 0.000001/);
    expect(e.message).toMatch(/unit of the index/);
  });

  it('counts the limit over all wells, not per well', () => {
    expect(regularGrid([0, 10], 1, 11).ok).toBe(true);
    const g = regularGrid([0, 10], 1, 10);
    expect(g.ok).toBe(false);
    if (!g.ok) expect(g.error.param).toBe('step');
  });
});

describe('resample: grid depths are the decimal values they stand for', () => {
  it('gives 0.3, not 0.30000000000000004, so equal depths compare equal', async () => {
    const out = await resample.run({ in: table([0, 1], [0, 10]) }, { step: 0.1 }, testContext());
    const dept = values(out, 'DEPT');
    expect(dept).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
    // Interpolation still uses the exact offset: GR = 10 x depth to 1e-12.
    values(out, 'GR').forEach((g, k) => expect(g as number).toBeCloseTo(k, 12));
    // A depth filter ending at 0.3 keeps the 0.3 sample.
    const f = bindDepthFilter(out.schema, { top: 0, base: 0.3 }, { nodeId: 'n1' });
    if (!f.ok) throw new Error(f.error.message);
    expect(f.value.transform(out.batches[0]!).numRows).toBe(4);
  });

  it('rounds to the decimals of first and step, downwards too', () => {
    const g = regularGrid([1000.25, 999.05], 0.15);
    if (!g.ok) throw new Error(g.error.message);
    expect(g.value.x).toEqual([
      1000.25, 1000.1, 999.95, 999.8, 999.65, 999.5, 999.35, 999.2, 999.05,
    ]);
  });
});
