/**
 * Column names that differ only in case, as SQL meets them. DuckDB's names ignore case: given an
 * input with columns `GR` and `gr`, it keeps the first as `GR` and renames the later ones
 * (`gr_1`), and `gr` or even `"gr"` in a query reads `GR`. Without a word, a query meant for the
 * lowercase column silently reads the other one; `caseClashWarning` says so.
 */

/** The names `names` grouped by their lowercase form, each group in the order given. */
export function caseGroups(names: readonly string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const n of names) {
    const key = n.toLowerCase();
    const group = groups.get(key);
    if (group) group.push(n);
    else groups.set(key, [n]);
  }
  return groups;
}

/** The names DuckDB gives the columns `names` of one table (later duplicates up to case get `_N`). */
export function duckdbColumnNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  const seen = new Map<string, number>();
  return names.map((name) => {
    const key = name.toLowerCase();
    let n = seen.get(key) ?? 0;
    let out = name;
    while (taken.has(out.toLowerCase())) out = `${name}_${++n}`;
    seen.set(key, n);
    taken.add(out.toLowerCase());
    return out;
  });
}

/**
 * A warning for input table `table` when some of its column names differ only in case, naming
 * what each such name reads in SQL and the name to write instead; undefined when none do.
 */
export function caseClashWarning(table: string, names: readonly string[]): string | undefined {
  const renamed = duckdbColumnNames(names);
  const first = new Map<string, string>();
  const parts: string[] = [];
  names.forEach((name, i) => {
    const key = name.toLowerCase();
    const kept = first.get(key);
    if (kept === undefined) first.set(key, name);
    else parts.push(`"${name}" reads ${kept}; write ${renamed[i] ?? name} for the column ${name}`);
  });
  if (parts.length === 0) return undefined;
  return `Input table ${table} has column names that differ only in case, which SQL does not tell apart: ${parts.join('; ')}. Rename the columns upstream to avoid the confusion.`;
}
