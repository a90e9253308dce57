/**
 * A warning for text columns that are numbers but for a few other values: a missing-value mark
 * such as "N/A" or "-", a late stray word, or a row of units under the header (DEPT, GR then
 * M, GAPI, as many petrophysics exports write). DuckDB then types the whole column VARCHAR (as it
 * should: it cannot know), which no petrophysics operator takes; the warning names the column, the
 * other values and the first data row holding one, and what to do. Linear in the text columns' size
 * (a column stops being looked at once it is plainly text). A column of numbers only, some with a
 * leading "+" or trailing spaces (which DuckDB's detection refuses), is named too. Windows marks
 * such as -1.#IND count as numbers (csv-windows-marks.ts reads them as NaN and infinity).
 */
import { Type, type DataType, type Table } from 'apache-arrow';
import { isNumberOrMark, SIGNED_OR_PADDED } from './csv-number-text.ts';

/** A unit has a letter, a percent sign or a slash (M, GAPI, G/CC, %, v/v; not "(5)"). */
const UNIT = /[\p{L}%/]/u;
/** A whole number with a leading zero (an id such as 00123: text on purpose). */
const LEADING_ZERO = /^\s*[+-]?0\d/;
/** Other values listed at most (more than this: the column is text, not numbers). */
const MAX_OTHERS = 5;

/** A numeric-looking text column: its name, other values and first data row (1-based) of one. */
interface NumericText {
  readonly name: string;
  readonly numbers: number;
  readonly others: readonly string[];
  readonly count: number;
  readonly firstRow: number;
  /** The first number written with a "+" or trailing spaces, and its data row (1-based). */
  readonly odd?: { readonly value: string; readonly row: number };
}

function numericText(table: Table, i: number, name: string): NumericText | undefined {
  const col = table.getChildAt(i);
  if (!col) return undefined;
  let numbers = 0;
  let count = 0;
  let firstRow = 0;
  const others = new Set<string>();
  let odd: NumericText['odd'];
  let zeros = false;
  for (let r = 0; r < col.length; r++) {
    const v: unknown = col.get(r);
    if (typeof v !== 'string' || v.trim() === '') continue;
    if (isNumberOrMark(v)) {
      numbers++;
      if (!odd && SIGNED_OR_PADDED.test(v)) odd = { value: v, row: r + 1 };
      zeros ||= LEADING_ZERO.test(v);
      continue;
    }
    count++;
    firstRow ||= r + 1;
    others.add(v);
    // Plainly text: several kinds of words, or words as common as numbers.
    if (others.size > MAX_OTHERS || (count > 20 && count * 4 > numbers)) return undefined;
  }
  // Mostly numbers; or, in a short file, numbers under one word in the first row (a unit).
  // Numbers only, some with a "+" or trailing spaces (and no id with leading zeros).
  if (count === 0 && odd && !zeros) return { name, numbers, others: [], count, firstRow, odd };
  const unit = count === 1 && firstRow === 1 && numbers > 0 && UNIT.test([...others][0] ?? '');
  if (count === 0 || (numbers < count * 4 && !unit)) return undefined;
  return { name, numbers, others: [...others], count, firstRow };
}

/** The warnings for `table` read from `fileName` (none when no text column is so). */
export function numericTextWarnings(fileName: string, table: Table): string[] {
  const found = table.schema.fields.flatMap((f, i) => {
    const id = (f.type as DataType).typeId;
    if (id !== Type.Utf8 && id !== Type.LargeUtf8) return [];
    const t = numericText(table, i, f.name);
    return t ? [t] : [];
  });
  const odd = found.flatMap((f) => (f.odd && f.count === 0 ? [f] : []));
  const rest = found.filter((f) => f.count > 0);
  return [oddWarning(fileName, odd), othersWarning(fileName, rest)].filter((w) => w !== undefined);
}

/** The warning for text columns holding only numbers, some with a "+" or trailing spaces. */
function oddWarning(fileName: string, found: readonly NumericText[]): string | undefined {
  if (found.length === 0) return undefined;
  const one = found.length === 1;
  const cols = found
    .map((f) => `"${f.name}" (first "${f.odd?.value ?? ''}" at data row ${f.odd?.row ?? 0})`)
    .join(', ');
  const first = found[0]?.name ?? '';
  return `${fileName}: ${one ? 'column' : 'columns'} ${cols} ${one ? 'holds' : 'hold'} only numbers but ${one ? 'is' : 'are'} read as text: DuckDB's type detection does not take numbers written with a leading "+" or followed by spaces. Remove the "+" signs and spaces in the file, or convert in a sql node with TRY_CAST(trim("${first}") AS DOUBLE).`;
}

/** The warning for text columns of numbers but for a few other values. */
function othersWarning(fileName: string, found: readonly NumericText[]): string | undefined {
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
