/**
 * Parameters shared by the water-saturation equations (Archie, Simandoux, Indonesia), and the
 * porosity, saturation and shale-volume columns that `petro.cutoffs`, `summary.netpay` and
 * `petro.permeability.timur` also read.
 */
import { column, num } from '../params.ts';

/** Deep resistivity column (RT). */
export const rtParam = column({
  title: 'Deep resistivity',
  description: 'True (deep) formation resistivity column (ohm.m).',
  default: 'RT',
});

/** Porosity column used by the saturation equation. */
export const phiParam = column({
  title: 'Porosity',
  description: 'Effective porosity column (v/v).',
  default: 'PHIE',
});

/** Water saturation column (read by `petro.cutoffs` and `summary.netpay`). */
export const swParam = column({
  title: 'Water saturation',
  description: 'Water saturation column (v/v).',
  default: 'SW',
});

/** Shale volume column used by the shaly-sand equations. */
export const vshParam = column({
  title: 'Shale volume',
  description: 'Shale volume column (v/v).',
  default: 'VSH',
});

/** Formation water resistivity: required, it depends on the well's water and temperature. */
export const rwParam = num({
  title: 'Water resistivity',
  description:
    'Formation water resistivity at formation temperature (ohm.m), typically 0.01-1; must be > 0. Required: it depends on the well.',
  unit: 'ohm.m',
  exclusiveMinimum: 0,
});

/** Shale resistivity: required, read on the log in a thick shale. */
export const rshParam = num({
  title: 'Shale resistivity',
  description:
    'Deep resistivity of pure shale read on the log (ohm.m), typically 1-10; must be > 0. Required: it depends on the well.',
  unit: 'ohm.m',
  exclusiveMinimum: 0,
});

/** Archie tortuosity factor a. */
export const aParam = num({
  title: 'Tortuosity factor a',
  description:
    'Archie tortuosity factor (dimensionless), 1 by default, 0.62-0.81 in some sandstones; allowed 0.5-2.',
  default: 1,
  minimum: 0.5,
  maximum: 2,
});

/** Archie cementation exponent m. */
export const mParam = num({
  title: 'Cementation exponent m',
  description:
    'Archie cementation exponent (dimensionless), about 2 (1.8-2.2 in sandstones, up to 2.5+ in carbonates); allowed 1-3.',
  default: 2,
  minimum: 1,
  maximum: 3,
});

/** Archie saturation exponent n. */
export const nParam = num({
  title: 'Saturation exponent n',
  description:
    'Archie saturation exponent (dimensionless), about 2 in water-wet rock; allowed 1-3.',
  default: 2,
  minimum: 1,
  maximum: 3,
});
