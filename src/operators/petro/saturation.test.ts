import { describe, expect, it } from 'vitest';
import { swArchie } from './archie.ts';
import { swIndonesia, swSimandoux } from './shaly-sand.ts';
import { permeabilityTimur } from './permeability.ts';
import { batchOf, expectClose, runRowwise, testContext, valuesOf } from './test-helpers.ts';

// Rows: normal, normal, clamped at 1, RT = 0, RT < 0, PHI = 0, shaly, null RT, null VSH.
const RT = [20, 2, 0.5, 0, -1, 10, 100, null, 8];
const PHIE = [0.25, 0.25, 0.1, 0.2, 0.2, 0, 0.15, 0.2, 0.3];
const VSH = [0.1, 0.3, 0.0, 0.2, 0.2, 0.2, 0.5, 0.1, null];
const batch = batchOf({ RT, PHIE, VSH });

// Expected values computed independently in python3, pasted here:
describe('petro.sw.archie', () => {
  it('clamp(((a rw)/(PHI^m RT))^(1/n)) with a 1, m 2, n 2, rw 0.05', async () => {
    // archie(rt, phi) = None if rt<=0 or phi<=0 else clamp(((1*0.05)/(phi**2*rt))**(1/2))
    const out = await runRowwise(swArchie, batch, { rw: 0.05 });
    expectClose(valuesOf(out, 'SW'), [
      0.2,
      0.6324555320336759,
      1,
      null,
      null,
      null,
      0.14907119849998599,
      null,
      0.26352313834736496,
    ]);
  });
  it('uses a, m, n and rw', async () => {
    // clamp(((0.81*0.03)/(phi**1.8*rt))**(1/2.2))
    const out = await runRowwise(swArchie, batch, {
      rw: 0.03,
      a: 0.81,
      m: 1.8,
      n: 2.2,
      output: 'SWA',
    });
    expectClose(valuesOf(out, 'SWA'), [
      0.14702863910262204,
      0.4187428378515702,
      1,
      null,
      null,
      null,
      0.10744863740279945,
      null,
      0.19208749973742728,
    ]);
  });
  it('requires rw', () => {
    const r = swArchie.bind(batch.schema, {}, testContext());
    expect(!r.ok && r.error.field).toBe('params.rw');
  });
});

describe('petro.sw.simandoux', () => {
  it('matches the formula with rw 0.05, rsh 4, a 1, m 2', async () => {
    // q = (v/4)**2 + 4*phi**2/(0.05*rt); clamp((0.05/(2*phi**2))*(sqrt(q) - v/4)); null for rt<=0, phi<=0
    const out = await runRowwise(swSimandoux, batch, { rw: 0.05, rsh: 4 });
    expectClose(valuesOf(out, 'SW'), [
      0.19024984394500788,
      0.6031666447310693,
      1,
      null,
      null,
      null,
      0.06485689800991389,
      null,
      null,
    ]);
  });
});

describe('petro.sw.indonesia', () => {
  it('matches the formula with rw 0.05, rsh 4, a 1, m 2, n 2', async () => {
    // d = v**(1-v/2)/sqrt(4) + phi**(2/2)/sqrt(0.05); clamp(((1/sqrt(rt))/d)**(2/2))
    const out = await runRowwise(swIndonesia, batch, { rw: 0.05, rsh: 4 });
    expectClose(valuesOf(out, 'SW'), [
      0.19044387111441904,
      0.5448824065853004,
      1,
      null,
      null,
      null,
      0.10329274846928746,
      null,
      null,
    ]);
  });
  it('uses a, m, n, rw and rsh', async () => {
    // d = v**(1-v/2)/sqrt(2.5) + phi**(2.3/2)/sqrt(0.62*0.08); clamp(((1/sqrt(rt))/d)**(2/1.8))
    const out = await runRowwise(swIndonesia, batch, {
      rw: 0.08,
      rsh: 2.5,
      a: 0.62,
      m: 2.3,
      n: 1.8,
    });
    expectClose(valuesOf(out, 'SW'), [
      0.1930214830736204,
      0.5887441656568329,
      1,
      null,
      null,
      null,
      0.08893140128476572,
      null,
      null,
    ]);
  });
  it('gives null for a negative VSH', async () => {
    const out = await runRowwise(swIndonesia, batchOf({ RT: [10], PHIE: [0.2], VSH: [-0.1] }), {
      rw: 0.05,
      rsh: 4,
    });
    expect(valuesOf(out, 'SW')).toEqual([null]);
  });
});

describe('petro.permeability.timur', () => {
  it('0.136 (100 PHI)^4.4 / (100 SWI)^2, unclamped; SWI <= 0 and PHI < 0 give null', async () => {
    // [0.136*(100*p)**4.4/(100*s)**2 for p, s in zip(PHI, SW)]
    const b = batchOf({
      PHIE: [0.2, 0.1, 0, -0.1, 0.3, null, 0.25],
      SW: [0.2, 0.5, 0.3, 0.3, 0, 0.4, null],
    });
    const out = await runRowwise(permeabilityTimur, b, {});
    expectClose(valuesOf(out, 'PERM'), [
      180.3062985432955,
      1.3664662187412129,
      0,
      null,
      null,
      null,
      null,
    ]);
    expect(out.schema.fields[2]!.metadata.get('unit')).toBe('mD');
  });
});
