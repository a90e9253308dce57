/**
 * Porosity from two logs: `petro.porosity.neutronDensity` (mean or root mean square of neutron and
 * density porosity) and `petro.porosity.effective` (total porosity corrected for shale).
 */
import { column, defineParams, num, oneOf } from '../params.ts';
import { defineRowwise } from './rowwise.ts';
import { clamp01, map2, outputParam } from './shared.ts';

const ndParams = defineParams({
  nphi: column({
    title: 'Neutron porosity',
    description:
      'Neutron porosity log column, as a fraction (v/v), in the matrix units of the density porosity.',
    default: 'NPHI',
  }),
  phid: column({
    title: 'Density porosity',
    description: 'Density porosity column (v/v).',
    default: 'PHID',
  }),
  method: oneOf(['mean', 'rms'] as const, {
    title: 'Method',
    description: 'mean: arithmetic mean; rms: root mean square (gas-bearing zones).',
    default: 'mean',
  }),
  output: outputParam('PHIND', 'the neutron-density porosity (v/v)'),
});

/**
 * `petro.porosity.neutronDensity` 1.0.0: mean clamp((NPHI + PHID)/2); rms
 * clamp(sqrt((NPHI^2 + PHID^2)/2)), where a radicand <= 0 (both zero) gives null.
 */
export const porosityNeutronDensity = defineRowwise({
  id: 'petro.porosity.neutronDensity',
  title: 'Neutron-density porosity',
  description:
    'Porosity from neutron and density porosity. mean: PHIND = clamp((NPHI + PHID)/2); rms: PHIND = clamp(sqrt((NPHI^2 + PHID^2)/2)). A null input gives null; with rms, a zero value under the root (both inputs 0) gives null.',
  reference: 'Gaymard & Poupon 1968 (Log Analyst 9(5))',
  params: ndParams,
  columns: (p) => [
    ['nphi', p.nphi],
    ['phid', p.phid],
  ],
  quantities: { nphi: 'fraction', phid: 'fraction' },
  outputs: (p) => [
    {
      name: p.output,
      unit: 'v/v',
      description:
        p.method === 'mean'
          ? 'Neutron-density porosity, mean'
          : 'Neutron-density porosity, root mean square',
    },
  ],
  compute(p, [nphi, phid]) {
    if (p.method === 'mean') return [map2(nphi!, phid!, (n, d) => clamp01((n + d) / 2))];
    return [
      map2(nphi!, phid!, (n, d) => {
        const r = (n * n + d * d) / 2;
        return r > 0 ? clamp01(Math.sqrt(r)) : NaN;
      }),
    ];
  },
});

const effParams = defineParams({
  phi: column({
    title: 'Total porosity',
    description: 'Total porosity column (v/v).',
    default: 'PHIT',
  }),
  vsh: column({ title: 'Shale volume', description: 'Shale volume column (v/v).', default: 'VSH' }),
  method: oneOf(['shale-porosity', 'linear'] as const, {
    title: 'Method',
    description:
      'shale-porosity: subtract the porosity carried by shale (VSH x phiShale); linear: scale by (1 - VSH).',
    default: 'shale-porosity',
  }),
  phiShale: num({
    title: 'Shale porosity',
    description:
      'Apparent porosity of pure shale on the total-porosity log (v/v), typically 0.05-0.3; allowed 0-1 (shale-porosity only).',
    unit: 'v/v',
    default: 0,
    minimum: 0,
    maximum: 1,
  }),
  output: outputParam('PHIE', 'the effective porosity (v/v)'),
});

/** `petro.porosity.effective` 1.0.0: shale-porosity clamp(PHI - VSH phiShale); linear clamp(PHI (1 - VSH)). */
export const porosityEffective = defineRowwise({
  id: 'petro.porosity.effective',
  title: 'Effective porosity',
  description:
    'Effective porosity from total porosity and shale volume. shale-porosity: PHIE = clamp(PHI - VSH phiShale); linear: PHIE = clamp(PHI (1 - VSH)). A null input gives null.',
  reference: 'Asquith & Krygowski 2004 (AAPG Methods 16)',
  params: effParams,
  columns: (p) => [
    ['phi', p.phi],
    ['vsh', p.vsh],
  ],
  quantities: { phi: 'fraction', vsh: 'fraction' },
  outputs: (p) => [
    {
      name: p.output,
      unit: 'v/v',
      description:
        p.method === 'linear'
          ? 'Effective porosity, linear shale correction'
          : 'Effective porosity, shale-porosity correction',
    },
  ],
  compute(p, [phi, vsh]) {
    if (p.method === 'linear') return [map2(phi!, vsh!, (f, v) => clamp01(f * (1 - v)))];
    return [map2(phi!, vsh!, (f, v) => clamp01(f - v * p.phiShale))];
  },
});
