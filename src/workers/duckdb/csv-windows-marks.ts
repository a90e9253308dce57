/**
 * The not-a-number and infinity marks of old Windows exports (-1.#IND, 1.#QNAN, -1.#INF, 1.#INF:
 * csv-number-text.ts): DuckDB's DOUBLE cast refuses them, so a column of numbers holding one is
 * read as text, which no petrophysics operator takes. They are read as DuckDB reads "nan", "inf"
 * and "-inf" instead: a text column whose every value is a number DuckDB's detection takes or such
 * a mark is read again as DOUBLE (marks as NaN, +Infinity, -Infinity), with a warning naming the
 * marks found, the column and the first data row holding one. Linear in the text columns' size (a
 * column stops being looked at at its first other value).
 */
import { Type, type DataType, type Table } from 'apache-arrow';
import { quoteIdent } from './catalog-reset.ts';
import { isDetectedNumber, WINDOWS_MARK } from './csv-number-text.ts';

/** A text column of numbers and Windows marks: its name, the marks as written, the first row. */
export interface MarkColumn {
  readonly name: string;
  readonly marks: readonly string[];
  readonly row: number;
}

/** Marks listed at most per column in the warning. */
const MAX_SHOWN = 4;

function markColumn(table: Table, i: number, name: string, comma: boolean): MarkColumn | undefined {
  const col = table.getChildAt(i);
  const marks = new Set<string>();
  let row = 0;
  for (let r = 0; r < (col?.length ?? 0); r++) {
    const v: unknown = col?.get(r);
    if (typeof v !== 'string' || v.trim() === '') continue;
    if (WINDOWS_MARK.test(v)) {
      if (marks.size < MAX_SHOWN) marks.add(v.trim());
      row ||= r + 1;
    } else if (!isDetectedNumber(v, comma)) return undefined;
  }
  return row > 0 ? { name, marks: [...marks], row } : undefined;
}

/** The text columns of `table` that are numbers and Windows marks only (at least one mark). */
export function windowsMarkColumns(table: Table, decimal: '.' | ',' | undefined): MarkColumn[] {
  return table.schema.fields.flatMap((f, i) => {
    const id = (f.type as DataType).typeId;
    if (id !== Type.Utf8 && id !== Type.LargeUtf8) return [];
    const m = markColumn(table, i, f.name, decimal === ',');
    return m ? [m] : [];
  });
}

/** SQL: whether text `col` is a Windows mark of one of `kinds` with sign `sign` (a regexp). */
const mark = (col: string, sign: string, kinds: string): string =>
  `regexp_full_match(upper(trim(${col})), '${sign}[0-9]+[.,]#(${kinds})[0-9]*')`;

/** SQL: whether text `col` is a Windows mark (csv-number-text.ts). */
export function markTest(col: string): string {
  return mark(col, '[+-]?', 'INF|IND|QNAN|SNAN');
}

/** SQL: text `col` as DOUBLE, marks as nan, inf and -inf (a decimal comma made a point). */
export function markDouble(col: string, decimal: '.' | ',' | undefined): string {
  const number = decimal === ',' ? `replace(trim(${col}), ',', '.')` : `trim(${col})`;
  return `CAST(CASE WHEN ${mark(col, '[+-]?', 'IND|QNAN|SNAN')} THEN 'nan' WHEN ${mark(col, '-', 'INF')} THEN '-inf' WHEN ${mark(col, '[+]?', 'INF')} THEN 'inf' ELSE ${number} END AS DOUBLE)`;
}

/**
 * SQL: whether text `col` is a mark or a number DuckDB's detection types DOUBLE (its cast reads
 * it; no leading "+" or trailing spaces), as `isDetectedNumber` over text.
 */
export function markOrNumber(col: string, decimal: '.' | ',' | undefined): string {
  const number = decimal === ',' ? `replace(${col}, ',', '.')` : col;
  return `(${markTest(col)} OR (TRY_CAST(${number} AS DOUBLE) IS NOT NULL AND NOT regexp_matches(${col}, '^\\s*\\+|\\s$')))`;
}

/** Whether bytes `b` hold a Windows mark's digit, "." or "," and "#" before I, Q or S. */
export function holdsWindowsMark(b: Uint8Array): boolean {
  for (let i = b.indexOf(0x23, 2); i >= 0; i = b.indexOf(0x23, i + 1)) {
    const k = (b[i + 1] ?? 0) | 0x20;
    const digit = (b[i - 2] ?? 0) >= 0x30 && (b[i - 2] ?? 0) <= 0x39;
    if (digit && (b[i - 1] === 0x2e || b[i - 1] === 0x2c))
      if (k === 0x69 || k === 0x71 || k === 0x73) return true;
  }
  return false;
}

/**
 * SQL reading `read` (the file's typed read, these columns text) with the columns `names` made
 * DOUBLE by `markDouble`.
 */
export function windowsMarkSql(
  read: string,
  names: readonly string[],
  decimal: '.' | ',' | undefined,
): string {
  const exprs = names.map((n) => `${markDouble(quoteIdent(n), decimal)} AS ${quoteIdent(n)}`);
  return `SELECT * REPLACE (${exprs.join(', ')}) FROM (${read})`;
}

/** The warning for columns read as numbers though they held Windows marks. */
export function windowsMarkWarning(fileName: string, columns: readonly MarkColumn[]): string {
  const one = columns.length === 1;
  const cols = columns
    .map((c) => `"${c.name}" (${c.marks.join(', ')}; first at data row ${c.row})`)
    .join(', ');
  return `${fileName}: ${one ? 'column' : 'columns'} ${cols} ${one ? 'holds' : 'hold'} the not-a-number and infinity marks of old Windows programs (1.#IND, 1.#QNAN: not a number; 1.#INF: infinity), which DuckDB would read as text; they are read as NaN and infinity, as "nan" and "inf" are, so the ${one ? 'column is' : 'columns are'} numbers (DOUBLE).`;
}
