/** `petro.sw.archie`: water saturation of clean rock, SW = clamp(((a rw)/(PHI^m RT))^(1/n)). */
import { defineParams } from '../params.ts';
import { defineRowwise } from './rowwise.ts';
import { aParam, mParam, nParam, phiParam, rtParam, rwParam } from './saturation-params.ts';
import { clamp01, map2, outputParam } from './shared.ts';

const params = defineParams({
  rt: rtParam,
  phi: phiParam,
  rw: rwParam,
  a: aParam,
  m: mParam,
  n: nParam,
  output: outputParam('SW', 'the water saturation (v/v)'),
});

/**
 * `petro.sw.archie` 1.0.0. PHI^m RT is a divisor, so PHI <= 0 or RT <= 0 gives null (no
 * saturation without porosity), as does a null input.
 */
export const swArchie = defineRowwise({
  id: 'petro.sw.archie',
  title: 'Water saturation, Archie',
  description:
    'Water saturation of clean rock: SW = clamp(((a rw)/(PHI^m RT))^(1/n)). A null input gives null; PHI <= 0 or RT <= 0 (a zero or negative divisor) gives null.',
  reference: 'Archie 1942 (Trans. AIME 146)',
  params,
  columns: (p) => [
    ['rt', p.rt],
    ['phi', p.phi],
  ],
  quantities: { phi: 'fraction' },
  outputs: (p) => [{ name: p.output, unit: 'v/v', description: 'Water saturation, Archie' }],
  compute(p, [rt, phi]) {
    const arw = p.a * p.rw;
    const invN = 1 / p.n;
    return [
      map2(rt!, phi!, (r, f) => (r > 0 && f > 0 ? clamp01((arw / (f ** p.m * r)) ** invN) : NaN)),
    ];
  },
});
