/** `petro.permeability.timur`: permeability from porosity and irreducible water saturation. */
import { column, defineParams } from '../params.ts';
import { defineRowwise } from './rowwise.ts';
import { phiParam } from './saturation-params.ts';
import { map2, outputParam } from './shared.ts';

const params = defineParams({
  phi: phiParam,
  swi: column({
    title: 'Irreducible water saturation',
    description:
      'Irreducible water saturation column (v/v); the water saturation in zones at irreducible saturation.',
    default: 'SW',
  }),
  output: outputParam('PERM', 'the permeability (mD)'),
});

/**
 * `petro.permeability.timur` 1.0.0: K = 0.136 (100 PHI)^4.4 / (100 SWI)^2 in mD, not clamped;
 * SWI <= 0 (a divisor) and PHI < 0 (a fractional power of a negative number) give null.
 */
export const permeabilityTimur = defineRowwise({
  id: 'petro.permeability.timur',
  title: 'Permeability, Timur',
  description:
    'Permeability in mD: K = 0.136 (100 PHI)^4.4 / (100 SWI)^2 (porosity and saturation as fractions, used in percent). A null input gives null; SWI <= 0 (a zero or negative divisor) or PHI < 0 gives null. Not clamped.',
  reference: 'Timur 1968 (Log Analyst 9(4))',
  params,
  columns: (p) => [
    ['phi', p.phi],
    ['swi', p.swi],
  ],
  quantities: { phi: 'fraction', swi: 'fraction' },
  outputs: (p) => [{ name: p.output, unit: 'mD', description: 'Permeability, Timur' }],
  compute(_p, [phi, swi]) {
    return [
      map2(phi!, swi!, (f, s) =>
        s > 0 && f >= 0 ? (0.136 * (100 * f) ** 4.4) / (100 * s) ** 2 : NaN,
      ),
    ];
  },
});
