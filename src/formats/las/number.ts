/**
 * Exact decimal parsing straight from bytes (the data section hot path).
 *
 * Accepted syntax: `[+-]? (digits [. digits?] | . digits) ([eEdD] [+-]? digits)?` (Fortran's `D`
 * exponent included). Clinger's fast path: when the significant digits form an integer below 2^53
 * (at most 15 digits) and the power of ten is within +-22, both operands are exact doubles and one
 * IEEE multiply or divide gives the correctly rounded result, identical to `Number(token)`.
 * Otherwise the token is handed to `Number()`. Non-numbers and non-finite results give NaN.
 */

/** Exact powers of ten 10^0..10^22 (all exactly representable as doubles). */
export const POW10: readonly number[] = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** ASCII text of syntax-checked number bytes (one native decode: no per-character string growth). */
const ascii = new TextDecoder('latin1');

function slowPath(b: Uint8Array, start: number, end: number): number {
  // The caller checked the syntax, so the bytes are ASCII digits, signs, '.', and one exponent letter.
  const v = Number(ascii.decode(b.subarray(start, end)).replace(/[dD]/, 'e'));
  return Number.isFinite(v) ? v : NaN;
}

/** Parses `b[start, end)` as a decimal number; NaN when it is not one (or overflows). */
export function parseNumberBytes(b: Uint8Array, start: number, end: number): number {
  let i = start;
  if (i >= end) return NaN;
  let c = b[i]!;
  const neg = c === 0x2d;
  if (neg || c === 0x2b) i++;
  let mant = 0;
  let sig = 0;
  let exp10 = 0;
  let anyDigit = false;
  for (; i < end; i++) {
    const d = b[i]! - 0x30;
    if (d < 0 || d > 9) break;
    anyDigit = true;
    if (mant !== 0 || d !== 0) {
      if (sig < 16) mant = mant * 10 + d;
      else exp10++;
      sig++;
    }
  }
  if (i < end && b[i] === 0x2e) {
    for (i++; i < end; i++) {
      const d = b[i]! - 0x30;
      if (d < 0 || d > 9) break;
      anyDigit = true;
      if (mant !== 0 || d !== 0) {
        if (sig < 16) {
          mant = mant * 10 + d;
          exp10--;
        }
        sig++;
      } else exp10--;
    }
  }
  if (!anyDigit) return NaN;
  if (i < end) {
    c = b[i]! | 0x20;
    if (c !== 0x65 && c !== 0x64) return NaN;
    i++;
    let eneg = false;
    if (i < end && (b[i] === 0x2d || b[i] === 0x2b)) eneg = b[i++] === 0x2d;
    let e = 0;
    let expDigits = 0;
    for (; i < end; i++) {
      const d = b[i]! - 0x30;
      if (d < 0 || d > 9) return NaN;
      if (e < 100000) e = e * 10 + d;
      expDigits++;
    }
    if (expDigits === 0) return NaN;
    exp10 += eneg ? -e : e;
  }
  if (mant === 0) return neg ? -0 : 0;
  if (sig > 15 || exp10 > 22 || exp10 < -22) return slowPath(b, start, end);
  const v = exp10 >= 0 ? mant * POW10[exp10]! : mant / POW10[-exp10]!;
  return neg ? -v : v;
}

/** Parses a JavaScript string with the same rules (header values, tests). */
export function parseNumberText(s: string): number {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7f) return NaN;
    b[i] = c;
  }
  return parseNumberBytes(b, 0, b.length);
}

/**
 * A header value that is a number: decimal syntax, finite, and no leading zero before another digit
 * (`0512345678` is an identifier and stays text, `0.216` is a number).
 */
export function headerNumber(s: string): number | null {
  if (s.length === 0) return null;
  let i = s[0] === '-' || s[0] === '+' ? 1 : 0;
  if (s[i] === '0' && i + 1 < s.length && s.charCodeAt(i + 1) >= 48 && s.charCodeAt(i + 1) <= 57)
    return null;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // Only digits, '.', 'e/E', signs: rejects Fortran 'D', hex, 'Infinity' in header values.
    if (!((c >= 48 && c <= 57) || c === 46 || c === 101 || c === 69 || c === 43 || c === 45))
      return null;
  }
  const v = parseNumberText(s);
  return Number.isNaN(v) ? null : v;
}

/**
 * `123,42` read with a comma decimal mark (one comma, no point, a digit before it); NaN otherwise.
 * Used in SPACE/TAB data only, where a comma cannot be a delimiter.
 */
export function commaDecimal(text: string): number {
  const comma = text.indexOf(',');
  if (comma <= 0 || comma !== text.lastIndexOf(',') || text.includes('.')) return NaN;
  return parseNumberText(text.replace(',', '.'));
}

/**
 * A number written with the Unicode minus sign U+2212 (`−1.5`, from word processors and web
 * pages), read as `-1.5`; NaN when `text` has no U+2212 or is not a number with it replaced.
 */
export function unicodeMinus(text: string): number {
  return text.includes('\u2212') ? parseNumberText(text.replaceAll('\u2212', '-')) : NaN;
}
