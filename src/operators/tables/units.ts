/**
 * Units of LAS curves: spellings that mean the same unit, and length units, so stacked wells
 * logged in metres and in feet can be put on one scale (source.las 1.1.0), so stacked wells logged in metres and in feet can be
 * put on one scale. Factors are exact definitions (1 ft = 0.3048 m, 1 in = 0.0254 m; the US survey
 * foot is 1200/3937 m).
 */
import type { Data } from 'apache-arrow';
import { float64Data, readFloat64Data } from '../columns.ts';

const METRES: Readonly<Record<string, number>> = {
  M: 1,
  METER: 1,
  METERS: 1,
  METRE: 1,
  METRES: 1,
  CM: 0.01,
  MM: 0.001,
  KM: 1000,
  F: 0.3048,
  FT: 0.3048,
  FEET: 0.3048,
  FOOT: 0.3048,
  IN: 0.0254,
  INCH: 0.0254,
  INCHES: 0.0254,
  FTUS: 1200 / 3937,
  USFT: 1200 / 3937,
};

/** Metres per `unit` when it is a length unit this module knows (case-insensitive), else undefined. */
export function metresPer(unit: string): number | undefined {
  return METRES[unit.trim().toUpperCase()];
}

/** Spellings of one unit, each mapped to one canonical spelling. */
const SYNONYMS: Readonly<Record<string, string>> = {
  GAPI: 'API',
  'G/CC': 'G/CM3',
  'G/C3': 'G/CM3',
  'GM/CC': 'G/CM3',
  'US/F': 'US/FT',
  'USEC/FT': 'US/FT',
  FRAC: 'V/V',
  DEC: 'V/V',
  FRACTION: 'V/V',
  'OHM.M': 'OHMM',
  'OHM-M': 'OHMM',
};

/** Whether two unit spellings mean the same unit (case-insensitive; GAPI = API, F = FT, ...). */
export function sameUnit(a: string, b: string): boolean {
  const canon = (u: string) => {
    const up = u.trim().toUpperCase();
    const m = METRES[up];
    return m !== undefined ? `length:${m}` : (SYNONYMS[up] ?? up);
  };
  return canon(a) === canon(b);
}

/** Decimal places kept after a conversion: removes float noise (5251 ft -> 1600.5048 m, not 1600.5048000000002). */
const KEEP_DECIMALS = 9;

/** One value in `from` units expressed in `to` units (both known length units). */
export function convertLength(value: number, from: number, to: number): number {
  const scale = 10 ** KEEP_DECIMALS;
  const v = (value * from) / to;
  return Math.abs(v) < 9e15 / scale ? Math.round(v * scale) / scale : v;
}

/** A numeric column converted between two known length units (nulls stay null), as Float64. */
export function convertLengthData(data: Data, from: number, to: number): Data {
  const col = readFloat64Data(data);
  const out = new Float64Array(col.values.length);
  for (let i = 0; i < out.length; i++) {
    out[i] = col.valid[i] ? convertLength(col.values[i]!, from, to) : NaN;
  }
  return float64Data(out);
}
