/**
 * Data cells as the LAS writer writes them: numbers in shortest round-trip form, text as one
 * token the reader gives back unchanged. Arrow types whose values are not plain numbers or strings
 * are written as what they mean: a Decimal `123.45` (Arrow gives its unscaled integer words, which
 * were written as a quoted JSON blob), a date or timestamp as ISO text (Arrow gives epoch
 * milliseconds, which were written as numbers such as 1577934245000).
 */
import { DataType, DateUnit, util } from 'apache-arrow';
import { readsBackAsText } from './plainText.ts';

/** True when quoting `s` in `q` would end the string early: `q` followed by a blank inside it. */
function closesEarly(s: string, q: string): boolean {
  for (let i = s.indexOf(q); i >= 0 && i + 1 < s.length; i = s.indexOf(q, i + 1))
    if (/\s/.test(s[i + 1]!)) return true;
  return false;
}

/**
 * A text value as one data token: line breaks become blanks (a value cannot span lines); quoted
 * when it has blanks or quotes, is empty, starts with `#` (a lone `#` starts a comment) or would
 * read back as a number, a null or run-on numbers (`0012`, `NA`, `1.5-2.5`), in the quote the
 * reader will not see as closing early (`'it's "x"'`).
 */
export function textToken(text: string): string {
  const s = text.replace(/[\r\n]+/g, ' ');
  if (s !== '' && !/[\s"']/.test(s) && s[0] !== '#' && readsBackAsText(s)) return s;
  return closesEarly(s, '"') ? `'${s}'` : `"${s}"`;
}

/** The exact decimal text of `unscaled` x 10^-scale (`12345n`, 2 -> `123.45`). */
export function decimalText(unscaled: bigint, scale: number): string {
  if (scale <= 0) return String(unscaled * 10n ** BigInt(-scale));
  const neg = unscaled < 0n;
  const digits = (neg ? -unscaled : unscaled).toString().padStart(scale + 1, '0');
  const frac = digits.slice(-scale).replace(/0+$/, '');
  return (neg ? '-' : '') + digits.slice(0, -scale) + (frac ? '.' + frac : '');
}

type BigNumArg = Parameters<typeof util.bigNumToBigInt>[0];

function plainCell(v: unknown, nullText: string): string {
  if (v === null || v === undefined) return nullText;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : nullText;
  if (typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (v instanceof Date) return textToken(v.toISOString());
  return textToken(typeof v === 'string' ? v : JSON.stringify(v));
}

/**
 * Reads values of a column of `type` as numbers (null when a value is not one): a Decimal gives its
 * scaled value and an Int64 a bigint, neither of which is a `number` (a Decimal index was written
 * with empty STRT/STOP/STEP).
 */
export function numberReader(type: DataType): (v: unknown) => number | null {
  const scale = DataType.isDecimal(type) ? type.scale : null;
  return (v) => {
    if (typeof v === 'number') return v;
    if (typeof v === 'bigint') return Number(v);
    if (scale !== null && ArrayBuffer.isView(v))
      return Number(decimalText(util.bigNumToBigInt(v as BigNumArg), scale));
    return null;
  };
}

/** True when `cellWriter` writes values of `type` as text (strings, dates, timestamps). */
export function writtenAsText(type: DataType): boolean {
  return (
    DataType.isUtf8(type) ||
    DataType.isLargeUtf8(type) ||
    DataType.isDate(type) ||
    DataType.isTimestamp(type)
  );
}

/** Writes the values of one column of `type`: nulls (and NaN, Infinity) as `nullText`. */
export function cellWriter(type: DataType, nullText: string): (v: unknown) => string {
  if (DataType.isDecimal(type)) {
    const scale = type.scale;
    return (v) =>
      ArrayBuffer.isView(v)
        ? decimalText(util.bigNumToBigInt(v as BigNumArg), scale)
        : plainCell(v, nullText);
  }
  if (DataType.isDate(type) || DataType.isTimestamp(type)) {
    const dayOnly = DataType.isDate(type) && type.unit === DateUnit.DAY;
    return (v) => {
      const ms = v instanceof Date ? v.getTime() : typeof v === 'number' ? v : NaN;
      // Beyond +-8.64e15 ms a Date is invalid (toISOString throws).
      if (!(Math.abs(ms) <= 8.64e15)) return plainCell(v, nullText);
      const iso = new Date(ms).toISOString();
      return textToken(dayOnly ? iso.slice(0, 10) : iso);
    };
  }
  return (v) => plainCell(v, nullText);
}
