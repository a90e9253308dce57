/**
 * A warning for a header that repeats a column name (GR,gr,GR): DuckDB's names ignore case, so it
 * renames the later ones (gr_1, GR_2) with no word, and a pipeline naming GR reads the first
 * column only, maybe not the one meant. The warning gives the name as written, the columns (1-based)
 * holding it, the names they were given, and what to do: rename them in the file.
 */
import type { Table } from 'apache-arrow';
import { caseGroups } from '../../operators/tables/case-clash.ts';

/** Header bytes looked at, at most (a header row longer than this is not checked). */
const MAX_HEADER = 1 << 20;

/**
 * The cells of the first record of `b` (a header row), trimmed and unquoted, split at the
 * one-character ASCII delimiter `delim` outside `"` quotes (`""` a quote inside them).
 */
export function headerCells(b: Uint8Array, delim: string): string[] {
  const d = delim.charCodeAt(0);
  const cells: string[] = [];
  let cell: number[] = [];
  let quoted = false;
  const end = (): void => {
    cells.push(new TextDecoder().decode(new Uint8Array(cell)).trim());
    cell = [];
  };
  for (let i = 0; i < Math.min(b.length, MAX_HEADER); i++) {
    const c = b[i]!;
    if (c === 0x22) {
      if (quoted && b[i + 1] === 0x22) cell.push(b[++i]!);
      else quoted = !quoted;
    } else if (!quoted && c === d) end();
    else if (!quoted && (c === 0x0a || c === 0x0d)) break;
    else cell.push(c);
  }
  end();
  return cells;
}

/**
 * The warning for header `cells` naming a column more than once (ignoring case, as DuckDB does),
 * with the names `table` got for them; undefined when every name is its own.
 */
export function repeatedNamesWarning(
  fileName: string,
  cells: readonly string[],
  table: Table,
): string | undefined {
  const names = table.schema.fields.map((f) => f.name);
  if (names.length < cells.length) return undefined;
  const repeats = [...caseGroups(cells.filter((c) => c !== '')).entries()].flatMap(
    ([key, group]) => {
      if (group.length < 2) return [];
      const at = cells.flatMap((c, i) => (c.toLowerCase() === key ? [i] : []));
      const written = at.map((i) => `column ${i + 1} "${cells[i] ?? ''}"`).join(', ');
      const given = at.map((i) => `"${names[i] ?? ''}"`).join(', ');
      return [{ written, given, first: `"${group[0] ?? ''}"`, column: (at[0] ?? 0) + 1 }];
    },
  );
  if (repeats.length === 0) return undefined;
  const parts = repeats.map((r) => `${r.written} were renamed ${r.given}`).join('; ');
  const r0 = repeats[0]!;
  return `${fileName}: the header repeats a column name (names ignore case): ${parts}. A node or query naming ${r0.first} reads column ${r0.column} only, which may not be the one meant. Give each column its own name in the file's header and read it again.`;
}
