/** "Did you mean" suggestions for unknown names (operators, ports, parameters). */

/** Edit distance (insert, delete, substitute), with one row of memory. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/** Up to `max` names close to `wanted` (small edit distance, or one contains the other), best first. */
export function closeNames(wanted: string, names: Iterable<string>, max = 3): string[] {
  const w = wanted.toLowerCase();
  const scored: { name: string; d: number }[] = [];
  for (const name of names) {
    const n = name.toLowerCase();
    const d = editDistance(w, n);
    const limit = Math.max(2, Math.floor(Math.max(w.length, n.length) / 6));
    const contains = w.length >= 3 && (n.includes(w) || w.includes(n));
    if (d <= limit || contains) scored.push({ name, d: contains ? Math.min(d, limit) : d });
  }
  scored.sort((x, y) => x.d - y.d || x.name.localeCompare(y.name));
  return scored.slice(0, max).map((s) => s.name);
}

/** `; did you mean 'a' or 'b'?` or '' when nothing is close. */
export function didYouMean(wanted: string, names: Iterable<string>): string {
  const c = closeNames(wanted, names).map((n) => `'${n}'`);
  if (c.length === 0) return '';
  const last = c.pop() ?? '';
  return `; did you mean ${c.length > 0 ? `${c.join(', ')} or ${last}` : last}?`;
}
