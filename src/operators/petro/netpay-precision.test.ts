import { Float32, Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { netpay } from './netpay.ts';
import { netpayV110 } from './netpay-v1-1.ts';
import { asWritten, toStored } from '../precision.ts';
import { batchOf, testContext, valuesOf } from './test-helpers.ts';

// Depths as text gives them, e.g. 30 samples at 0.1 m from 1480.
const depthsFrom = (start: number, step: number, n: number, places: number) =>
  Array.from({ length: n }, (_, i) => Number((start + i * step).toFixed(places)));

/** Wells A (30 rows) and B (20 rows) with the given depths; every other row is pay. */
const table = (depth: number[], float32Index: boolean) => {
  const rows = {
    DEPT: depth,
    WELL: [...Array<string>(30).fill('A'), ...Array<string>(20).fill('B')],
    PHIE: Array<number>(50).fill(0.25),
    SW: Array<number>(50).fill(0.5),
    PAY: Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? 1 : 0)),
  };
  const b = batchOf(rows, {}, float32Index ? { DEPT: new Float32() } : {});
  return new Table(b.schema, [b]);
};
const short = [...depthsFrom(1480, 0.1, 30, 1), ...depthsFrom(3000, 0.1, 20, 1)];

describe('summary.netpay with a 32-bit float depth index', () => {
  it('takes h from the depths the file shows: 0.1, not 0.099976 or 0.100098', async () => {
    // Float32 steps are 0.0999755859375 or 0.10009765625 near 1480 (median the first) and
    // 0.099853515625 or 0.10009765625 near 3000 (median the second); the file shows 0.1 steps.
    // Hand values: A gross 30 x 0.1 = 3, net 15 x 0.1 = 1.5; B gross 20 x 0.1 = 2, net 1.
    const out = await netpayV110.run({ in: table(short, true) }, {}, testContext());
    expect(valuesOf(out, 'gross')).toEqual([3, 2]);
    expect(valuesOf(out, 'net')).toEqual([1.5, 1]);
  });

  it('gives 1.0.0 the same figures, bit for bit, as the same depths in a double column', async () => {
    const f32 = await netpay.run({ in: table(short, true) }, {}, testContext());
    const f64 = await netpay.run({ in: table(short, false) }, {}, testContext());
    for (const name of ['gross', 'net', 'ntg', 'phi_avg', 'sw_avg', 'hcpv'])
      expect(valuesOf(f32, name)).toEqual(valuesOf(f64, name));
  });

  it('keeps the stored values when Float32 cannot hold the written digits (2480.1524)', async () => {
    // B at 0.1524 m from 2480: 8 digits, so no decimal is sure; h stays the Float32 median
    // 0.15234375, rounded 0.152344: gross 20 x 0.152344 = 3.04688. The whole column is kept, so
    // A too: h 0.0999755859375 rounded 0.099976, gross 30 x 0.099976 = 2.99928 (as before).
    const long = [...depthsFrom(1480, 0.1, 30, 1), ...depthsFrom(2480, 0.1524, 20, 4)];
    const out = await netpayV110.run({ in: table(long, true) }, {}, testContext());
    expect(valuesOf(out, 'gross')).toEqual([2.99928, 3.04688]);
  });

  it('reads a column back as the decimals of at most the digits its precision keeps', () => {
    const f = (xs: number[]) => Float64Array.from(xs, Math.fround);
    expect([...asWritten(f([1480.1, 0, NaN, -20.25, 0.3]), 'single')]).toEqual([
      1480.1,
      0,
      NaN,
      -20.25,
      0.3,
    ]);
    const long = f([1480.1, 2480.1524]);
    expect(asWritten(long, 'single')).toBe(long);
    expect([...asWritten(Float64Array.of(toStored(0.6, 'half')), 'half')]).toEqual([0.6]);
    // Every decimal of up to 6 digits comes back exactly, from 1e-4 to 1e6 (either sign).
    const written: number[] = [];
    for (let e = -4; e <= 5; e++)
      for (const m of [100000, 123456, 314159, 500001, 999999, 1001, 7])
        written.push(Number(`${m}e${e - 5}`), -Number(`${m}e${e - 5}`));
    expect([...asWritten(f(written), 'single')]).toEqual(written);
    const doubles = Float64Array.of(0.1 + 0.2);
    expect(asWritten(doubles, 'double')).toBe(doubles);
  });
});
