/**
 * Warnings about what DuckDB's CSV detection does silently to a table's columns: a header row of
 * numbers only (the first data row of a file without a header, taken as column names because the
 * node's `header` is true, so that row is missing from the data), and whole numbers too long for
 * BIGINT (UWI-like identifiers of 20 digits), which it reads as DOUBLE, keeping about 16 digits.
 */
import { Type, type Data, type DataType, type Float64, type Table } from 'apache-arrow';
import type { TextCheck } from './csv-text-checks.ts';

/** A number as a header cell may hold one (DuckDB renames a repeated name "1" to "1_1"). */
const NUMBER_NAME = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?(_\d+)?\s*$/;

/** The warning for a header row of numbers only, read with `header` true (else undefined). */
export function numericHeaderWarning(
  fileName: string,
  table: Table,
  header: boolean,
): string | undefined {
  const names = table.schema.fields.map((f) => f.name);
  if (!header || names.length === 0 || !names.every((n) => NUMBER_NAME.test(n))) return undefined;
  const shown = names.slice(0, 5).join(', ') + (names.length > 5 ? ', ...' : '');
  return `${fileName}: the header row holds only numbers (${shown}): it looks like the first data row of a file without a header, and is read as the column names, so that row is missing from the data. If the file has no header row, set "header" to false in this node (columns are then named column0, column1, ...).`;
}

/** 2^63: whole numbers from here on do not fit BIGINT, and DuckDB reads them as DOUBLE. */
const BIGINT_END = 2 ** 63;

/** A DOUBLE column with a whole value beyond BIGINT: its position, name and first such value. */
export interface WideColumn {
  readonly index: number;
  readonly name: string;
  readonly row: number;
  readonly value: number;
}

/**
 * DOUBLE columns holding a whole number beyond BIGINT and below 1e21 (not a 1e30-style
 * missing-value mark): candidates only, as "1.5e19" gives one too; `wideIntegerSql` tells.
 */
function wideColumns(table: Table): WideColumn[] {
  return table.schema.fields.flatMap((f, index) => {
    if ((f.type as DataType).typeId !== Type.Float) return [];
    const col = table.getChildAt(index);
    let row = 0;
    for (const d of col?.data ?? []) {
      const values = (d as Data<Float64>).values;
      for (let k = 0; k < d.length; k++) {
        const value = values[k] ?? 0;
        const a = Math.abs(value);
        if (a >= BIGINT_END && a < 1e21 && Number.isInteger(value) && col?.isValid(row + k))
          return [{ index, name: f.name, row: row + k + 1, value }];
      }
      row += d.length;
    }
    return [];
  });
}

/** The warning for DOUBLE columns whose whole numbers of 20 digits or more lost digits. */
function wideIntegerWarning(fileName: string, columns: readonly WideColumn[]): string | undefined {
  if (columns.length === 0) return undefined;
  const found = columns.map(
    (c) => `"${c.name}" (first at data row ${c.row}, read as ${BigInt(c.value)})`,
  );
  const one = found.length === 1;
  return `${fileName}: ${one ? 'column' : 'columns'} ${found.join(', ')} ${one ? 'holds' : 'hold'} whole numbers of 20 digits or more, too long for an integer column, so DuckDB reads ${one ? 'it' : 'them'} as DOUBLE, which keeps about 16 significant digits: identifiers (UWI, API numbers) lose their last digits and may compare equal. Keep such identifiers as text in the file (for example with a letter or a "/" in them, as a UWI 100/01-02-003-04W5/00).`;
}

/**
 * The text check (csv-text-checks.ts) telling which DOUBLE columns of `table` hold ids of 20 digits
 * or more, written as whole numbers: only when `wideColumns` finds a candidate (`rowsBefore`: data
 * rows of the file before `table`, a later part of a streamed file).
 */
export function wideIntegerCheck(
  fileName: string,
  table: Table,
  rowsBefore = 0,
): TextCheck | undefined {
  const candidates = wideColumns(table);
  if (candidates.length === 0) return undefined;
  return {
    tests: candidates.map(
      (c, i) => `bool_or(regexp_full_match(trim(c${c.index}), '[+-]?0*[1-9][0-9]{19,}')) AS w${i}`,
    ),
    answer: (t) => {
      const found = candidates.flatMap((c, i) =>
        t.getChild(`w${i}`)?.get(0) === true ? [{ ...c, row: c.row + rowsBefore }] : [],
      );
      const w = wideIntegerWarning(fileName, found);
      return w ? [w] : [];
    },
  };
}
