/** Petrophysics and summary operators (spec/operators.md, "Petrophysics", "Summaries"), plus `zones.assign`. */
import type { AnyOperator } from '../types.ts';
import { swArchie } from './archie.ts';
import { cutoffs } from './cutoffs.ts';
import { netpay } from './netpay.ts';
import { netpayV110 } from './netpay-v1-1.ts';
import { permeabilityTimur } from './permeability.ts';
import { porosityDensity, porositySonic } from './porosity.ts';
import { porosityEffective, porosityNeutronDensity } from './porosity-combined.ts';
import { swIndonesia, swSimandoux } from './shaly-sand.ts';
import { vshale } from './vshale.ts';
import { zonesAssign } from './zones.ts';

/** Every version of every petrophysics and summary operator (and `zones.assign`). */
export const petroOperators: readonly AnyOperator[] = [
  vshale,
  porosityDensity,
  porositySonic,
  porosityNeutronDensity,
  porosityEffective,
  swArchie,
  swSimandoux,
  swIndonesia,
  permeabilityTimur,
  cutoffs,
  netpay,
  netpayV110,
  zonesAssign,
];
