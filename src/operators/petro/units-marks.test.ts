import { describe, expect, it } from 'vitest';
import { cutoffs } from './cutoffs.ts';
import { netpay } from './netpay.ts';
import { porosityDensity } from './porosity.ts';
import { batchOf, expectClose, tableOf, testContext, valuesOf } from './test-helpers.ts';
import { vshale } from './vshale.ts';

describe('"no value" markers read as numbers (an undeclared LAS NULL) are warned about', () => {
  it('vshale: a GR of -999.25 would be clean rock (VSH 0); the warning says so and how to fix it', async () => {
    const b = batchOf({ GR: [-999.25, 70, -999.25, null] });
    const ctx = testContext();
    const bound = vshale.bind(b.schema, { grMin: 20, grMax: 120 }, ctx);
    if (!bound.ok) throw new Error(bound.error.message);
    const out = await bound.value(b);
    await bound.value(b);
    // The formula is unchanged: IGR = clamp((-999.25 - 20)/100) = 0; (70 - 20)/100 = 0.5.
    expectClose(valuesOf(out, 'VSH'), [0, 0.5, 0, null]);
    expect(ctx.warnings).toEqual([
      'Parameter "gr": column "GR" holds 2 values of -999 or less (the first is -999.25), which no log in API reads: they look like a "no value" marker (the LAS NULL, such as -999.25) read as a number, and petro.vshale computes with them (a GR of -999.25 gives VSH 0, clean rock). Make them null first: declare the marker where the file is read (the LAS NULL line, or source.csv\'s "Missing value"), or add a math.expression node (expression CASE WHEN "GR" <= -999 THEN NULL ELSE "GR" END, output "GR").',
    ]);
  });

  it('density porosity and cutoffs warn for -9999; ordinary negative readings do not', async () => {
    const ctx = testContext();
    const b = batchOf({ RHOB: [2.3, -9999] });
    const bound = porosityDensity.bind(b.schema, {}, ctx);
    if (!bound.ok) throw new Error(bound.error.message);
    await bound.value(b);
    expect(ctx.warnings).toHaveLength(1);
    expect(ctx.warnings[0]).toMatch(
      /^Parameter "rhob": column "RHOB" holds 1 value of -999 or less \(the first is -9999\).*density porosity of 1/,
    );
    const quiet = testContext();
    const c = batchOf({ VSH: [-0.05, 0.3], PHIE: [-0.01, 0.2], SW: [0.5, -998.9] });
    const bc = cutoffs.bind(c.schema, {}, quiet);
    if (!bc.ok) throw new Error(bc.error.message);
    await bc.value(c);
    expect(quiet.warnings).toEqual([]);
  });

  it('summary.netpay warns when PHIE holds -999.25', async () => {
    const ctx = testContext();
    const t = tableOf({ DEPT: [1, 2], PHIE: [0.2, -999.25], SW: [0.3, 0.3], PAY: [1, 1] });
    await netpay.run({ in: t }, {}, ctx);
    expect(ctx.warnings).toHaveLength(1);
    expect(ctx.warnings[0]).toMatch(
      /^Parameter "phi": column "PHIE" holds 1 value of -999 or less.*summary\.netpay computes with it/,
    );
  });
});
