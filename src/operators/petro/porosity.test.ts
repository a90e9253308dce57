import { describe, expect, it } from 'vitest';
import { porosityDensity, porositySonic } from './porosity.ts';
import { porosityEffective, porosityNeutronDensity } from './porosity-combined.ts';
import { batchOf, expectClose, runRowwise, testContext, valuesOf } from './test-helpers.ts';

// Expected values computed independently in python3 and pasted; the expression is beside each.
describe('petro.porosity.density', () => {
  const RHOB = [2.0, 2.3, 2.65, 2.7, 0.9, null];
  it('uses the defaults 2.65 / 1.0 and clamps', async () => {
    // [clamp((2.65-x)/(2.65-1.0)) for x in RHOB]
    const out = await runRowwise(porosityDensity, batchOf({ RHOB }), {});
    expectClose(valuesOf(out, 'PHID'), [0.3939393939393939, 0.21212121212121218, 0, 0, 1, null]);
    expect(out.schema.fields[1]!.metadata.get('description')).toBe('Density porosity');
  });
  it('uses given matrix and fluid densities', async () => {
    // [clamp((2.71-x)/(2.71-1.1)) for x in RHOB]
    const out = await runRowwise(porosityDensity, batchOf({ RHOB }), {
      rhoMatrix: 2.71,
      rhoFluid: 1.1,
      output: 'PHIT',
    });
    expectClose(valuesOf(out, 'PHIT'), [
      0.4409937888198758,
      0.2546583850931678,
      0.03726708074534165,
      0.00621118012422347,
      1,
      null,
    ]);
  });
});

describe('petro.porosity.sonic', () => {
  const DT = [50, 55.5, 80, 100, 189, 200, 0, -5, null];
  it('wyllie: clamp((DT - 55.5)/(189 - 55.5))', async () => {
    const out = await runRowwise(porositySonic, batchOf({ DT }), {});
    expectClose(valuesOf(out, 'PHIS'), [
      0,
      0,
      0.18352059925093633,
      0.3333333333333333,
      1,
      1,
      0,
      0,
      null,
    ]);
  });
  it('raymer: clamp(0.67 (DT - 55.5)/DT), DT <= 0 gives null', async () => {
    const out = await runRowwise(porositySonic, batchOf({ DT }), { method: 'raymer' });
    expectClose(valuesOf(out, 'PHIS'), [
      0,
      0,
      0.20518750000000002,
      0.29815,
      0.4732539682539683,
      0.48407500000000003,
      null,
      null,
      null,
    ]);
  });
});

describe('petro.porosity.neutronDensity', () => {
  const cols = { NPHI: [0.3, 0.1, 0, -0.02, 0.8, null], PHID: [0.2, 0.15, 0, 0.05, 0.9, 0.2] };
  it('mean: clamp((N + D)/2)', async () => {
    const out = await runRowwise(porosityNeutronDensity, batchOf(cols), {});
    expectClose(valuesOf(out, 'PHIND'), [
      0.25,
      0.125,
      0,
      0.015000000000000001,
      0.8500000000000001,
      null,
    ]);
  });
  it('rms: clamp(sqrt((N^2 + D^2)/2)), a zero radicand gives null', async () => {
    const out = await runRowwise(porosityNeutronDensity, batchOf(cols), { method: 'rms' });
    expectClose(valuesOf(out, 'PHIND'), [
      0.25495097567963926,
      0.12747548783981963,
      null,
      0.03807886552931954,
      0.8514693182963201,
      null,
    ]);
  });
  it('names the missing column', () => {
    const r = porosityNeutronDensity.bind(batchOf({ NPHI: [0.1] }).schema, {}, testContext());
    expect(!r.ok && r.error.field).toBe('params.phid');
  });
});

describe('petro.porosity.effective', () => {
  const cols = { PHIT: [0.25, 0.3, 0.05, 0.2, null], VSH: [0.2, 0.5, 0.9, null, 0.1] };
  it('shale-porosity: clamp(PHI - VSH phiShale) with phiShale 0.1', async () => {
    const out = await runRowwise(porosityEffective, batchOf(cols), { phiShale: 0.1 });
    expectClose(valuesOf(out, 'PHIE'), [0.22999999999999998, 0.25, 0, null, null]);
  });
  it('shale-porosity with the default phiShale 0 copies PHI (nulls still propagate)', async () => {
    const out = await runRowwise(porosityEffective, batchOf(cols), {});
    expectClose(valuesOf(out, 'PHIE'), [0.25, 0.3, 0.05, null, null]);
  });
  it('linear: clamp(PHI (1 - VSH))', async () => {
    const out = await runRowwise(porosityEffective, batchOf(cols), { method: 'linear' });
    expectClose(valuesOf(out, 'PHIE'), [0.2, 0.15, 0.004999999999999999, null, null]);
  });
});
