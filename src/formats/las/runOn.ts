/**
 * Run-on values: Fortran fixed-width output (F9.4, F10.4...) leaves no blank before a negative
 * number that fills its field, so `1234.5678-999.2500` is two values. lasio splits them by default
 * (its `run-on(-)` read policy, `(\d)-(\d)` -> `\1 -\2`); so do we, in SPACE-delimited data only,
 * and only when every piece is a number and every negative piece has a decimal point, as fixed
 * formats write them (so dates such as `2001-01-23` and ranges of integers are never split).
 */
import { parseNumberBytes } from './number.ts';

function isDigit(c: number | undefined): boolean {
  return c !== undefined && c >= 48 && c <= 57;
}

function hasPoint(b: Uint8Array, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (b[i] === 0x2e) return true;
  return false;
}

/**
 * Boundaries `[s, c1, c2, ..., e]` of the numbers the token `b[s, e)` runs together, or null when
 * it is not such a run (one number, a piece that is not a number, or a negative piece without a point).
 */
export function splitRunOn(b: Uint8Array, s: number, e: number): number[] | null {
  const cuts = [s];
  for (let i = s + 1; i < e - 1; i++)
    if (b[i] === 0x2d && isDigit(b[i - 1]) && (isDigit(b[i + 1]) || b[i + 1] === 0x2e))
      cuts.push(i);
  if (cuts.length === 1) return null;
  cuts.push(e);
  for (let k = 0; k + 1 < cuts.length; k++) {
    const ps = cuts[k]!;
    const pe = cuts[k + 1]!;
    if ((k > 0 && !hasPoint(b, ps, pe)) || Number.isNaN(parseNumberBytes(b, ps, pe))) return null;
  }
  return cuts;
}
