import { describe, expect, it } from 'vitest';
import { cutoffs } from './cutoffs.ts';
import { netpay } from './netpay.ts';
import { porosityNeutronDensity } from './porosity-combined.ts';
import { porosityDensity, porositySonic } from './porosity.ts';
import { swArchie } from './archie.ts';
import { batchOf, testContext, valuesOf } from './test-helpers.ts';
import { Table } from 'apache-arrow';

describe('unit checks of the petrophysics inputs', () => {
  it('refuses RHOB in K/M3 (the LAS 2.0 sample file), naming rhob and the conversion', () => {
    // sample.las: RHOB.K/M3 2550. Without the check PHID = clamp((2.65 - 2550)/1.65) = 0 everywhere.
    const b = batchOf({ RHOB: [2550, 2400] }, { RHOB: { unit: 'K/M3' } });
    const r = porosityDensity.bind(b.schema, {}, testContext());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.field).toBe('params.rhob');
    expect(r.error.message).toContain('"RHOB" is in K/M3');
    expect(r.error.message).toContain('g/cc');
    expect(r.error.message).toContain('"RHOB" / 1000');
    // The editor sees it before a run too.
    const s = porosityDensity.outputSchema({ in: b.schema }, {});
    expect(s?.ok).toBe(false);
  });

  it('accepts RHOB in G/C3 and, once converted, in no stated unit', () => {
    const b = batchOf({ RHOB: [2.55] }, { RHOB: { unit: 'G/C3' } });
    const ctx = testContext();
    const r = porosityDensity.bind(b.schema, {}, ctx);
    expect(r.ok).toBe(true);
    expect(ctx.warnings).toEqual([]);
  });

  it('refuses DT in US/M with the factor to us/ft', () => {
    const b = batchOf({ DT: [123.45] }, { DT: { unit: '[US/M]' } });
    const r = porositySonic.bind(b.schema, {}, testContext());
    expect(!r.ok && r.error.field).toBe('params.dt');
    expect(!r.ok && r.error.message).toContain('"DT" * 0.3048');
  });

  it('refuses a porosity column stated in percent (NPHI.PU, PHIE.%)', () => {
    const b = batchOf({ NPHI: [25], PHID: [0.2] }, { NPHI: { unit: 'PU' } });
    const r = porosityNeutronDensity.bind(b.schema, {}, testContext());
    expect(!r.ok && r.error.field).toBe('params.nphi');
    expect(!r.ok && r.error.message).toContain('"NPHI" / 100');
    const c = batchOf({ VSH: [0.1], PHIE: [20], SW: [0.3] }, { PHIE: { unit: '%' } });
    const rc = cutoffs.bind(c.schema, {}, testContext());
    expect(!rc.ok && rc.error.field).toBe('params.phi');
  });

  it('warns once when a column without a unit holds values impossible in the expected unit', async () => {
    // RHOB 2550 in a CSV (no unit): PHID is 0, but the node says why.
    const b = batchOf({ RHOB: [2550, 2400] });
    const ctx = testContext();
    const r = porosityDensity.bind(b.schema, {}, ctx);
    if (!r.ok) throw new Error(r.error.message);
    await r.value(b);
    await r.value(b);
    expect(ctx.warnings).toHaveLength(1);
    expect(ctx.warnings[0]).toContain('"rhob"');
    expect(ctx.warnings[0]).toContain('2550');
    expect(ctx.warnings[0]).toContain('kg/m3');
    // Percent porosity into Archie: SW would be ((1 x 0.05)/(20^2 x 10))^(1/2) = 0.0035 (pay).
    const a = batchOf({ RT: [10], PHIE: [20] });
    const actx = testContext();
    const ra = swArchie.bind(a.schema, { rw: 0.05 }, actx);
    if (!ra.ok) throw new Error(ra.error.message);
    await ra.value(a);
    expect(actx.warnings).toHaveLength(1);
    expect(actx.warnings[0]).toContain('percent');
    expect(actx.warnings[0]).toContain('"PHIE" / 100');
  });

  it('does not warn for plausible fractions, nulls or negative values', async () => {
    const b = batchOf({ NPHI: [0.45, -0.02, null, 1.2], PHID: [0.1, 0, 0.2, null] });
    const ctx = testContext();
    const r = porosityNeutronDensity.bind(b.schema, {}, ctx);
    if (!r.ok) throw new Error(r.error.message);
    await r.value(b);
    expect(ctx.warnings).toEqual([]);
  });

  it('summary.netpay refuses PHIE in percent and warns on percent-like values', async () => {
    const cols = { DEPT: [1, 2, 3], PHIE: [20, 25, 30], SW: [0.3, 0.4, 0.5], PAY: [1, 1, 0] };
    const stated = batchOf(cols, { PHIE: { unit: '%' } });
    const s = netpay.outputSchema({ in: stated.schema }, {});
    expect(s && !s.ok && s.error.field).toBe('params.phi');
    const bare = batchOf(cols);
    const ctx = testContext();
    const out = await netpay.run({ in: new Table(bare.schema, [bare]) }, {}, ctx);
    expect(valuesOf(out, 'net')).toEqual([2]);
    expect(ctx.warnings).toHaveLength(1);
    expect(ctx.warnings[0]).toContain('"phi"');
  });
});
