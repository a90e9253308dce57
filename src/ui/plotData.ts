/**
 * Data prep of the crossplot and histogram, apart from the drawing library so it is unit-testable:
 * which points a crossplot can draw (a log axis cannot show values <= 0), histogram bins (a lone
 * value gets a nominal bin), the crossplot's axes, and the notes shown when a column has nothing
 * to plot.
 */
import { isDensity } from './logTrackSpec.ts';
import { columnTitle, type ColumnFacts } from './tableData.ts';

/** Which crossplot axes are logarithmic. */
export interface LogAxes {
  readonly x: boolean;
  readonly y: boolean;
}

/** The points a crossplot draws, and how many complete rows a log axis left out. */
export interface CrossplotPoints {
  /** x ascending. */
  readonly x: Float64Array;
  /** y aligned with x. */
  readonly y: Float64Array;
  /** Rows with both values finite but x <= 0 while X is log. */
  readonly nonPositiveX: number;
  /** Rows with both values finite but y <= 0 while Y is log (not already counted for X). */
  readonly nonPositiveY: number;
}

/**
 * Rows with a finite x and y, sorted by x; when an axis is log, rows with a value <= 0 on it are
 * left out (uPlot's log scale hangs, then throws, on them) and counted.
 */
export function crossplotData(
  x: Float64Array,
  y: Float64Array,
  log: LogAxes = { x: false, y: false },
): CrossplotPoints {
  const idx: number[] = [];
  let nonPositiveX = 0;
  let nonPositiveY = 0;
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const xi = x[i] as number;
    const yi = y[i] as number;
    if (!Number.isFinite(xi) || !Number.isFinite(yi)) continue;
    if (log.x && xi <= 0) nonPositiveX++;
    else if (log.y && yi <= 0) nonPositiveY++;
    else idx.push(i);
  }
  idx.sort((a, b) => (x[a] as number) - (x[b] as number));
  return {
    x: Float64Array.from(idx, (i) => x[i] as number),
    y: Float64Array.from(idx, (i) => y[i] as number),
    nonPositiveX,
    nonPositiveY,
  };
}

/** How one crossplot axis is drawn: its title and its direction (-1: values grow downwards). */
export interface PlotAxis {
  readonly title: string;
  readonly dir: 1 | -1;
}

/**
 * The crossplot's axes, titled with the columns' units ("NPHI (V/V)", "RHOB (G/C3)"). A density on
 * Y grows downwards, as on the neutron-density crossplot petrophysicists read (porosity up-left).
 */
export function crossplotAxes(
  x: Pick<ColumnFacts, 'name' | 'unit'>,
  y: Pick<ColumnFacts, 'name' | 'unit'>,
): { readonly x: PlotAxis; readonly y: PlotAxis } {
  return {
    x: { title: columnTitle(x), dir: 1 },
    y: { title: columnTitle(y), dir: isDensity(y) ? -1 : 1 },
  };
}

function leftOutAxes(p: CrossplotPoints): string {
  return [p.nonPositiveX > 0 ? 'X' : '', p.nonPositiveY > 0 ? 'Y' : '']
    .filter(Boolean)
    .join(' or ');
}

/** "12 left out: X <= 0 on a log axis" (or undefined when no row was left out). */
export function leftOutNote(p: CrossplotPoints): string | undefined {
  const total = p.nonPositiveX + p.nonPositiveY;
  if (total === 0) return undefined;
  return `${total.toLocaleString('en-US')} left out: ${leftOutAxes(p)} <= 0 on a log axis`;
}

/** Whether the column holds at least one finite value. */
export function hasValues(values: Float64Array): boolean {
  for (const v of values) if (Number.isFinite(v)) return true;
  return false;
}

/** "GR has no values to plot (all 2,723 rows are null)", or undefined when it has some. */
export function noValuesNote(name: string, values: Float64Array): string | undefined {
  if (hasValues(values)) return undefined;
  if (values.length === 0) return `${name} has no values to plot (the table has no rows)`;
  const rows = values.length.toLocaleString('en-US');
  return `${name} has no values to plot (all ${rows} ${values.length === 1 ? 'row is' : 'rows are'} null)`;
}

/** Why a crossplot has no point to draw (a column without values, log axes, no common row). */
export function crossplotEmptyNote(
  x: { readonly name: string; readonly values: Float64Array },
  y: { readonly name: string; readonly values: Float64Array },
  p: CrossplotPoints,
): string | undefined {
  const none = noValuesNote(x.name, x.values) ?? noValuesNote(y.name, y.values);
  if (none !== undefined || p.x.length > 0) return none;
  if (p.nonPositiveX + p.nonPositiveY > 0)
    return `Nothing to plot: every row with both values has ${leftOutAxes(p)} <= 0, which a log axis cannot show.`;
  return `Nothing to plot: no row has both ${x.name} and ${y.name}.`;
}

/** Histogram bins: centres, counts (null pads a lone bin), the x range to show, the bin width. */
export interface Bins {
  readonly centers: number[];
  readonly counts: (number | null)[];
  readonly range: readonly [number, number] | undefined;
  readonly width: number;
}

/** A nominal bin width for a column holding one value: a tenth of its order of magnitude. */
export function loneBinWidth(v: number): number {
  const w = 10 ** Math.floor(Math.log10(Math.abs(v))) / 10;
  return w > 0 && Number.isFinite(w) ? w : 1;
}

/**
 * Equal-width bins over the finite values. A lone distinct value gets one bar of a nominal width,
 * flanked by empty (null) bins so the drawing sizes it, in an x range five bins either side.
 */
export function histogram(values: Float64Array, bins: number): Bins {
  let lo = Infinity;
  let hi = -Infinity;
  let finite = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    finite++;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (finite === 0) return { centers: [], counts: [], range: undefined, width: 0 };
  if (hi === lo) {
    const w = loneBinWidth(lo);
    return {
      centers: [lo - w, lo, lo + w],
      counts: [null, finite, null],
      range: [lo - 5 * w, lo + 5 * w],
      width: w,
    };
  }
  const width = (hi - lo) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    const b = Math.min(bins - 1, Math.floor((v - lo) / width));
    counts[b] = (counts[b] as number) + 1;
  }
  return { centers: counts.map((_, i) => lo + (i + 0.5) * width), counts, range: [lo, hi], width };
}
