/**
 * Reading a number typed in a parameter field as people write it: a decimal point or a decimal
 * comma ("0,05"), exponents ("1e-3"), a leading sign or bare fraction ("-.5"), spaces around it.
 * Anything else is refused with a message naming the field and what to write, never guessed.
 */
import { err, ok, type Result } from '../model/result.ts';

/** What the field holds: integer fields refuse fractions. */
export interface NumberFieldInfo {
  /** The field's title, used in messages ("Water resistivity"). */
  readonly title: string;
  readonly integer: boolean;
}

// sign, digits with at most one decimal separator (point or comma), optional exponent
const shape = /^([+-]?)(\d*)(?:([.,])(\d*))?(?:[eE]([+-]?\d+))?$/;

const example = (f: NumberFieldInfo) => (f.integer ? 'e.g. 10' : 'e.g. 0.05 or 0,05');

function notANumber(text: string, f: NumberFieldInfo): string {
  const what = f.integer ? 'a whole number' : 'a number';
  return `${f.title}: "${text}" is not ${what}. Write digits${f.integer ? '' : ' with a point or a comma for decimals'}, ${example(f)}.`;
}

/**
 * The number a field's text stands for: `undefined` for an empty field, or a message saying what
 * is wrong. A comma is a decimal comma; "1,000" (comma then exactly three digits) is refused as
 * it could be a thousands separator, and so are mixed "1.234,5" and digit groups with spaces.
 */
export function parseNumberText(
  raw: string,
  field: NumberFieldInfo,
): Result<number | undefined, string> {
  const text = raw.trim();
  if (text === '') return ok(undefined);
  const plain = text.replace(/^\u2212/, '-');
  const m = shape.exec(plain);
  if (!m) {
    if (/^[+-]?[\d.,\s']+$/.test(plain) && /\d/.test(plain)) {
      return err(
        `${field.title}: "${text}" mixes separators or groups digits. Write the number without thousands separators and with one decimal point or comma, ${example(field)}.`,
      );
    }
    return err(notANumber(text, field));
  }
  const [, sign = '', int = '', sep, frac = '', exp] = m;
  if (int === '' && frac === '') return err(notANumber(text, field));
  if (sep === ',' && frac.length === 3 && /^[1-9]/.test(int) && exp === undefined) {
    const asDecimal = `${int}.${frac}`;
    return err(
      `${field.title}: "${text}" is ambiguous: it could be ${int}${frac} (comma separating thousands) or ${Number(asDecimal)} (decimal comma). Write ${int}${frac} or ${asDecimal}.`,
    );
  }
  const value = Number(`${sign}${int || '0'}.${frac || '0'}${exp === undefined ? '' : `e${exp}`}`);
  if (!Number.isFinite(value)) {
    return err(
      `${field.title}: "${text}" is too large to be a number here. Write a smaller value.`,
    );
  }
  if (field.integer && !Number.isInteger(value)) {
    return err(
      `${field.title}: "${text}" is not a whole number. Write a whole number, e.g. ${Math.floor(value)} or ${Math.ceil(value)}.`,
    );
  }
  return ok(Object.is(value, -0) ? 0 : value);
}

/** The text a field shows for a stored value (a stored string is text the user typed, kept as is). */
export function numberToText(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return typeof value === 'string' ? value : '';
}
