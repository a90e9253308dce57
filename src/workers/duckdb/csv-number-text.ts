/**
 * Numbers as a CSV file writes them, for the checks that look at text columns (csv-text-hint.ts,
 * csv-windows-marks.ts): what DuckDB's DOUBLE cast reads ("12.5", "1e3", nan, inf), and the marks
 * old Windows C runtimes print for not-a-number and infinity (-1.#IND, 1.#QNAN, 1.#SNAN, -1.#INF,
 * 1.#INF, also with digits after as in -1.#IND0000, and with a decimal comma; the spellings the
 * LAS reader takes as nulls, src/formats/las/nulls.ts), which it does not.
 */

/** A number as DuckDB's DOUBLE cast reads it (nan and inf included). */
const NUMBER = /^\s*[+-]?((\d+\.?\d*|\.\d+)([eE][+-]?\d+)?|nan|inf|infinity)\s*$/i;

/** A Windows not-a-number or infinity mark: group 1 its sign, group 2 its kind (INF is infinity). */
export const WINDOWS_MARK = /^\s*([+-]?)\d+[.,]#(INF|IND|QNAN|SNAN)\d*\s*$/i;

/** A number DuckDB's detection refuses: a leading "+", or spaces after it. */
export const SIGNED_OR_PADDED = /^\s*\+|\s$/;

/**
 * Whether `v` is a number DuckDB's type detection takes as DOUBLE (its cast reads it, and it has no
 * leading "+" or trailing spaces), with `,` for the point when `comma`.
 */
export function isDetectedNumber(v: string, comma = false): boolean {
  return NUMBER.test(comma ? v.replace(',', '.') : v) && !SIGNED_OR_PADDED.test(v);
}

/** Whether `v` is a number or a Windows mark (a number written by an old Windows program). */
export function isNumberOrMark(v: string): boolean {
  return NUMBER.test(v) || WINDOWS_MARK.test(v);
}
