/**
 * Hot path for the common case (SPACE delimiter, unwrapped): one pass over the bytes, numbers
 * parsed while the token is scanned (Clinger fast path inline, see number.ts), stored straight into
 * the batch's Float64Array. Anything unusual (text columns, quotes, exponents, bad tokens, long
 * mantissas) is handed to the general `store`, which gives the same results.
 */
import { POW10 } from './number.ts';
import { spaceQuoteEnd, type QuoteMemos } from './tokens.ts';

/** What the hot path writes into: the DataParser's current batch and its general methods. */
export interface FastTarget {
  readonly b: Uint8Array;
  readonly end: number;
  readonly nCols: number;
  /** NaN when the file declares no NULL value (NaN never equals a parsed value). */
  readonly nullNumber: number;
  pos: number;
  line: number;
  nums: (Float64Array | null)[];
  /** Memory of quote searches on the current data (see spaceQuoteEnd). */
  readonly quotes: QuoteMemos;
  /** Returns the columns the token filled (more than 1 for run-on values). */
  store(col: number, row: number, s: number, e: number): number;
  setNull(col: number, row: number): void;
  finishRow(row: number, count: number, line: number): void;
}

/** Parses rows from `t.pos` until `max` rows or the section end; returns the number of rows. */
export function parseSpaceRows(t: FastTarget, max: number): number {
  const { b, end, nCols, nums } = t;
  const nullValue = t.nullNumber;
  let p = t.pos;
  let row = 0;
  while (p < end && row < max) {
    let c = b[p]!;
    while (c === 32 || c === 9) c = b[++p]!;
    let col = 0;
    if (c === 35) while (c !== 10 && c !== 13 && p < end) c = b[++p]!;
    else
      for (;;) {
        while (c === 32 || c === 9 || (c < 32 && c !== 10 && c !== 13)) c = b[++p]!;
        if (!(c > 32)) break;
        if (c === 35 && !(b[p + 1]! > 32)) {
          // A `#` standing alone starts a comment to the line end (inlineComment in tokens.ts).
          while (c !== 10 && c !== 13 && p < end) c = b[++p]!;
          break;
        }
        const s = p;
        const arr = col < nCols ? nums[col] : undefined;
        if (arr && c !== 34 && c !== 39) {
          const neg = c === 45;
          if (neg || c === 43) c = b[++p]!;
          let mant = 0;
          let sig = 0;
          let exp = 0;
          let any = false;
          while (c >= 48 && c <= 57) {
            any = true;
            if (mant !== 0 || c !== 48) {
              if (sig < 16) mant = mant * 10 + (c - 48);
              else exp++;
              sig++;
            }
            c = b[++p]!;
          }
          if (c === 46) {
            c = b[++p]!;
            while (c >= 48 && c <= 57) {
              any = true;
              if (mant !== 0 || c !== 48) {
                if (sig < 16) {
                  mant = mant * 10 + (c - 48);
                  exp--;
                }
                sig++;
              } else exp--;
              c = b[++p]!;
            }
          }
          if (any && !(c > 32) && sig <= 15 && exp <= 22 && exp >= -22) {
            let v = exp >= 0 ? mant * POW10[exp]! : mant / POW10[-exp]!;
            if (neg) v = -v;
            if (v !== nullValue) arr[row] = v;
            else if (col !== 0) t.setNull(col, row);
            else t.store(col, row, s, p);
            col++;
            continue;
          }
        }
        if (c === 34 || c === 39) {
          const e = spaceQuoteEnd(b, p, end, c, t.quotes);
          if (e > 0) {
            if (col < nCols) t.store(col, row, s + 1, e);
            p = e + 1;
            c = b[p]!;
            col++;
            continue;
          }
        }
        while (c > 32) c = b[++p]!;
        col += col < nCols ? t.store(col, row, s, p) : 1;
      }
    if (col > 0) {
      if (col !== nCols) t.finishRow(row, col, t.line);
      row++;
    }
    if (c === 13) {
      p++;
      if (b[p] === 10) p++;
    } else if (c === 10) p++;
    else if (p < end) p = end;
    t.line++;
  }
  t.pos = p;
  return row;
}
