/**
 * One scan of a CSV file as text for every check that needs the values as written (integers of 20+
 * digits read as DOUBLE, dates whose day/month order is a guess, hex ids read as integers): each
 * check adds its aggregates to a single query, so a file needing several is scanned once, and one
 * needing none (every check's cheap look at the typed table found no candidate) not at all.
 */
import type { Table } from 'apache-arrow';
import { PetroflowException } from '../../model/errors.ts';
import type { RunSql } from './csv.ts';

/** Name of the 1-based row number column the checks' aggregates may use (`min(pf_row__)`). */
export const ROW = 'pf_row__';

/**
 * One check over the text columns (renamed c0, c1...): its aggregate expressions (with aliases
 * unique among all checks) and what it makes of the one result row.
 */
export interface TextCheck {
  readonly tests: readonly string[];
  readonly answer: (result: Table) => string[];
}

/**
 * SQL running every check's tests over `read` (its `columns` columns read as text, renamed c0,
 * c1..., with the row number `ROW`).
 */
function textChecksSql(read: string, columns: number, checks: readonly TextCheck[]): string {
  // Every column renamed, so that no column of the file is named as the row number.
  const names = Array.from({ length: columns }, (_v, i) => `c${i}`).join(', ');
  const tests = checks.flatMap((c) => c.tests).join(', ');
  return `SELECT ${tests} FROM (SELECT *, row_number() OVER () AS ${ROW} FROM (${read}) AS t(${names}))`;
}

/**
 * The warnings of `checks` (undefined entries: checks with no candidate) from one text scan
 * (`textRead`: the file's read_csv with every column VARCHAR), or none without a check to run.
 */
export async function runTextChecks(
  run: RunSql,
  textRead: () => string,
  columns: number,
  checks: readonly (TextCheck | undefined)[],
): Promise<string[]> {
  const todo = checks.filter((c) => c !== undefined);
  if (todo.length === 0) return [];
  let t: Table;
  try {
    t = await run(textChecksSql(textRead(), columns, todo));
  } catch (e) {
    if (e instanceof PetroflowException) throw e; // Cancelled, not refused.
    return []; // The text read differs from the typed one (it should not): no warning.
  }
  return todo.flatMap((c) => c.answer(t));
}
