/**
 * `petro.vshale`: shale volume from the gamma ray.
 * IGR = clamp((GR - grMin)/(grMax - grMin)); linear: IGR; larionov-tertiary: 0.083 (2^(3.7 IGR) - 1);
 * larionov-older: 0.33 (2^(2 IGR) - 1); stieber: IGR/(3 - 2 IGR); clavier:
 * 1.7 - sqrt(3.38 - (IGR + 0.7)^2); the result is clamped to [0, 1].
 */
import { column, defineParams, num, oneOf } from '../params.ts';
import { defineRowwise } from './rowwise.ts';
import { clamp01, map1, outputParam } from './shared.ts';

const methods = ['linear', 'larionov-tertiary', 'larionov-older', 'stieber', 'clavier'] as const;
type Method = (typeof methods)[number];

const methodLabel: Record<Method, string> = {
  linear: 'linear (gamma-ray index)',
  'larionov-tertiary': 'Larionov tertiary',
  'larionov-older': 'Larionov older rocks',
  stieber: 'Stieber',
  clavier: 'Clavier',
};

const params = defineParams({
  gr: column({ title: 'Gamma ray', description: 'Gamma-ray log column (API).', default: 'GR' }),
  grMin: num({
    title: 'GR clean',
    description:
      'Gamma ray of clean, shale-free rock read on the log (API); typically 10-40 API. Required: it depends on the well and tool.',
    unit: 'API',
    minimum: 0,
  }),
  grMax: num({
    title: 'GR shale',
    description:
      'Gamma ray of pure shale read on the log (API); typically 80-200 API and greater than GR clean. Required: it depends on the well and tool.',
    unit: 'API',
    minimum: 0,
  }),
  method: oneOf(methods, {
    title: 'Method',
    description:
      'Gamma-ray index to shale volume: linear (IGR itself), Larionov tertiary (young, unconsolidated rocks), Larionov older rocks, Stieber, Clavier.',
    default: 'linear',
  }),
  output: outputParam('VSH', 'the shale volume (v/v)'),
});

/** The shale volume of one gamma-ray index for a method (the curves are applied to clamped IGR). */
function fromIgr(method: Method): (igr: number) => number {
  switch (method) {
    case 'linear':
      return (igr) => igr;
    case 'larionov-tertiary':
      return (igr) => 0.083 * (2 ** (3.7 * igr) - 1);
    case 'larionov-older':
      return (igr) => 0.33 * (2 ** (2 * igr) - 1);
    case 'stieber':
      return (igr) => igr / (3 - 2 * igr);
    case 'clavier':
      return (igr) => 1.7 - Math.sqrt(3.38 - (igr + 0.7) ** 2);
  }
}

/** `petro.vshale` 1.0.0. */
export const vshale = defineRowwise({
  id: 'petro.vshale',
  title: 'Shale volume',
  description:
    'Shale volume from the gamma ray. IGR = clamp((GR - grMin)/(grMax - grMin)); linear: VSH = IGR; larionov-tertiary: 0.083 (2^(3.7 IGR) - 1); larionov-older: 0.33 (2^(2 IGR) - 1); stieber: IGR/(3 - 2 IGR); clavier: 1.7 - sqrt(3.38 - (IGR + 0.7)^2); result clamped to [0, 1]. A null GR gives null.',
  reference:
    'Asquith & Krygowski 2004 (AAPG Methods 16); Larionov 1969; Stieber 1970 (SPE 2961); Clavier et al. 1971 (JPT 23(6))',
  params,
  columns: (p) => [['gr', p.gr]],
  quantities: { gr: 'gamma' },
  check: (p) =>
    p.grMax > p.grMin
      ? undefined
      : [
          'grMax',
          `GR shale (${p.grMax}) must be greater than GR clean (${p.grMin}); set it to the gamma ray of pure shale.`,
        ],
  outputs: (p) => [
    { name: p.output, unit: 'v/v', description: `Shale volume, ${methodLabel[p.method]}` },
  ],
  compute(p, [gr]) {
    const curve = fromIgr(p.method);
    const min = p.grMin;
    const span = p.grMax - min;
    return [map1(gr!, (g) => clamp01(curve(clamp01((g - min) / span))))];
  },
});
