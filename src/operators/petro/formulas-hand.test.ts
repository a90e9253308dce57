import { describe, it } from 'vitest';
import { swArchie } from './archie.ts';
import { permeabilityTimur } from './permeability.ts';
import { porositySonic } from './porosity.ts';
import { swIndonesia, swSimandoux } from './shaly-sand.ts';
import { batchOf, expectClose, runRowwise, valuesOf } from './test-helpers.ts';
import { vshale } from './vshale.ts';

// Values worked out by hand (digits from a calculator), not from the code's expressions.
describe('petrophysics formulas against hand calculations', () => {
  it('vshale curves at IGR 0, 0.5 and 1 (GR 20, 70, 120 with grMin 20, grMax 120)', async () => {
    const b = batchOf({ GR: [20, 70, 120] });
    const run = async (method: 'larionov-tertiary' | 'larionov-older' | 'stieber' | 'clavier') =>
      valuesOf(await runRowwise(vshale, b, { grMin: 20, grMax: 120, method }), 'VSH');
    // Larionov tertiary: 0.083 (2^1.85 - 1) = 0.083 x 2.6050018... = 0.2162151536; at 1:
    // 0.083 (2^3.7 - 1) = 0.083 x 11.9960504... = 0.9956711824.
    expectClose(await run('larionov-tertiary'), [0, 0.21621515358679566, 0.9956711823610809]);
    // Larionov older: 0.33 (2^1 - 1) = 0.33; at 1: 0.33 (4 - 1) = 0.99.
    expectClose(await run('larionov-older'), [0, 0.33, 0.99]);
    // Stieber: 0.5/(3 - 1) = 0.25; 1/(3 - 2) = 1.
    expectClose(await run('stieber'), [0, 0.25, 1]);
    // Clavier: 1.7 - sqrt(3.38 - 0.49) = 1.7 - 1.7 = 0; 1.7 - sqrt(3.38 - 1.44) = 1.7 - 1.3928388
    // = 0.3071611723; 1.7 - sqrt(3.38 - 2.89) = 1.7 - 0.7 = 1.
    expectClose(await run('clavier'), [0, 0.3071611722815881, 0.9999999999999998]);
  });

  it('Simandoux and Indonesia reduce to Archie (n = 2) at VSH 0 and stay below it in shale', async () => {
    // rw 0.05, RT 20, PHI 0.25, a 1, m 2: Archie SW = sqrt(0.05/(0.0625 x 20)) = sqrt(0.04) = 0.2.
    const b = batchOf({ RT: [20, 20], PHIE: [0.25, 0.25], VSH: [0, 0.95] });
    const p = { rw: 0.05, rsh: 2 };
    expectClose(valuesOf(await runRowwise(swArchie, b, { rw: 0.05 }), 'SW'), [0.2, 0.2]);
    // Simandoux, VSH 0.95, rsh 2: VSH/rsh = 0.475; radicand 0.225625 + 4 x 0.0625/(0.05 x 20)
    // = 0.475625, root 0.6896556... ; (0.05/(2 x 0.0625)) (0.6896556 - 0.475) = 0.4 x 0.2146557.
    expectClose(valuesOf(await runRowwise(swSimandoux, b, p), 'SW'), [0.2, 0.08586228448267441]);
    // Indonesia, VSH 0.95: 0.95^0.525/sqrt(2) = 0.9734... /1.41421 = 0.688327; 0.25/sqrt(0.05) =
    // 1.118034; SW = (1/sqrt(20))/(1.806361) = 0.2236068/1.806361 = 0.1237891.
    expectClose(valuesOf(await runRowwise(swIndonesia, b, p), 'SW'), [0.2, 0.12378907789749106]);
  });

  it('Timur at PHI 0.25, SWI 0.2, and Raymer at DT at or below the matrix', async () => {
    // 0.136 x 25^4.4 / 20^2 = 0.136 x 1415585.28... / 400 = 481.2989954 mD.
    const t = batchOf({ PHIE: [0.25, 0], SW: [0.2, 0.3] });
    expectClose(
      valuesOf(await runRowwise(permeabilityTimur, t, {}), 'PERM'),
      [481.29899541097024, 0],
    );
    // Raymer c 0.67: DT 55.5 (the matrix) gives 0; DT 50 gives 0.67 x -5.5/50 < 0, clamped to 0;
    // DT 100 gives 0.67 x 44.5/100 = 0.29815.
    const s = batchOf({ DT: [55.5, 50, 100] });
    expectClose(
      valuesOf(await runRowwise(porositySonic, s, { method: 'raymer' }), 'PHIS'),
      [0, 0, 0.29815],
    );
  });
});
