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

/**
 * Values fused without a blank that all have a decimal point (`1234.5671234.567` from a fixed
 * format such as F8.3 with no separating blank): the number of points when the token is only
 * digits and at least two points (after an optional minus), else 0. Where one value ends cannot
 * be known, so lasio's `run-on(.)` policy reads such a token as two nulls.
 */
export function fusedPoints(b: Uint8Array, s: number, e: number): number {
  let points = 0;
  for (let i = b[s] === 0x2d ? s + 1 : s; i < e; i++) {
    if (b[i] === 0x2e) points++;
    else if (!isDigit(b[i])) return 0;
  }
  return points >= 2 ? points : 0;
}

/** Blank-separated tokens on the line holding byte `p` (a `#` standing alone ends the line). */
export function tokensOnLine(b: Uint8Array, p: number, end: number): number {
  let s = p;
  while (s > 0 && b[s - 1] !== 10 && b[s - 1] !== 13) s--;
  let n = 0;
  for (let i = s; i < end && b[i] !== 10 && b[i] !== 13;) {
    while (i < end && (b[i] === 32 || b[i] === 9)) i++;
    if (i >= end || b[i] === 10 || b[i] === 13) break;
    if (b[i] === 0x23 && !(b[i + 1]! > 32)) break;
    n++;
    while (i < end && b[i]! > 32) i++;
  }
  return n;
}

/**
 * Reads values fused with their points (`1234.5671234.567`) as one null per value they hold, as
 * far as their line is short of values (lasio's `run-on(.)` reads two nulls whatever the line), so
 * the values after them stay in their curves; a line with all its values keeps one null.
 */
export class FusedValues {
  /** Values the current line still lacks, and that line's number. */
  private spare = 0;
  private line = -1;
  constructor(private readonly nCols: number) {}

  /** Columns the token `b[s, e)` on `line` fills (at most `left`), or 0 when it is not such a run. */
  count(b: Uint8Array, s: number, e: number, end: number, line: number, left: number): number {
    const points = fusedPoints(b, s, e);
    if (points === 0) return 0;
    if (this.line !== line) {
      this.line = line;
      this.spare = this.nCols - tokensOnLine(b, s, end);
    }
    const n = 1 + Math.min(points - 1, this.spare, left - 1);
    if (n < 2) return 0;
    this.spare -= n - 1;
    return n;
  }
}
