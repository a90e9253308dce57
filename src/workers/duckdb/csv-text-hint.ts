/**
 * A warning for text columns that are numbers but for a few other values: a missing-value mark
 * such as "N/A" or "-", a late stray word, or a row of units under the header (DEPT, GR then
 * M, GAPI, as many petrophysics exports write). DuckDB then types the whole column VARCHAR (as it
 * should: it cannot know), which no petrophysics operator takes; the warning names the column, the
 * other values and the first data row holding one, and what to do. Linear in the text columns' size
 * (a column stops being looked at once it is plainly text).
 */
import { Type, type DataType, type Table } from 'apache-arrow';

/** A number as DuckDB's DOUBLE cast reads it (nan and inf included). */
const NUMBER = /^\s*[+-]?((\d+\.?\d*|\.\d+)([eE][+-]?\d+)?|nan|inf|infinity)\s*$/i;
/** A unit has a letter, a percent sign or a slash (M, GAPI, G/CC, %, v/v; not "(5)"). */
const UNIT = /[\p{L}%/]/u;
/** Other values listed at most (more than this: the column is text, not numbers). */
const MAX_OTHERS = 5;

/** A numeric-looking text column: its name, other values and first data row (1-based) of one. */
interface NumericText {
  readonly name: string;
  readonly numbers: number;
  readonly others: readonly string[];
  readonly count: number;
  readonly firstRow: number;
}

function numericText(table: Table, i: number, name: string): NumericText | undefined {
  const col = table.getChildAt(i);
  if (!col) return undefined;
  let numbers = 0;
  let count = 0;
  let firstRow = 0;
  const others = new Set<string>();
  for (let r = 0; r < col.length; r++) {
    const v: unknown = col.get(r);
    if (typeof v !== 'string' || v.trim() === '') continue;
    if (NUMBER.test(v)) {
      numbers++;
      continue;
    }
    count++;
    firstRow ||= r + 1;
    others.add(v);
    // Plainly text: several kinds of words, or words as common as numbers.
    if (others.size > MAX_OTHERS || (count > 20 && count * 4 > numbers)) return undefined;
  }
  // Mostly numbers; or, in a short file, numbers under one word in the first row (a unit).
  const unit = count === 1 && firstRow === 1 && numbers > 0 && UNIT.test([...others][0] ?? '');
  if (count === 0 || (numbers < count * 4 && !unit)) return undefined;
  return { name, numbers, others: [...others], count, firstRow };
}

/** The warning for `table` read from `fileName` (undefined when no text column is so). */
export function numericTextWarning(fileName: string, table: Table): string | undefined {
  const found = table.schema.fields.flatMap((f, i) => {
    const id = (f.type as DataType).typeId;
    if (id !== Type.Utf8 && id !== Type.LargeUtf8) return [];
    const t = numericText(table, i, f.name);
    return t ? [t] : [];
  });
  if (found.length === 0) return undefined;
  const list = (vs: readonly string[]): string => vs.map((v) => `"${v}"`).join(', ');
  if (found.every((f) => f.count === 1 && f.firstRow === 1)) {
    const units = found.map((f) => `${f.name}: ${f.others[0] ?? ''}`).join(', ');
    const one = found.length === 1;
    return `${fileName}: the first data row (${units}) is not numbers though the rows under it are (a row of units under the header, or the real header under an extra line?), so ${one ? 'that column is' : 'those columns are'} read as text: remove the extra row from the file (units can go into the header, such as "DEPT (M)") to read ${one ? 'it' : 'them'} as numbers.`;
  }
  const parts = found.map(
    (f) =>
      `"${f.name}" (${f.numbers} numbers; other ${f.others.length === 1 ? 'value' : 'values'} ${list(f.others)}, first at data row ${f.firstRow})`,
  );
  return `${fileName}: ${found.length === 1 ? 'column' : 'columns'} ${parts.join(', ')} ${found.length === 1 ? 'is' : 'are'} read as text because of a few values that are not numbers: make them empty in the file (an empty value is missing), or convert in a sql node with TRY_CAST(column AS DOUBLE), which makes them null.`;
}
