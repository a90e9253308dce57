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

/**
 * The grid first + k step (towards the last sample) over `index`, which must run strictly one
 * way; the error says where it does not.
 */
export function regularGrid(index: readonly number[], step: number): Result<Grid, string> {
  const n = index.length;
  const dir = n > 1 && index[n - 1]! < index[0]! ? -1 : 1;
  for (let i = 1; i < n; i++) {
    if ((index[i]! - index[i - 1]!) * dir <= 0) {
      return err(
        `is not strictly ${dir > 0 ? 'increasing' : 'decreasing'}: ${index[i]} follows ${index[i - 1]} (sample ${i + 1}). Sort the table or remove duplicate depths first.`,
      );
    }
  }
  const first = index[0]!;
  const span = Math.abs(index[n - 1]! - first);
  const count = Math.floor(span / step + EPS) + 1;
  const grid: Grid = { x: [], below: [], above: [], weight: [] };
  let j = 0;
  for (let k = 0; k < count; k++) {
    const x = first + dir * k * step;
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
