/**
 * A warning for date columns whose every value fits both day/month/year and month/day/year
 * (01/02/2024, 03.04.2024: no part above 12): DuckDB's sniffer then picks one order with no word,
 * and a file written the other way (US month first, or European day first) gets every date wrong.
 * The warning names the column, shows how one value was read, and how to swap the order. One scan
 * of the file as text, only when the table has a DATE or TIMESTAMP column.
 */
import { Type, type DataType, type Table } from 'apache-arrow';
import type { RunSql } from './csv.ts';

/** The first two parts of a date written as n/n/yyyy (also "." or "-"), as SQL over column `c`. */
const part = (c: string, i: number): string =>
  `TRY_CAST(regexp_extract(${c}, '^\\s*(\\d{1,2})[/.-](\\d{1,2})[/.-]\\d{2,4}', ${i}) AS INTEGER)`;

/**
 * SQL giving, per column position in `at` (of `read`, its `columns` text columns renamed c0,
 * c1...): `d<k>` the number of values whose first or second part is above 12 (the order is then
 * known), `r<k>` the first row (1-based) whose two parts differ and are both at most 12, and
 * `v<k>` its value.
 */
export function ambiguousDateSql(read: string, at: readonly number[], columns: number): string {
  // Every column renamed, so that no column of the file is named as the row number.
  const names = Array.from({ length: columns }, (_v, i) => `c${i}`).join(', ');
  const cols = at.flatMap((i, k) => {
    const [a, b] = [part(`c${i}`, 1), part(`c${i}`, 2)];
    return [
      `count_if(${a} > 12 OR ${b} > 12)::DOUBLE AS d${k}`,
      `min(pf_row__) FILTER (WHERE ${a} <> ${b} AND ${a} <= 12 AND ${b} <= 12)::DOUBLE AS r${k}`,
      `arg_min(c${i}, pf_row__) FILTER (WHERE ${a} <> ${b} AND ${a} <= 12 AND ${b} <= 12) AS v${k}`,
    ];
  });
  return `SELECT ${cols.join(', ')} FROM (SELECT *, row_number() OVER () AS pf_row__ FROM (${read}) AS t(${names}))`;
}

/** The warnings for date columns of `table` in either order (see the module comment). */
export async function ambiguousDateWarnings(
  run: RunSql,
  fileName: string,
  table: Table,
  textRead: () => string,
): Promise<string[]> {
  const at = table.schema.fields.flatMap((f, i) => {
    const id = (f.type as DataType).typeId;
    return id === Type.Date || id === Type.Timestamp ? [i] : [];
  });
  if (at.length === 0) return [];
  let t: Table;
  try {
    t = await run(ambiguousDateSql(textRead(), at, table.numCols));
  } catch {
    return []; // The text read differs from the typed one (it should not): no warning.
  }
  return at.flatMap((i, k) => {
    const known: unknown = t.getChild(`d${k}`)?.get(0);
    const row: unknown = t.getChild(`r${k}`)?.get(0);
    const text: unknown = t.getChild(`v${k}`)?.get(0);
    if (known !== 0 || typeof row !== 'number' || typeof text !== 'string') return [];
    const value: unknown = table.getChildAt(i)?.get(row - 1);
    if (typeof value !== 'number' || !Number.isFinite(value)) return [];
    const name = table.schema.fields[i]?.name ?? '';
    const iso = new Date(value).toISOString().slice(0, 10);
    return [
      `${fileName}: every date in column "${name}" fits both day/month/year and month/day/year (no day above 12), so their order is a guess: "${text.trim()}" (data row ${row}) was read as ${iso}. If the file writes the other order, swap day and month in a sql node: make_date(year("${name}"), day("${name}"), month("${name}")).`,
    ];
  });
}
