/**
 * The regular grid of `resample` and, for each grid point, its two neighbouring samples and the
 * interpolation weight. Pure numbers, so it is tested on its own.
 */
import { err, ok, type Result } from '../../model/result.ts';

/** Grid points with, for each, the samples around it: value = v[below] + weight (v[above] - v[below]). */
export interface Grid {
  readonly x: number[];
  readonly below: number[];
  readonly above: number[];
  /** 0 when the point is on sample `below`, 1 when on `above`, else strictly between. */
  readonly weight: number[];
}

/** Relative tolerance for "this grid point is on a sample" (x = first + k step rounds). */
const EPS = 1e-9;

/** Most grid points `resample` makes in one run (all wells): about 80 MB per numeric column. */
export const MAX_GRID_POINTS = 10_000_000;

/** Decimal places of `v` as written (0.1 -> 1, 1000.25 -> 2), or undefined past 10. */
function decimalsOf(v: number): number | undefined {
  for (let d = 0; d <= 10; d++) if (Number(v.toFixed(d)) === v) return d;
  return undefined;
}

/**
 * first + k step as the decimal number it stands for (0 + 3 x 0.1 is 0.3, not
 * 0.30000000000000004), so grid depths equal the same depths read from a file or typed as a
 * parameter; unchanged when first or step has more than 10 decimals or the value is huge.
 */
function gridValue(first: number, offset: number, decimals: number | undefined): number {
  const x = first + offset;
  if (decimals === undefined || Math.abs(x) >= 1e15 / 10 ** decimals) return x;
  return Number(x.toFixed(decimals));
}

/** Why there is no grid, and the parameter to change. */
export interface GridProblem {
  readonly param: 'index' | 'step';
  readonly message: string;
}

/**
 * The grid first + k step (towards the last sample) over `index`, which must run strictly one
 * way; the error says where it does not.
 */
export function regularGrid(
  index: readonly number[],
  step: number,
  maxPoints = MAX_GRID_POINTS,
): Result<Grid, GridProblem> {
  const n = index.length;
  const dir = n > 1 && index[n - 1]! < index[0]! ? -1 : 1;
  for (let i = 1; i < n; i++) {
    if ((index[i]! - index[i - 1]!) * dir <= 0) {
      return err({
        param: 'index',
        message: `is not strictly ${dir > 0 ? 'increasing' : 'decreasing'}: ${index[i]} follows ${index[i - 1]} (sample ${i + 1}). Sort the table or remove duplicate depths first.`,
      });
    }
  }
  const first = index[0]!;
  const span = Math.abs(index[n - 1]! - first);
  const count = Math.floor(span / step + EPS) + 1;
  if (!(count <= maxPoints)) {
    return err({
      param: 'step',
      message: `would make ${count.toLocaleString('en-US')} rows at step ${step} over ${span} index units (${first} to ${index[n - 1]}), more than the ${maxPoints.toLocaleString('en-US')} Petroflow makes in one resample. Check that the step is in the unit of the index (e.g. 0.5 for half a metre), or cut the interval first with filter.depth.`,
    });
  }
  const [df, ds] = [decimalsOf(first), decimalsOf(step)];
  const decimals = df === undefined || ds === undefined ? undefined : Math.max(df, ds);
  const grid: Grid = { x: [], below: [], above: [], weight: [] };
  let j = 0;
  for (let k = 0; k < count; k++) {
    const x = gridValue(first, dir * k * step, decimals);
    const u = dir * x;
    while (j < n - 2 && dir * index[j + 1]! <= u) j++;
    const a = dir * index[j]!;
    const b = dir * index[Math.min(j + 1, n - 1)]!;
    const tol = EPS * Math.max(1, Math.abs(u));
    let weight = b === a ? 0 : (u - a) / (b - a);
    if (Math.abs(u - a) <= tol) weight = 0;
    else if (Math.abs(u - b) <= tol) weight = 1;
    grid.x.push(weight === 0 ? index[j]! : weight === 1 ? index[Math.min(j + 1, n - 1)]! : x);
    grid.below.push(j);
    grid.above.push(Math.min(j + 1, n - 1));
    grid.weight.push(weight);
  }
  return ok(grid);
}
