/**
 * Hexadecimal ids (0x1F, 0X2a) in a CSV column: DuckDB's detection reads such a column as BIGINT,
 * 0x1F as 31, and the id's spelling is gone with no word. Such a column is read as text instead,
 * as written, with a warning naming the column, its first such value and data row, and how to get
 * the numbers (a cast). Text because an id is matched as written (against other files, tables,
 * reports), and because the integers cannot give back the spelling (0x1F, 0x01F, 0X1f are all 31)
 * while the text gives the integers with one cast. A text check (csv-text-checks.ts), only when the
 * table has an integer column and the file holds "0x" or "0X" at all.
 */
import { Type, type DataType, type Table } from 'apache-arrow';
import { ROW, type TextCheck } from './csv-text-checks.ts';

/** Whether `b` holds "0x" or "0X" anywhere (native searches for the rare "x" and "X" first). */
export function holdsHexPrefix(b: Uint8Array): boolean {
  for (const x of [0x78, 0x58])
    for (let i = b.indexOf(x, 1); i >= 0; i = b.indexOf(x, i + 1))
      if (b[i - 1] === 0x30) return true;
  return false;
}

/** A hexadecimal integer as DuckDB's cast reads one, as a regexp over trimmed text. */
const HEX = `'[+-]?0[xX][0-9a-fA-F]+'`;

/** SQL: whether text `col` is a hexadecimal integer (which DuckDB's integer cast reads). */
export function hexTest(col: string): string {
  return `regexp_full_match(trim(${col}), ${HEX})`;
}

/** An integer column holding hex ids: its name, and the first such value and its data row. */
export interface HexColumn {
  readonly name: string;
  readonly value: string;
  readonly row: number;
}

/**
 * The hex check: its text check (which gives no warning itself), and after it ran, the columns to
 * read as text (`hexIdWarning` names them once they are).
 */
export interface HexIdCheck extends TextCheck {
  readonly found: HexColumn[];
}

/**
 * The hex check of the text columns at `columns` (positions and names): with `idsOnly`, of those
 * whose every value is a whole number or a hex id (a later part's text column); rows are 1-based
 * after `rowsBefore` data rows.
 */
export function hexColumnsCheck(
  columns: readonly { readonly i: number; readonly name: string }[],
  idsOnly: boolean,
  rowsBefore = 0,
): HexIdCheck {
  const found: HexColumn[] = [];
  const tests = columns.flatMap(({ i }, k) => {
    const c = `c${i}`;
    const hex = hexTest(c);
    const whole = `${hex} OR regexp_full_match(trim(${c}), '[+-]?[0-9]+')`;
    return [
      `min(${ROW}) FILTER (WHERE ${hex})::DOUBLE AS xr${k}`,
      `arg_min(${c}, ${ROW}) FILTER (WHERE ${hex}) AS xv${k}`,
      `${idsOnly ? `count_if(${whole}) = count(${c})` : 'true'} AS xi${k}`,
    ];
  });
  const answer = (t: Table): string[] => {
    columns.forEach(({ name }, k) => {
      const row: unknown = t.getChild(`xr${k}`)?.get(0);
      const value: unknown = t.getChild(`xv${k}`)?.get(0);
      const ids = t.getChild(`xi${k}`)?.get(0) === true;
      if (ids && typeof row === 'number' && typeof value === 'string')
        found.push({ name, value: value.trim(), row: row + rowsBefore });
    });
    return [];
  };
  return { tests, answer, found };
}

/** The text check for integer columns of `table` read from `body` holding hex ids. */
export function hexIdCheck(table: Table, body: Uint8Array): HexIdCheck | undefined {
  const ints = table.schema.fields.flatMap((f, i) =>
    (f.type as DataType).typeId === Type.Int ? [{ i, name: f.name }] : [],
  );
  if (ints.length === 0 || !holdsHexPrefix(body)) return undefined;
  return hexColumnsCheck(ints, false);
}

/** The warning for integer columns read as text because they hold hex ids. */
export function hexIdWarning(fileName: string, found: readonly HexColumn[]): string {
  const cols = found.map((c) => `"${c.name}" (first "${c.value}" at data row ${c.row})`);
  const one = cols.length === 1;
  const first = found[0]?.name ?? '';
  return `${fileName}: ${one ? 'column' : 'columns'} ${cols.join(', ')} ${one ? 'holds' : 'hold'} hexadecimal values, which DuckDB would read as integers (0x1F as 31), losing how the ids are written; so ${one ? 'it is' : 'they are'} read as text, as written. For the numbers, convert in a sql node: CAST("${first}" AS BIGINT).`;
}
