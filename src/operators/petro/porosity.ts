/**
 * Porosity from a single log: `petro.porosity.density` (clamp((rhoMatrix - RHOB)/(rhoMatrix -
 * rhoFluid))) and `petro.porosity.sonic` (Wyllie time average or Raymer-Hunt-Gardner).
 */
import { column, defineParams, num, oneOf } from '../params.ts';
import { defineRowwise } from './rowwise.ts';
import { clamp01, map1, outputParam } from './shared.ts';

const densityParams = defineParams({
  rhob: column({
    title: 'Bulk density',
    description: 'Bulk density log column (g/cc).',
    default: 'RHOB',
  }),
  rhoMatrix: num({
    title: 'Matrix density',
    description:
      'Grain density of the rock (g/cc): sandstone 2.65, limestone 2.71, dolomite 2.87; allowed 1.5-3.5.',
    unit: 'g/cc',
    default: 2.65,
    minimum: 1.5,
    maximum: 3.5,
  }),
  rhoFluid: num({
    title: 'Fluid density',
    description:
      'Density of the pore fluid seen by the tool (g/cc): fresh mud filtrate 1.0, salt 1.1; allowed 0.8-1.3.',
    unit: 'g/cc',
    default: 1.0,
    minimum: 0.8,
    maximum: 1.3,
  }),
  output: outputParam('PHID', 'the density porosity (v/v)'),
});

/** `petro.porosity.density` 1.0.0: PHID = clamp((rhoMatrix - RHOB)/(rhoMatrix - rhoFluid)). */
export const porosityDensity = defineRowwise({
  id: 'petro.porosity.density',
  title: 'Density porosity',
  description:
    'Porosity from bulk density: PHID = clamp((rhoMatrix - RHOB)/(rhoMatrix - rhoFluid)). A null RHOB gives null.',
  reference: 'Asquith & Krygowski 2004 (AAPG Methods 16)',
  params: densityParams,
  columns: (p) => [['rhob', p.rhob]],
  quantities: { rhob: 'density' },
  outputs: (p) => [{ name: p.output, unit: 'v/v', description: 'Density porosity' }],
  compute(p, [rhob]) {
    const span = p.rhoMatrix - p.rhoFluid;
    return [map1(rhob!, (r) => clamp01((p.rhoMatrix - r) / span))];
  },
});

const sonicMethods = ['wyllie', 'raymer'] as const;

const sonicParams = defineParams({
  dt: column({
    title: 'Sonic',
    description: 'Compressional slowness log column (us/ft).',
    default: 'DT',
  }),
  dtMatrix: num({
    title: 'Matrix slowness',
    description:
      'Slowness of the rock matrix (us/ft): sandstone 55.5, limestone 47.6, dolomite 43.5; allowed 35-100.',
    unit: 'us/ft',
    default: 55.5,
    minimum: 35,
    maximum: 100,
  }),
  dtFluid: num({
    title: 'Fluid slowness',
    description:
      'Slowness of the pore fluid (us/ft): fresh water 189, salt water 185; allowed 150-250 (Wyllie only).',
    unit: 'us/ft',
    default: 189,
    minimum: 150,
    maximum: 250,
  }),
  method: oneOf(sonicMethods, {
    title: 'Method',
    description: 'Wyllie time average (consolidated rocks) or Raymer-Hunt-Gardner approximation.',
    default: 'wyllie',
  }),
  c: num({
    title: 'Raymer constant',
    description:
      'Constant of the Raymer-Hunt-Gardner approximation (dimensionless), usually 0.625-0.70; allowed 0.5-1 (Raymer only).',
    default: 0.67,
    minimum: 0.5,
    maximum: 1,
  }),
  output: outputParam('PHIS', 'the sonic porosity (v/v)'),
});

/**
 * `petro.porosity.sonic` 1.0.0: wyllie clamp((DT - dtMatrix)/(dtFluid - dtMatrix)); raymer
 * clamp(c (DT - dtMatrix)/DT), where DT <= 0 (a division by it) gives null.
 */
export const porositySonic = defineRowwise({
  id: 'petro.porosity.sonic',
  title: 'Sonic porosity',
  description:
    'Porosity from sonic slowness. wyllie: PHIS = clamp((DT - dtMatrix)/(dtFluid - dtMatrix)); raymer: PHIS = clamp(c (DT - dtMatrix)/DT). A null DT gives null; with raymer, DT <= 0 gives null.',
  reference: 'Wyllie et al. 1956 (Geophysics 21(1)); Raymer, Hunt & Gardner 1980 (SPWLA)',
  params: sonicParams,
  columns: (p) => [['dt', p.dt]],
  quantities: { dt: 'slowness' },
  outputs: (p) => [
    {
      name: p.output,
      unit: 'v/v',
      description:
        p.method === 'wyllie' ? 'Sonic porosity, Wyllie' : 'Sonic porosity, Raymer-Hunt-Gardner',
    },
  ],
  compute(p, [dt]) {
    if (p.method === 'wyllie') {
      const span = p.dtFluid - p.dtMatrix;
      return [map1(dt!, (t) => clamp01((t - p.dtMatrix) / span))];
    }
    return [map1(dt!, (t) => (t > 0 ? clamp01((p.c * (t - p.dtMatrix)) / t) : NaN))];
  },
});
