/**
 * The depth steps from which `summary.netpay` takes its sample thickness h (their median). A step
 * is the distance between two neighbouring depths of one well in the group: the group's index
 * values are sorted per well, so rows in any order (a sql node's join, a sort by zone) give the
 * log's sampling and not the distance between unrelated rows, a jump from one well's depths to
 * another's is never a step, and a repeated depth (a splice, a row listed twice) is no step of 0.
 */

/** Steps of a group and how many of its rows repeat a depth already seen in the same well. */
export interface GroupSteps {
  readonly steps: number[];
  readonly duplicates: number;
  /** The first repeated depth (NaN when none), for the warning. */
  readonly firstDuplicate: number;
}

/**
 * Positive differences between consecutive sorted index values of `rows`, per well (`wells[i]`, or
 * one well when undefined); null (NaN) depths are skipped.
 */
export function groupSteps(
  rows: readonly number[],
  index: Float64Array,
  wells: readonly string[] | undefined,
): GroupSteps {
  const byWell = new Map<string, number[]>();
  for (const i of rows) {
    const x = index[i]!;
    if (Number.isNaN(x)) continue;
    const key = wells?.[i] ?? '';
    const list = byWell.get(key);
    if (list) list.push(x);
    else byWell.set(key, [x]);
  }
  const steps: number[] = [];
  let duplicates = 0;
  let firstDuplicate = NaN;
  for (const depths of byWell.values()) {
    depths.sort((a, b) => a - b);
    for (let k = 1; k < depths.length; k++) {
      const step = depths[k]! - depths[k - 1]!;
      if (step > 0) steps.push(step);
      else {
        duplicates++;
        if (Number.isNaN(firstDuplicate)) firstDuplicate = depths[k]!;
      }
    }
  }
  return { steps, duplicates, firstDuplicate };
}
