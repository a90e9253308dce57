import { describe, expect, it } from 'vitest';
import { swArchie } from './archie.ts';
import { netpay } from './netpay.ts';
import { permeabilityTimur } from './permeability.ts';
import { porosityDensity } from './porosity.ts';
import { swIndonesia } from './shaly-sand.ts';
import {
  batchOf,
  expectClose,
  runRowwise,
  tableOf,
  testContext,
  valuesOf,
} from './test-helpers.ts';
import { vshale } from './vshale.ts';
import { zonesAssign } from './zones.ts';

describe('edges of the petrophysics formulas (values worked out from the spec formulas)', () => {
  it('vshale: GR outside the clean-shale range clamps IGR before every curve', async () => {
    const b = batchOf({ GR: [5, 200, 70, null] });
    // IGR = (70 - 20)/(120 - 20) = 0.5; clavier 1.7 - sqrt(3.38 - 1.2^2) = 1.7 - sqrt(1.94).
    const clav = await runRowwise(vshale, b, { grMin: 20, grMax: 120, method: 'clavier' });
    expectClose(valuesOf(clav, 'VSH'), [0, 1, 1.7 - Math.sqrt(1.94), null]);
    const lar = await runRowwise(vshale, b, {
      grMin: 20,
      grMax: 120,
      method: 'larionov-tertiary',
    });
    // IGR 1: 0.083 (2^3.7 - 1) = 0.99565... (below 1, not clamped).
    expectClose(valuesOf(lar, 'VSH'), [0, 0.083 * (2 ** 3.7 - 1), 0.083 * (2 ** 1.85 - 1), null]);
    const r = vshale.bind(b.schema, { grMin: 80, grMax: 80 }, testContext());
    expect(!r.ok && r.error.field).toBe('params.grMax');
  });

  it('density porosity: RHOB above the matrix gives 0, below the fluid gives 1', async () => {
    const b = batchOf({ RHOB: [2.8, 0.9, 2.32, null] });
    const out = await runRowwise(porosityDensity, b, {});
    expectClose(valuesOf(out, 'PHID'), [0, 1, 0.33 / 1.65, null]);
  });

  it('archie: RT or PHI zero or negative gives null; PHI above 1 still computes', async () => {
    const b = batchOf({ RT: [0, -1, 10, 10, 10], PHIE: [0.2, 0.2, 0, -0.1, 1.2] });
    const out = await runRowwise(swArchie, b, { rw: 0.05 });
    expectClose(valuesOf(out, 'SW'), [null, null, null, null, Math.sqrt(0.05 / (1.44 * 10))]);
  });

  it('indonesia: VSH above 1 (negative exponent base > 1) and VSH 0 (Archie)', async () => {
    const b = batchOf({ RT: [20, 20], PHIE: [0.2, 0.2], VSH: [1.5, 0] });
    const out = await runRowwise(swIndonesia, b, { rw: 0.05, rsh: 4 });
    const sw = (v: number) =>
      Math.min(1, (1 / Math.sqrt(20) / (v ** (1 - v / 2) / 2 + 0.2 / Math.sqrt(0.05))) ** 1);
    expectClose(valuesOf(out, 'SW'), [sw(1.5), Math.sqrt(0.05 / (0.04 * 20))]);
  });

  it('timur: PHI 0 gives 0 mD, SWI 0 gives null', async () => {
    const b = batchOf({ PHIE: [0, 0.2, 0.25], SW: [0.3, 0, 0.2] });
    const out = await runRowwise(permeabilityTimur, b, {});
    expectClose(valuesOf(out, 'PERM'), [0, null, (0.136 * 25 ** 4.4) / 400]);
  });
});

describe('summary.netpay on awkward sampling', () => {
  const run = (cols: Record<string, (number | null)[] | string[]>) =>
    netpay.run({ in: tableOf(cols) }, {}, testContext());

  it('descending, irregular depths use the median step; a single-row group has null h', async () => {
    // Well A: steps 0.5, 0.5, 1.0 -> h 0.5; 4 rows, 2 pay. Well B: one row.
    const t = await run({
      DEPT: [103, 102.5, 102, 101, 50],
      PHIE: [0.2, 0.1, 0.3, 0.2, 0.2],
      SW: [0.5, 0.2, 0.4, 0.4, 0.4],
      PAY: [1, 0, 1, 0, 1],
      WELL: ['A', 'A', 'A', 'A', 'B'],
    });
    expectClose(valuesOf(t, 'gross'), [2, null]);
    expectClose(valuesOf(t, 'net'), [1, null]);
    // sw_avg = (0.2 x 0.5 + 0.3 x 0.4)/(0.2 + 0.3) = 0.44; hcpv = 0.5 (0.1 + 0.18) = 0.14.
    expectClose(valuesOf(t, 'sw_avg'), [0.44, 0.4]);
    expectClose(valuesOf(t, 'hcpv'), [0.14, null]);
  });

  it('duplicate depths at a splice do not change h (median of steps)', async () => {
    const t = await run({
      DEPT: [1, 1.5, 2, 2, 2.5, 3],
      PHIE: [0.2, 0.2, 0.2, 0.2, 0.2, 0.2],
      SW: [0.5, 0.5, 0.5, 0.5, 0.5, 0.5],
      PAY: [1, 1, 1, 1, 1, 1],
    });
    expectClose(valuesOf(t, 'gross'), [3]);
  });
});

describe('zones.assign with tops of several wells', () => {
  it('warns when logs without a well column meet tops of several wells', async () => {
    const tops = tableOf({ WELL: ['A', 'B'], TOP: [1000, 1500], ZONE: ['X', 'Y'] });
    const logs = tableOf({ DEPT: [1200, 1600] });
    const ctx = testContext();
    const out = await zonesAssign.run({ logs, tops }, {}, ctx);
    expect(valuesOf(out, 'ZONE')).toEqual(['X', 'Y']);
    expect(ctx.warnings).toHaveLength(1);
    expect(ctx.warnings[0]).toContain('2 wells');
    expect(ctx.warnings[0]).toContain('"WELL"');
    const single = tableOf({ WELL: ['A', 'A'], TOP: [1000, 1500], ZONE: ['X', 'Y'] });
    const quiet = testContext();
    await zonesAssign.run({ logs, tops: single }, {}, quiet);
    expect(quiet.warnings).toEqual([]);
  });
});
