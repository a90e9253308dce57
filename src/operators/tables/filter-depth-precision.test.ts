/**
 * filter.depth over a 32-bit float index (a Parquet or Arrow FLOAT depth): a sample the file holds
 * as 1480.1 lies inside a window that starts or ends at 1480.1, and a double index is compared
 * exactly as before.
 */
import { tableFromArrays } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { filterDepth } from './filter-depth.ts';
import { testContext } from './test-context.ts';

async function kept(dept: Float32Array | Float64Array, top: number, base: number) {
  const batch = tableFromArrays({ DEPT: dept, GR: new Float64Array(dept.length) }).batches[0]!;
  const bind = filterDepth.bind(batch.schema, { top, base }, testContext());
  if (!bind.ok) throw new Error(bind.error.message);
  const out = await bind.value(batch);
  return [...(out.getChild('DEPT') ?? [])] as number[];
}

describe('filter.depth on a FLOAT index', () => {
  const written = [1480, 1480.1, 1480.2, 1480.3, 1480.4];

  it('keeps the samples at both bounds when the file holds them as the bounds typed', async () => {
    const f32 = Float32Array.from(written);
    // As doubles, the Float32 1480.1 is 1480.0999755859375 < 1480.1, and 1480.3 is
    // 1480.300048828125 > 1480.3: both ends were dropped.
    expect(f32[1]).toBeLessThan(1480.1);
    expect(f32[3]).toBeGreaterThan(1480.3);
    expect(await kept(f32, 1480.1, 1480.3)).toEqual([f32[1], f32[2], f32[3]]);
    expect(await kept(f32, 1480.3, 1480.1)).toHaveLength(3);
  });

  it('still leaves out the neighbours just outside the window', async () => {
    const f32 = Float32Array.from(written);
    expect(await kept(f32, 1480.15, 1480.25)).toEqual([f32[2]]);
  });

  it('compares a double index exactly as written, bit for bit as before', async () => {
    const f64 = Float64Array.from([1480.0999755859375, 1480.1, 1480.2, 1480.3, 1480.300048828125]);
    expect(await kept(f64, 1480.1, 1480.3)).toEqual([1480.1, 1480.2, 1480.3]);
  });
});
