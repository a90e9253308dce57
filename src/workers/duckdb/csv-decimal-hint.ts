/**
 * A warning for a CSV whose numbers are written with decimal commas but read with a decimal point:
 * DuckDB then reads them as text ("1000,5"), which no petrophysics operator takes. The warning
 * names the columns and the setting that reads them as numbers (source.csv 1.1.0's `decimal`).
 */
import { Type, type DataType, type Table } from 'apache-arrow';

/** A number written with a decimal comma (an optional sign, digits, a comma, digits). */
const DECIMAL_COMMA = /^\s*[+-]?\d+,\d+\s*$/;
/** A whole number (allowed among decimal-comma values of the same column). */
const WHOLE = /^\s*[+-]?\d+\s*$/;
/** Values looked at per column. */
const LOOK = 200;

/** Whether the first non-empty values of text column `i` are numbers with a decimal comma. */
function decimalCommaColumn(table: Table, i: number): boolean {
  const col = table.getChildAt(i);
  if (!col) return false;
  let commas = 0;
  let seen = 0;
  for (let r = 0; r < col.length && seen < LOOK; r++) {
    const v: unknown = col.get(r);
    if (typeof v !== 'string' || v.trim() === '') continue;
    seen++;
    if (DECIMAL_COMMA.test(v)) commas++;
    else if (!WHOLE.test(v)) return false;
  }
  return commas > 0;
}

/** The warning for `table` read from `fileName` (undefined when no column looks so). */
export function decimalCommaWarning(fileName: string, table: Table): string | undefined {
  const names = table.schema.fields.flatMap((f, i) => {
    const id = (f.type as DataType).typeId;
    return (id === Type.Utf8 || id === Type.LargeUtf8) && decimalCommaColumn(table, i)
      ? [f.name]
      : [];
  });
  if (names.length === 0) return undefined;
  const list = names.map((n) => `"${n}"`).join(', ');
  const one = names.length === 1;
  return `${fileName}: ${one ? 'column' : 'columns'} ${list} ${one ? 'holds' : 'hold'} numbers written with a decimal comma (such as 1000,5), read as text: set this node's "Decimal separator" to "," (source.csv 1.1.0) to read them as numbers.`;
}
