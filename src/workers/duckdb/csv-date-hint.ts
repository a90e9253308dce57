/**
 * A warning for date columns whose every value fits both day/month/year and month/day/year
 * (01/02/2024, 03.04.2024: no part above 12): DuckDB's sniffer then picks one order with no word,
 * and a file written the other way (US month first, or European day first) gets every date wrong.
 * The warning names the column, shows how one value was read, and how to swap the order. A text
 * check (csv-text-checks.ts), only for DATE or TIMESTAMP columns whose read days are all at most
 * 12 (a day above 12 tells the order, whichever part of the text held it).
 */
import { Type, type DataType, type Table, type Timestamp } from 'apache-arrow';
import { ROW, type TextCheck } from './csv-text-checks.ts';

/** The first two parts of a date written as n/n/yyyy (also "." or "-"), as SQL over column `c`. */
const part = (c: string, i: number): string =>
  `TRY_CAST(regexp_extract(${c}, '^\\s*(\\d{1,2})[/.-](\\d{1,2})[/.-]\\d{2,4}', ${i}) AS INTEGER)`;

/**
 * Whether column `i` of `table` is a DATE or TIMESTAMP column whose order may be a guess: no value
 * read with a day above 12 (a timestamp with a time zone always, its UTC day may not be the one
 * written).
 */
function mayBeAmbiguous(table: Table, i: number): boolean {
  const type = table.schema.fields[i]?.type as DataType | undefined;
  if (type?.typeId === Type.Timestamp && (type as Timestamp).timezone) return true;
  if (type?.typeId !== Type.Date && type?.typeId !== Type.Timestamp) return false;
  const col = table.getChildAt(i);
  for (let r = 0; r < (col?.length ?? 0); r++) {
    const v: unknown = col?.get(r);
    if (typeof v === 'number' && new Date(v).getUTCDate() > 12) return false;
  }
  return true;
}

/**
 * Aggregates per column position in `at` (of the text columns c0, c1...): `d<k>` the number of
 * values whose first or second part is above 12 (the order is then known), `r<k>` the first row
 * (1-based) whose two parts differ and are both at most 12, and `v<k>` its value.
 */
function ambiguousDateTests(at: readonly number[]): string[] {
  return at.flatMap((i, k) => {
    const [a, b] = [part(`c${i}`, 1), part(`c${i}`, 2)];
    const both = `${a} <> ${b} AND ${a} <= 12 AND ${b} <= 12`;
    return [
      `count_if(${a} > 12 OR ${b} > 12)::DOUBLE AS d${k}`,
      `min(${ROW}) FILTER (WHERE ${both})::DOUBLE AS r${k}`,
      `arg_min(c${i}, ${ROW}) FILTER (WHERE ${both}) AS v${k}`,
    ];
  });
}

/** The text check for date columns of `table` in either order (see the module comment). */
export function ambiguousDateCheck(fileName: string, table: Table): TextCheck | undefined {
  const at = table.schema.fields.flatMap((_f, i) => (mayBeAmbiguous(table, i) ? [i] : []));
  if (at.length === 0) return undefined;
  const answer = (t: Table): string[] =>
    at.flatMap((i, k) => {
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
  return { tests: ambiguousDateTests(at), answer };
}
