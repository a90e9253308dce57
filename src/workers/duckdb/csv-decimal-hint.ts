/**
 * A warning for a CSV whose numbers are written with decimal commas but read with a decimal point:
 * DuckDB then reads them as text ("1000,5"), which no petrophysics operator takes. The warning
 * names the columns and the setting that reads them as numbers (source.csv 1.1.0's `decimal`).
 * Numbers written with thousands separators ("12,345,678", "1,000.5") are text too, but the
 * decimal comma would misread them (1,000 as 1): such columns are named apart, and so are columns
 * whose only commas could be either ("1,000", "2,500": one to three digits, a comma, three digits).
 */
import { Type, type DataType, type Table } from 'apache-arrow';

/** A number written with a decimal comma (an optional sign, digits, a comma, digits). */
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;
/** A decimal comma that could as well be a thousands separator (1,000). */
const EITHER = /^[+-]?\d{1,3},\d{3}$/;
/** Thousands separators that cannot be a decimal comma (12,345,678 or 1,000.5). */
const THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
/** A whole number (allowed among decimal-comma values of the same column). */
const WHOLE = /^[+-]?\d+$/;
/** Values looked at per column. */
const LOOK = 200;

/** How the commas of a text column of numbers read. */
type CommaKind = 'decimal' | 'either' | 'thousands';

/** The kind of the first non-empty values of text column `i` (undefined: not numbers with commas). */
function commaColumn(table: Table, i: number): CommaKind | undefined {
  const col = table.getChildAt(i);
  if (!col) return undefined;
  let decimal = 0;
  let either = 0;
  let thousands = 0;
  let seen = 0;
  for (let r = 0; r < col.length && seen < LOOK; r++) {
    const raw: unknown = col.get(r);
    if (typeof raw !== 'string' || raw.trim() === '') continue;
    const v = raw.trim();
    seen++;
    if (EITHER.test(v)) either++;
    else if (DECIMAL_COMMA.test(v)) decimal++;
    else if (THOUSANDS.test(v)) thousands++;
    else if (!WHOLE.test(v)) return undefined;
  }
  if (decimal > 0) return thousands > 0 ? undefined : 'decimal';
  if (thousands > 0) return 'thousands';
  return either > 0 ? 'either' : undefined;
}

const quoted = (names: readonly string[]): string => names.map((n) => `"${n}"`).join(', ');
const subject = (names: readonly string[]): string =>
  `${names.length === 1 ? 'column' : 'columns'} ${quoted(names)} ${names.length === 1 ? 'holds' : 'hold'}`;

/** The warning for `table` read from `fileName` (undefined when no column looks so). */
export function decimalCommaWarning(fileName: string, table: Table): string | undefined {
  const kinds: Record<CommaKind, string[]> = { decimal: [], either: [], thousands: [] };
  table.schema.fields.forEach((f, i) => {
    const id = (f.type as DataType).typeId;
    if (id !== Type.Utf8 && id !== Type.LargeUtf8) return;
    const kind = commaColumn(table, i);
    if (kind) kinds[kind].push(f.name);
  });
  const notes: string[] = [];
  if (kinds.decimal.length > 0)
    notes.push(
      `${subject(kinds.decimal)} numbers written with a decimal comma (such as 1000,5), read as text: set this node's "Decimal separator" to "," (source.csv 1.1.0) to read them as numbers.`,
    );
  if (kinds.thousands.length > 0)
    notes.push(
      `${subject(kinds.thousands)} numbers written with thousands separators (such as 12,345,678), read as text: remove the separators from the file (Petroflow reads none; do not set "Decimal separator" to ",", which would misread them).`,
    );
  if (kinds.either.length > 0)
    notes.push(
      `${subject(kinds.either)} numbers such as 1,000, read as text: if the comma separates thousands, remove it from the file (Petroflow reads no thousands separators); if it is a decimal comma (1,000 meaning 1), set this node's "Decimal separator" to "," (source.csv 1.1.0).`,
    );
  if (notes.length === 0) return undefined;
  const sentences = notes.map((n, i) =>
    i === 0 ? n : `${n[0]?.toUpperCase() ?? ''}${n.slice(1)}`,
  );
  return `${fileName}: ${sentences.join(' ')}`;
}
