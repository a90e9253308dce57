import { describe, expect, it } from 'vitest';
import { netpay } from './netpay.ts';
import { netpayV110 } from './netpay-v1-1.ts';
import { expectClose, tableOf, testContext, valuesOf } from './test-helpers.ts';

describe('summary.netpay sample thickness from the log sampling, whatever the row order', () => {
  it('gives the hand-calculated figures of a 6-row log whose rows come out of order (a join)', async () => {
    // Depths 100..105 at 1 m, listed 100, 103, 101, 105, 102, 104. Table-order steps would be
    // 3, 2, 4, 3, 2 (median 3: gross 18 m for six 1 m samples); the sampling is 1 m.
    const t = tableOf({
      DEPT: [100, 103, 101, 105, 102, 104],
      PHIE: [0.2, 0.1, 0.25, 0.15, 0.3, 0.05],
      SW: [0.3, 0.5, 0.2, 0.4, 0.9, 0.9],
      PAY: [1, 1, 1, 1, 0, 0],
    });
    for (const op of [netpay, netpayV110]) {
      const ctx = testContext();
      const out = await op.run({ in: t }, {}, ctx);
      // gross = 1 x 6 = 6; net = 1 x 4 = 4; ntg = 4/6.
      expectClose(valuesOf(out, 'gross'), [6]);
      expectClose(valuesOf(out, 'net'), [4]);
      expectClose(valuesOf(out, 'ntg'), [4 / 6]);
      // phi_avg = (0.2 + 0.1 + 0.25 + 0.15)/4 = 0.175.
      expectClose(valuesOf(out, 'phi_avg'), [0.175]);
      // sw_avg = (0.06 + 0.05 + 0.05 + 0.06)/0.7 = 0.22/0.7.
      expectClose(valuesOf(out, 'sw_avg'), [0.22 / 0.7]);
      // hcpv = 1 x (0.2 x 0.7 + 0.1 x 0.5 + 0.25 x 0.8 + 0.15 x 0.6) = 0.14 + 0.05 + 0.2 + 0.09.
      expectClose(valuesOf(out, 'hcpv'), [0.48]);
      expect(ctx.warnings).toEqual([]);
    }
  });

  it('never takes the distance between two wells as a step (a zone summed over wells)', async () => {
    // Zone T is one sample thick in well A (1000) and two in well B (2000, 2000.5). Grouped by ZONE
    // alone, a step from A's depth to B's (1000 m) would make h = median(1000, 0.5) = 500.25 and
    // gross = 1500.75 m; the sampling is 0.5 m: gross = 0.5 x 3 = 1.5, net 0.5 x 2 = 1.
    const t = tableOf({
      DEPT: [1000, 2000, 2000.5],
      PHIE: [0.2, 0.2, 0.2],
      SW: [0.5, 0.5, 0.5],
      PAY: [1, 1, 0],
      WELL: ['A', 'B', 'B'],
      ZONE: ['T', 'T', 'T'],
    });
    const out = await netpay.run({ in: t }, { groupBy: ['ZONE'] }, testContext());
    expectClose(valuesOf(out, 'gross'), [1.5]);
    expectClose(valuesOf(out, 'net'), [1]);
    // A lone sample in each of two wells has no step in either: h, gross and net are null.
    const lone = tableOf({
      DEPT: [1000, 2000],
      PHIE: [0.2, 0.2],
      SW: [0.5, 0.5],
      PAY: [1, 1],
      WELL: ['A', 'B'],
    });
    const alone = await netpay.run({ in: lone }, { groupBy: [] }, testContext());
    expectClose(valuesOf(alone, 'gross'), [null]);
  });

  it('takes no step of 0 at repeated depths, and warns that those rows count twice', async () => {
    // Two runs stacked over the same interval: every depth twice. Steps of 0 would make h = 0
    // (gross 0 m); the sampling is 0.5 m, and the 6 rows count as 6 samples: gross 3 m.
    const t = tableOf({
      DEPT: [100, 100.5, 101, 100, 100.5, 101],
      PHIE: [0.2, 0.2, 0.2, 0.2, 0.2, 0.2],
      SW: [0.5, 0.5, 0.5, 0.5, 0.5, 0.5],
      PAY: [1, 1, 1, 1, 1, 1],
      WELL: ['W', 'W', 'W', 'W', 'W', 'W'],
    });
    const ctx = testContext();
    const out = await netpayV110.run({ in: t }, {}, ctx);
    expectClose(valuesOf(out, 'gross'), [3]);
    expect(ctx.warnings).toEqual([
      '3 rows repeat the depth of another row of the same well and group (first in group WELL W, at DEPT 100); each counts as a sample of thickness h, so gross, net and hcpv count that depth more than once. Remove the repeated rows first (e.g. a sql node with SELECT DISTINCT, or keep one logging run per depth).',
    ]);
  });
});
