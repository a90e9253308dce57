/**
 * Shaly-sand water saturation: `petro.sw.simandoux` and `petro.sw.indonesia` (Poupon-Leveaux),
 * both reducing to Archie-like behaviour when VSH = 0.
 */
import { defineParams } from '../params.ts';
import { defineRowwise } from './rowwise.ts';
import {
  aParam,
  mParam,
  nParam,
  phiParam,
  rshParam,
  rtParam,
  rwParam,
  vshParam,
} from './saturation-params.ts';
import { clamp01, map3, outputParam } from './shared.ts';

/** The three input columns both shaly-sand models read, in the order `compute` receives them. */
const shalyInputs = (p: { rt: string; phi: string; vsh: string }) =>
  [
    ['rt', p.rt],
    ['phi', p.phi],
    ['vsh', p.vsh],
  ] as const;

/** The SW column a shaly-sand model writes. */
const swOutput = (model: string) => (p: { output: string }) => [
  { name: p.output, unit: 'v/v', description: `Water saturation, ${model}` },
];

const simParams = defineParams({
  rt: rtParam,
  phi: phiParam,
  vsh: vshParam,
  rw: rwParam,
  rsh: rshParam,
  a: aParam,
  m: mParam,
  output: outputParam('SW', 'the water saturation (v/v)'),
});

/**
 * `petro.sw.simandoux` 1.0.0: SW = clamp((a rw/(2 PHI^m)) (sqrt((VSH/rsh)^2 + 4 PHI^m/(a rw RT)) -
 * VSH/rsh)); PHI <= 0 or RT <= 0 (divisors) and a radicand <= 0 give null.
 */
export const swSimandoux = defineRowwise({
  id: 'petro.sw.simandoux',
  title: 'Water saturation, Simandoux',
  description:
    'Shaly-sand water saturation: SW = clamp((a rw/(2 PHI^m)) (sqrt((VSH/rsh)^2 + 4 PHI^m/(a rw RT)) - VSH/rsh)). A null input gives null; PHI <= 0 or RT <= 0 (zero or negative divisors) gives null.',
  reference: 'Simandoux 1963; Bardon & Pied 1969 (SPWLA)',
  params: simParams,
  columns: shalyInputs,
  quantities: { phi: 'fraction', vsh: 'fraction' },
  outputs: swOutput('Simandoux'),
  compute(p, [rt, phi, vsh]) {
    const arw = p.a * p.rw;
    return [
      map3(rt!, phi!, vsh!, (r, f, v) => {
        if (!(r > 0 && f > 0)) return NaN;
        const fm = f ** p.m;
        const ratio = v / p.rsh;
        const radicand = ratio * ratio + (4 * fm) / (arw * r);
        if (!(radicand > 0)) return NaN;
        return clamp01((arw / (2 * fm)) * (Math.sqrt(radicand) - ratio));
      }),
    ];
  },
});

const indParams = defineParams({
  rt: rtParam,
  phi: phiParam,
  vsh: vshParam,
  rw: rwParam,
  rsh: rshParam,
  a: aParam,
  m: mParam,
  n: nParam,
  output: outputParam('SW', 'the water saturation (v/v)'),
});

/**
 * `petro.sw.indonesia` 1.0.0: SW = clamp(((1/sqrt(RT)) / (VSH^(1 - VSH/2)/sqrt(rsh) +
 * PHI^(m/2)/sqrt(a rw)))^(2/n)); RT <= 0, PHI <= 0, VSH < 0 and a divisor <= 0 give null.
 */
export const swIndonesia = defineRowwise({
  id: 'petro.sw.indonesia',
  title: 'Water saturation, Indonesia',
  description:
    'Shaly-sand water saturation (Poupon-Leveaux): SW = clamp(((1/sqrt(RT)) / (VSH^(1 - VSH/2)/sqrt(rsh) + PHI^(m/2)/sqrt(a rw)))^(2/n)). A null input gives null; RT <= 0 (under a root), PHI <= 0 (under the root PHI^(m/2); no saturation without porosity), VSH < 0 (power of a negative number) or a zero divisor gives null.',
  reference: 'Poupon & Leveaux 1971 (SPWLA)',
  params: indParams,
  columns: shalyInputs,
  quantities: { phi: 'fraction', vsh: 'fraction' },
  outputs: swOutput('Indonesia'),
  compute(p, [rt, phi, vsh]) {
    const sqrtRsh = Math.sqrt(p.rsh);
    const sqrtArw = Math.sqrt(p.a * p.rw);
    const exp = 2 / p.n;
    return [
      map3(rt!, phi!, vsh!, (r, f, v) => {
        if (!(r > 0 && f > 0 && v >= 0)) return NaN;
        const divisor = v ** (1 - v / 2) / sqrtRsh + f ** (p.m / 2) / sqrtArw;
        if (!(divisor > 0)) return NaN;
        return clamp01((1 / Math.sqrt(r) / divisor) ** exp);
      }),
    ];
  },
});
