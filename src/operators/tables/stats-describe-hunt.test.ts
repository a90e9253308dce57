import { Float64, Table, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { mean, statsDescribe } from './stats-describe.ts';
import { testContext, values } from './test-context.ts';

describe('stats.describe: the mean of extreme columns', () => {
  it('does not overflow to null on values near the largest double', async () => {
    const table = new Table({ X: vectorFromArray([1e308, 1e308, 0], new Float64()) });
    const out = await statsDescribe.run({ in: table }, {}, testContext());
    // (1e308 + 1e308 + 0) / 3, computed by hand as 2/3 of 1e308.
    expect(values(out, 'mean')[0] as number).toBeCloseTo((2 / 3) * 1e308, -295);
    expect(values(out, 'max')).toEqual([1e308]);
  });

  it('keeps the last digits over a million samples (compensated sum)', () => {
    // 1000 + (i mod 7) x 0.1: residue 0 occurs 142,858 times, 1..6 142,857 times each, so the
    // mean is 1000 + 142857 x 2.1 / 1e6 = 1000.2999997 exactly.
    const x = Float64Array.from({ length: 1_000_000 }, (_, i) => 1000 + (i % 7) * 0.1);
    expect(Math.abs(mean(x) - 1000.2999997)).toBeLessThan(1e-10);
    expect(mean(Float64Array.from([1, 2, 3, 4]))).toBe(2.5);
    expect(mean(new Float64Array(0))).toBeNaN();
  });
});
