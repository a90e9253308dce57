import { describe, expect, it } from 'vitest';
import { Table } from 'apache-arrow';
import { createBuiltinRegistry } from '../index.ts';
import { netpay } from './netpay.ts';
import { netpayV110 } from './netpay-v1-1.ts';
import { roundTo } from './netpay-stats.ts';
import { batchOf, expectClose, testContext, valuesOf } from './test-helpers.ts';

// Depths as a LAS reader parses them from text: 1480.1 - 1480 is 0.09999999999990905, not 0.1.
const depthsFrom = (start: number, step: number, n: number, places: number) =>
  Array.from({ length: n }, (_, i) => Number((start + i * step).toFixed(places)));

// Well A: 6 rows at 0.1 m; pay rows 0, 1, 2, 4. Well B: 4 rows at 0.5 ft = 0.1524 m, all pay.
const rows = {
  WELL: ['A', 'A', 'A', 'A', 'A', 'A', 'B', 'B', 'B', 'B'],
  DEPT: [...depthsFrom(1480, 0.1, 6, 1), ...depthsFrom(3000, 0.1524, 4, 4)],
  PHIE: [0.2, 0.25, 0.1, 0.3, 0.15, 0.05, 0.2, 0.2, 0.2, 0.2],
  SW: [0.3, 0.4, 0.5, 0.9, 0.6, 1.0, 0.5, 0.5, 0.5, 0.5],
  PAY: [1, 1, 1, 0, 1, 0, 1, 1, 1, 1],
};
const table = () => {
  const b = batchOf(rows, { DEPT: { unit: 'M' } });
  return new Table(b.schema, [b]);
};

describe('summary.netpay 1.1.0 (decimals)', () => {
  it('rounds h, gross and net to 6 places by default; ratios and averages stay exact', async () => {
    const out = await netpayV110.run({ in: table() }, { index: 'DEPT' }, testContext());
    expect(valuesOf(out, 'WELL')).toEqual(['A', 'B']);
    // A: h = 0.1; gross = 6 x 0.1 = 0.6; net = 4 x 0.1 = 0.4 (exactly, no float noise).
    // B: h = 0.1524; gross = net = 4 x 0.1524 = 0.6096.
    expect(valuesOf(out, 'gross')).toEqual([0.6, 0.6096]);
    expect(valuesOf(out, 'net')).toEqual([0.4, 0.6096]);
    // A: ntg = 0.4/0.6; phi_avg = (0.2 + 0.25 + 0.1 + 0.15)/4 = 0.175;
    //   sw_avg = (0.2*0.3 + 0.25*0.4 + 0.1*0.5 + 0.15*0.6)/0.7 = 0.3/0.7;
    //   hcpv = 0.1 (0.2*0.7 + 0.25*0.6 + 0.1*0.5 + 0.15*0.4) = 0.1 x 0.4 = 0.04.
    // B: ntg 1; phi_avg 0.2; sw_avg 0.5; hcpv = 0.1524 x 4 x 0.2 x 0.5 = 0.06096.
    expectClose(valuesOf(out, 'ntg'), [2 / 3, 1]);
    expectClose(valuesOf(out, 'phi_avg'), [0.175, 0.2]);
    expectClose(valuesOf(out, 'sw_avg'), [0.3 / 0.7, 0.5]);
    expectClose(valuesOf(out, 'hcpv'), [0.04, 0.06096]);
  });

  it('honours a smaller "decimals" (h 0.1524 becomes 0.15 with 2 places)', async () => {
    const out = await netpayV110.run(
      { in: table() },
      { index: 'DEPT', decimals: 2 },
      testContext(),
    );
    // B: h = 0.15; gross = net = 0.6; hcpv = 0.15 x 0.4 = 0.06 (hcpv itself is not rounded).
    expect(valuesOf(out, 'gross')).toEqual([0.6, 0.6]);
    expectClose(valuesOf(out, 'hcpv'), [0.04, 0.06]);
  });

  it('turns the 297 pay samples of a 0.1 m log into net = 29.7, where 1.0.0 gave float noise', async () => {
    const n = 400;
    const b = batchOf({
      DEPT: depthsFrom(1480, 0.1, n, 1),
      PHIE: new Array<number>(n).fill(0.2),
      SW: new Array<number>(n).fill(0.5),
      PAY: Array.from({ length: n }, (_, i) => (i < 297 ? 1 : 0)),
    });
    const t = new Table(b.schema, [b]);
    const v110 = await netpayV110.run({ in: t }, {}, testContext());
    expect(valuesOf(v110, 'net')).toEqual([29.7]);
    expect(valuesOf(v110, 'gross')).toEqual([40]);
    const v100 = await netpay.run({ in: t }, {}, testContext());
    expect(valuesOf(v100, 'net')).toEqual([29.699999999972988]);
  });

  it('1.0.0 still gives the unrounded figures', async () => {
    const out = await netpay.run({ in: table() }, { index: 'DEPT' }, testContext());
    // h of A is the median step, 1480.1 - 1480 (three of its five steps); of B 3000.1524 - 3000.
    const hA = 1480.1 - 1480;
    const hB = 3000.1524 - 3000;
    expect(valuesOf(out, 'gross')).toEqual([hA * 6, hB * 4]);
    expect(valuesOf(out, 'net')).toEqual([hA * 4, hB * 4]);
    expect(valuesOf(out, 'gross')[0]).not.toBe(0.6);
    expectClose(valuesOf(out, 'hcpv'), [hA * 0.4, hB * 0.4]);
  });

  it('declares "decimals" 0..12 (default 6) and migrates 1.0.0 params by adding it', () => {
    const p = netpayV110.params.schema.properties['decimals'];
    expect(p).toMatchObject({ type: 'integer', minimum: 0, maximum: 12, default: 6 });
    const m = netpayV110.migration;
    expect(m?.from).toBe('1.0.0');
    expect(m?.changes).toMatch(/"decimals".*6 decimal places.*gross and net/);
    const old = { index: 'DEPT', phi: 'PHIE', sw: 'SW', pay: 'PAY', groupBy: ['WELL'] };
    expect(m?.migrate(old)).toEqual({ ...old, decimals: 6 });
    expect(old).not.toHaveProperty('decimals');
  });

  it('is the newest stable version; 1.0.0 stays registered', () => {
    const registry = createBuiltinRegistry();
    expect(registry.versions('summary.netpay')).toEqual(['1.0.0', '1.1.0']);
    expect(registry.latest('summary.netpay', 'stable')?.version).toBe('1.1.0');
    expect(registry.operator('summary.netpay', '1.0.0')).toBe(netpay);
  });
});

describe('roundTo', () => {
  it('rounds to the nearest decimal and leaves NaN alone', () => {
    expect(roundTo(0.09999999999990905, 6)).toBe(0.1);
    expect(roundTo(29.700000000000003, 6)).toBe(29.7);
    expect(roundTo(0.15239999999994325, 2)).toBe(0.15);
    expect(roundTo(2.5, 0)).toBe(3);
    expect(roundTo(NaN, 3)).toBeNaN();
  });
});
