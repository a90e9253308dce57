import { Float64, Int32, Table, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { PetroflowException } from '../../model/errors.ts';
import { percentile, statsDescribe } from './stats-describe.ts';
import { testContext, values } from './test-context.ts';

describe('percentile (linear between closest ranks, as numpy)', () => {
  it('matches hand-computed values', () => {
    const x = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // h = 9 p: p05 -> h = 0.45 -> 1 + 0.45 = 1.45; p50 -> 4.5 -> 5.5; p95 -> 8.55 -> 9.55
    expect(percentile(x, 0.05)).toBeCloseTo(1.45, 12);
    expect(percentile(x, 0.5)).toBeCloseTo(5.5, 12);
    expect(percentile(x, 0.95)).toBeCloseTo(9.55, 12);
    expect(percentile(Float64Array.from([7]), 0.95)).toBe(7);
    expect(percentile(new Float64Array(0), 0.5)).toBeNaN();
  });
});

describe('stats.describe', () => {
  const table = new Table({
    GR: vectorFromArray([10, null, 30, 20, 40], new Float64()),
    N: vectorFromArray([1, 2, 3, 4, 5], new Int32()),
    LITH: vectorFromArray(['a', 'b', 'c', 'd', 'e'], new Utf8()),
    EMPTY: vectorFromArray([null, null, null, null, null], new Float64()),
  });

  it('describes every numeric column by default', async () => {
    const out = await statsDescribe.run({ in: table }, {}, testContext());
    expect(values(out, 'column')).toEqual(['GR', 'N', 'EMPTY']);
    expect(values(out, 'count')).toEqual([4, 5, 0]);
    expect(values(out, 'nulls')).toEqual([1, 0, 5]);
    expect(values(out, 'min')).toEqual([10, 1, null]);
    expect(values(out, 'max')).toEqual([40, 5, null]);
    expect(values(out, 'mean')).toEqual([25, 3, null]);
    // GR sorted 10 20 30 40, h = 3 p: p05 -> 0.15 -> 11.5; p50 -> 1.5 -> 25; p95 -> 2.85 -> 38.5
    const p05 = values(out, 'p05') as number[];
    const p95 = values(out, 'p95') as number[];
    expect(p05[0]).toBeCloseTo(11.5, 12);
    expect(values(out, 'p50')[0]).toBeCloseTo(25, 12);
    expect(p95[0]).toBeCloseTo(38.5, 12);
    // N 1..5, h = 4 p: p05 -> 0.2 -> 1.2; p95 -> 3.8 -> 4.8
    expect(p05[1]).toBeCloseTo(1.2, 12);
    expect(p95[1]).toBeCloseTo(4.8, 12);
  });

  it('describes chosen columns and rejects text columns by parameter', async () => {
    const out = await statsDescribe.run({ in: table }, { columns: ['N'] }, testContext());
    expect(values(out, 'column')).toEqual(['N']);
    const bad = statsDescribe.outputSchema({ in: table.schema }, { columns: ['LITH'] });
    expect(bad?.ok).toBe(false);
    if (bad && !bad.ok) expect(bad.error.field).toBe('params.columns');
    await expect(
      statsDescribe.run({ in: table }, { columns: ['NOPE'] }, testContext()),
    ).rejects.toBeInstanceOf(PetroflowException);
  });
});
