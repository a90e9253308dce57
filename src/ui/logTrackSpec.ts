/**
 * Which log tracks to draw for a table: a depth scale, then GR with a shale/sand fill, resistivity on
 * a log scale, density/neutron overlaid, and computed curves (VSH, porosity, SW, permeability).
 * Pure data, so it is unit-testable apart from the drawing library.
 */
import type { ColumnFacts } from './tableData.ts';
import { columnTitle, findColumn } from './tableData.ts';

/** One curve in a track. */
export interface CurveSpec {
  readonly column: string;
  readonly color: string;
  readonly domain: readonly [number, number];
  readonly scale: 'linear' | 'log';
  /** Area fill left of the curve, and the opposite side's colour. */
  readonly fill?: { readonly left: string; readonly right: string };
}

/** One track. */
export interface TrackSpec {
  readonly id: string;
  readonly label: string;
  readonly curves: readonly CurveSpec[];
}

const GR = [/^GR$/i, /^SGR$/i, /^CGR$/i, /^GR[_:]/i, /GAMMA/i];
const RES_DEEP = [/^(RT|ILD|LLD|RDEP|RD|AT90|RLA5|RILD|RESD)$/i, /^RES/i];
const RES_SHALLOW = [/^(RXO|MSFL|SFLU|LLS|ILM|RS|RMED|AT10|RLA1)$/i];
const RHOB = [/^(RHOB|RHOZ|DEN|ZDEN|DENS)$/i];
/** Bulk density units as LAS files write them (upper case, spaces removed). */
const DENSITY_UNITS = new Set(['G/CC', 'G/CM3', 'G/C3', 'GM/CC', 'KG/M3', 'K/M3']);

/** Whether a column is a bulk density, by its name (RHOB, RHOZ, DEN...) or its unit (g/cc...). */
export function isDensity(c: Pick<ColumnFacts, 'name' | 'unit'>): boolean {
  return (
    RHOB.some((p) => p.test(c.name)) || DENSITY_UNITS.has(c.unit.replace(/\s/g, '').toUpperCase())
  );
}

const NPHI = [/^(NPHI|TNPH|NPOR|CNCF|NPHI_LS|NEU)$/i];

/** One sample of a curve: depth and value, null where the track shows a gap. */
export type CurvePair = [number, number | null];

/**
 * The samples of one curve. Nulls (NaN) are gaps; on a log scale so are values <= 0, which have no
 * logarithm (drawn, they would join the line across them to an off-scale point).
 */
export function curvePairs(
  depth: Float64Array,
  values: Float64Array,
  scale: CurveSpec['scale'],
): CurvePair[] {
  const out = new Array<CurvePair>(depth.length);
  for (let i = 0; i < depth.length; i++) {
    const v = values[i] as number;
    const shown = Number.isFinite(v) && (scale !== 'log' || v > 0);
    out[i] = [depth[i] as number, shown ? v : null];
  }
  return out;
}

/** The tracks to draw for the given columns (empty when there is nothing to draw). */
export function logTracks(cols: readonly ColumnFacts[]): TrackSpec[] {
  const tracks: TrackSpec[] = [];
  const used = new Set<string>();
  const take = (p: readonly RegExp[]) => {
    const c = findColumn(
      cols.filter((x) => !used.has(x.name)),
      p,
    );
    if (c) used.add(c.name);
    return c;
  };
  const gr = take(GR);
  if (gr) {
    tracks.push({
      id: 'gr',
      label: columnTitle(gr),
      curves: [
        {
          column: gr.name,
          color: '#2f6b3a',
          domain: [0, 150],
          scale: 'linear',
          fill: { left: '#c9b26b', right: '#9aa3ad' },
        },
      ],
    });
  }
  const deep = take(RES_DEEP);
  const shallow = take(RES_SHALLOW);
  if (deep || shallow) {
    tracks.push({
      id: 'res',
      label: 'Resistivity (ohm.m)',
      curves: [deep, shallow]
        .filter((c): c is ColumnFacts => c !== undefined)
        .map((c, i) => ({
          column: c.name,
          color: i === 0 ? '#b3261e' : '#1f5fa8',
          domain: [0.2, 2000] as const,
          scale: 'log' as const,
        })),
    });
  }
  const rhob = take(RHOB);
  const nphi = take(NPHI);
  if (rhob || nphi) {
    const curves: CurveSpec[] = [];
    if (rhob)
      curves.push({ column: rhob.name, color: '#b3261e', domain: [1.95, 2.95], scale: 'linear' });
    if (nphi)
      curves.push({ column: nphi.name, color: '#1f5fa8', domain: [0.45, -0.15], scale: 'linear' });
    tracks.push({ id: 'dn', label: curves.map((c) => c.column).join(' / '), curves });
  }
  const computed: Array<
    [string, readonly RegExp[], string, readonly [number, number], CurveSpec['fill']]
  > = [
    ['VSH', [/^VSH/i, /^VCL/i], '#6d4c41', [0, 1], { left: '#9aa3ad', right: '#f3e6b3' }],
    ['Porosity', [/^PHIE$/i, /^PHIT$/i, /^PHI/i], '#1565c0', [0.5, 0], undefined],
    ['SW', [/^SW/i], '#00838f', [1, 0], undefined],
    ['PERM', [/^PERM/i, /^K$/i], '#6a1b9a', [0.01, 10000], undefined],
  ];
  for (const [label, patterns, color, domain, fill] of computed) {
    const found: ColumnFacts[] = [];
    for (let c = take(patterns); c && found.length < 3; c = take(patterns)) found.push(c);
    if (found.length === 0) continue;
    tracks.push({
      id: label.toLowerCase(),
      label: found.map((f) => f.name).join(' / '),
      curves: found.map((f, i) => ({
        column: f.name,
        color: i === 0 ? color : (['#ef6c00', '#558b2f'][i - 1] ?? color),
        domain,
        scale: label === 'PERM' ? 'log' : 'linear',
        ...(fill && i === 0 ? { fill } : {}),
      })),
    });
  }
  return tracks;
}
