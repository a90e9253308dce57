/**
 * The checks of a CSV table's columns after its typed read (csv.ts): the warnings that need only
 * the table (numbers read as text, a header of numbers, repeated header names), one scan of the
 * file as text for those that need the values as written (csv-text-checks.ts: 20+ digit ids, dates
 * in either order, hex ids), and at most one more read when a column must be read otherwise (hex
 * ids kept as text, Windows NaN/infinity marks read as numbers).
 */
import type { Table } from 'apache-arrow';
import type { CsvSettings } from '../../operators/types.ts';
import { PetroflowException } from '../../model/errors.ts';
import type { RunSql } from './csv.ts';
import { numericHeaderWarning, wideIntegerCheck } from './csv-column-hints.ts';
import { ambiguousDateCheck } from './csv-date-hint.ts';
import { headerCells, repeatedNamesWarning } from './csv-header-names.ts';
import { hexIdCheck, hexIdWarning } from './csv-hex-ids.ts';
import { runTextChecks } from './csv-text-checks.ts';
import { numericTextWarnings } from './csv-text-hint.ts';
import {
  holdsWindowsMark,
  windowsMarkColumns,
  windowsMarkSql,
  windowsMarkWarning,
} from './csv-windows-marks.ts';

/** What the column checks need besides the table: how the file was read, and its reads as SQL. */
export interface ColumnContext {
  readonly run: RunSql;
  readonly fileName: string;
  readonly options: CsvSettings & { readonly stream?: unknown };
  /** The file's bytes after the lines skipped before the header. */
  readonly body: Uint8Array;
  /** The delimiter read with (null: not known). */
  readonly delimiter: string | null;
  /** The read of the table as SQL: every column text, or these columns text. */
  readonly textRead: () => string;
  readonly typedRead: (textColumns: readonly string[]) => string;
}

/** The table as the checks leave it (read again, or as given) and their warnings. */
export async function checkColumns(
  c: ColumnContext,
  table: Table,
): Promise<{ table: Table; warnings: string[] }> {
  const { run, fileName, options } = c;
  const warnings = numericTextWarnings(fileName, table);
  const hex = hexIdCheck(table, c.body);
  const checks = [
    wideIntegerCheck(fileName, table),
    // A streamed file's first part holds only part of the dates: a later part may tell the order.
    options.stream === undefined ? ambiguousDateCheck(fileName, table) : undefined,
    hex,
  ];
  warnings.push(...(await runTextChecks(run, c.textRead, table.numCols, checks)));
  const header = numericHeaderWarning(fileName, table, options.header);
  if (header) warnings.push(header);
  const single = c.delimiter?.length === 1 && c.delimiter.charCodeAt(0) < 0x80;
  const cells = options.header && single ? headerCells(c.body, c.delimiter ?? ',') : [];
  const repeated = repeatedNamesWarning(fileName, cells, table);
  if (repeated) warnings.push(repeated);
  // No value can be a mark when the bytes hold none (a digit, "." or ",", "#", then I, Q or S).
  const marks = holdsWindowsMark(c.body) ? windowsMarkColumns(table, options.decimal) : [];
  const hexes = hex?.found ?? [];
  if (marks.length === 0 && hexes.length === 0) return { table, warnings };
  const read = c.typedRead(hexes.map((h) => h.name));
  const names = marks.map((m) => m.name);
  try {
    const again = await run(names.length > 0 ? windowsMarkSql(read, names, options.decimal) : read);
    if (hexes.length > 0) warnings.push(hexIdWarning(fileName, hexes));
    if (marks.length > 0) warnings.push(windowsMarkWarning(fileName, marks));
    return { table: again, warnings };
  } catch (e) {
    if (e instanceof PetroflowException) throw e; // Cancelled, not refused.
    // A value the checks took for a number or a hex id that DuckDB's cast refuses (it should not):
    // the table as first read, rather than a failure.
    return { table, warnings };
  }
}
