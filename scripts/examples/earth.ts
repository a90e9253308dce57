/**
 * A layered earth model for the example wells: shales (high GR, low resistivity, high NPHI, RHOB
 * about 2.50) and sands (low GR, porosity 0.1-0.3 with RHOB from the density relation, water sands
 * about 0.5-2 ohm.m, oil sands 20-200 ohm.m through Archie with rw 0.05, m = n = 2).
 */
import type { Prng } from './prng.ts';

/** Rock and fluid of one bed. */
export interface Bed {
  readonly top: number;
  readonly base: number;
  readonly zone: string;
  readonly sand: boolean;
  /** Shale volume of the bed (1 for shale). */
  readonly vsh: number;
  /** Mean total porosity of the sand part (0 for shale). */
  readonly phi: number;
}

/** One well's model in metres below the datum (true vertical depth, flat beds). */
export interface WellModel {
  readonly beds: readonly Bed[];
  /** Oil-water contact (m); sands above it hold oil. */
  readonly owc: number;
  /** Irreducible water saturation of the oil sands. */
  readonly swirr: number;
  /** Formation tops (m) by zone, in order. */
  readonly tops: readonly { zone: string; depth: number }[];
}

type Layer = readonly [zone: string, kind: 'shale' | 'sand' | 'shaly', thickness: number];

/** Zones UPPER, MIDDLE, LOWER below a cap shale (the layering every example well shares). */
const layers: readonly Layer[] = [
  ['UPPER', 'shale', 12],
  ['UPPER', 'shaly', 5],
  ['UPPER', 'shale', 8],
  ['MIDDLE', 'sand', 18],
  ['MIDDLE', 'shale', 1.5],
  ['MIDDLE', 'sand', 16],
  ['MIDDLE', 'shale', 4],
  ['LOWER', 'shale', 6],
  ['LOWER', 'sand', 5],
  ['LOWER', 'shale', 5],
  ['LOWER', 'sand', 4],
  ['LOWER', 'shale', 400],
];

/** Builds a well: the reservoir top at `top` m, beds stretched by a random factor, OWC in MIDDLE. */
export function wellModel(rng: Prng, top: number, capShale: number): WellModel {
  const beds: Bed[] = [{ top: top - capShale, base: top, zone: '', sand: false, vsh: 1, phi: 0 }];
  const tops: { zone: string; depth: number }[] = [];
  let depth = top;
  for (const [zone, kind, thickness] of layers) {
    if (tops[tops.length - 1]?.zone !== zone) tops.push({ zone, depth });
    const h = thickness * rng.uniform(0.85, 1.15);
    const sand = kind !== 'shale';
    const vsh =
      kind === 'shale' ? 1 : kind === 'shaly' ? rng.uniform(0.25, 0.35) : rng.uniform(0.03, 0.12);
    const phi =
      kind === 'shale' ? 0 : kind === 'shaly' ? rng.uniform(0.13, 0.17) : rng.uniform(0.19, 0.27);
    beds.push({ top: depth, base: depth + h, zone, sand, vsh, phi });
    depth += h;
  }
  const middle = beds.filter((b) => b.zone === 'MIDDLE' && b.sand);
  const lowerSand = middle[middle.length - 1]!;
  const owc = lowerSand.top + (lowerSand.base - lowerSand.top) * rng.uniform(0.35, 0.65);
  return { beds, owc, swirr: rng.uniform(0.12, 0.2), tops };
}

/** True rock properties at a depth (m): shale volume, total porosity of the sand, water saturation. */
export function propertiesAt(
  w: WellModel,
  depth: number,
  rng: Prng,
): { vsh: number; phi: number; sw: number } {
  const bed = w.beds.find((b) => depth >= b.top && depth < b.base) ?? w.beds[w.beds.length - 1]!;
  if (!bed.sand) return { vsh: 1, phi: 0, sw: 1 };
  const phi = Math.min(0.3, Math.max(0.1, bed.phi + rng.normal(0, 0.012)));
  const vsh = Math.min(0.5, Math.max(0, bed.vsh + rng.normal(0, 0.02)));
  // Oil above the contact with a 3 m transition zone; water below.
  const height = w.owc - depth;
  const sw = height <= 0 ? 1 : height >= 3 ? w.swirr : 1 - (1 - w.swirr) * (height / 3);
  return { vsh, phi, sw };
}

/** Log responses (before tool smoothing and noise) of a rock. */
export function responses(r: { vsh: number; phi: number; sw: number }): Record<string, number> {
  const { vsh, phi, sw } = r;
  const sand = 1 - vsh;
  const rhoSand = 2.65 * (1 - phi) + 1.0 * phi;
  const ctSand = (phi * phi * sw * sw) / 0.05;
  const rt = 1 / (sand * ctSand + vsh / 3);
  const rxo = 1 / (sand * ((phi * phi * Math.pow(sw, 0.4)) / 0.3) + vsh / 3);
  return {
    GR: 25 + vsh * (120 - 25),
    RHOB: sand * rhoSand + vsh * 2.5,
    NPHI: sand * phi * (1 - 0.1 * (1 - sw)) + vsh * 0.33,
    DT: sand * (phi * 189 + (1 - phi) * 55.5) + vsh * 95,
    ILD: rt,
    CALI: 8.5 + vsh * 0.8,
    SP: -45 * sand,
    ILM: Math.sqrt(rt * rxo),
    SFLU: rxo,
    PEF: sand * 1.8 + vsh * 3.4,
  };
}
