/** Finding the top that applies to a depth, per well: sorted tops and a binary search. */

/**
 * Builds a lookup from tops (`depths`, NaN = ignored; `wells` keys or undefined for "all wells") to
 * a function giving, for a depth and well key, the row of the top with the largest depth <= the
 * depth (ties: the row listed last), -1 when none applies, or -2 when the well has no tops at all.
 */
export function zoneLookup(
  depths: Float64Array,
  wells: readonly string[] | undefined,
): (depth: number, well: string | undefined) => number {
  const groups = new Map<string, number[]>();
  for (let row = 0; row < depths.length; row++) {
    if (Number.isNaN(depths[row])) continue;
    const key = wells?.[row] ?? '';
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  // Stable sort: equal depths keep table order, so the last one listed is found first from the right.
  for (const list of groups.values()) list.sort((a, b) => depths[a]! - depths[b]!);
  return (depth, well) => {
    const list = groups.get(wells ? (well ?? '') : '');
    if (!list) return wells ? -2 : -1;
    if (Number.isNaN(depth)) return -1;
    // Last position whose depth <= depth.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (depths[list[mid]!]! <= depth) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? -1 : list[lo - 1]!;
  };
}
