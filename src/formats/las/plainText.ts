/**
 * Whether a text value can be written bare in SPACE data and read back as the same text: the
 * reader takes a bare token for a number when it parses as one (`0012` -> 12, `1,5` -> 1.5,
 * `1e999`), for a null when it is a null spelling (`NA`, `-`), and splits `1.5-2.5` as run-on
 * numbers. Such text must be quoted (a quoted value is text as written, see `isQuoted`).
 */
import { commaDecimal, parseNumberText } from './number.ts';
import { isNullSpelling } from './nulls.ts';
import { splitRunOn } from './runOn.ts';

/** True when the bare token `word` (no blanks, no quotes) reads back as the text `word`. */
export function readsBackAsText(word: string): boolean {
  if (!Number.isNaN(parseNumberText(word)) || isNullSpelling(word)) return false;
  if (!Number.isNaN(commaDecimal(word)) || Math.abs(Number(word)) === Infinity) return false;
  const b = new TextEncoder().encode(word);
  return splitRunOn(b, 0, b.length) === null;
}
