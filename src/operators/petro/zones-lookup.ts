/** Finding the top that applies to a depth, per well: sorted tops and a binary search. */

/** The tops of a `zones.assign` run, grouped and sorted per well once. */
export interface ZoneLookup {
  /**
   * The row of the top with the largest depth <= `depth` for well key `well` (ties: the row listed
   * last), -1 when none applies, or -2 when the well has no tops at all.
   */
  find(depth: number, well: string | undefined): number;
  /** The shallowest top depth of well key `well` ('' when the tops have no wells); NaN when none. */
  firstTop(well: string): number;
}

/**
 * Builds the lookup from tops (`depths`, NaN = ignored; `wells` keys or undefined for "all wells"),
 * so the per-well grouping and sorting is done once for finding zones and for the coverage check.
 * `at` maps top and sample depths before they are compared (the precision both columns share,
 * see precision.ts); `firstTop` still gives the depth as the tops table holds it.
 */
export function zoneLookup(
  depths: Float64Array,
  wells: readonly string[] | undefined,
  at?: (depth: number) => number,
): ZoneLookup {
  const keys = at ? depths.map(at) : depths;
  const groups = new Map<string, number[]>();
  for (let row = 0; row < depths.length; row++) {
    if (Number.isNaN(depths[row])) continue;
    const key = wells?.[row] ?? '';
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  // Stable sort: equal depths keep table order, so the last one listed is found first from the right.
  for (const list of groups.values()) list.sort((a, b) => keys[a]! - keys[b]!);
  return {
    find(depth, well) {
      const list = groups.get(wells ? (well ?? '') : '');
      if (!list) return wells ? -2 : -1;
      if (Number.isNaN(depth)) return -1;
      const key = at ? at(depth) : depth;
      // Last position whose depth <= depth.
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (keys[list[mid]!]! <= key) lo = mid + 1;
        else hi = mid;
      }
      return lo === 0 ? -1 : list[lo - 1]!;
    },
    firstTop(well) {
      const first = groups.get(wells ? well : '')?.[0];
      return first === undefined ? NaN : depths[first]!;
    },
  };
}
