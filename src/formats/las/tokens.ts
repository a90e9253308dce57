/**
 * Splits one data line into token boundaries (no strings made). SPACE: runs of blanks separate
 * tokens. TAB/COMMA: the delimiter separates fields, fields are trimmed, an empty field is a token
 * (a missing value) except after the last delimiter. A token starting with a double or single quote
 * runs to the matching quote (LAS 3.0 quoted strings; the quotes are dropped).
 */
import type { LasDelimiter } from './types.ts';

/** Reusable token boundary buffers. */
export class Tokens {
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  count = 0;
  /** True when the line's first non-blank character is `#`. */
  comment = false;

  push(s: number, e: number): void {
    if (this.count === this.starts.length) {
      const grow = (a: Int32Array) => {
        const n = new Int32Array(a.length * 2);
        n.set(a);
        return n;
      };
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
    }
    this.starts[this.count] = s;
    this.ends[this.count] = e;
    this.count++;
  }
}

/** The byte that separates fields, or 0 for SPACE. */
export function delimiterByte(d: LasDelimiter): number {
  return d === 'TAB' ? 9 : d === 'COMMA' ? 44 : 0;
}

/** Position of the closing quote `q` after `s`, before the line end; -1 if none. */
function closingQuote(b: Uint8Array, s: number, end: number, q: number): number {
  for (let i = s + 1; i < end; i++) {
    const c = b[i]!;
    if (c === q) return i;
    if (c === 10 || c === 13) return -1;
  }
  return -1;
}

/** Tokenizes the line starting at `pos`; returns the position of its line break (or `end`). */
export function tokenizeLine(
  b: Uint8Array,
  pos: number,
  end: number,
  dlm: number,
  t: Tokens,
): number {
  t.count = 0;
  t.comment = false;
  let p = pos;
  while (p < end && (b[p] === 32 || b[p] === 9)) p++;
  if (p < end && b[p] === 0x23) {
    t.comment = true;
    while (p < end && b[p] !== 10 && b[p] !== 13) p++;
    return p;
  }
  if (dlm === 0) {
    for (;;) {
      let c = 0;
      while (p < end && (c = b[p]!) <= 32 && c !== 10 && c !== 13) p++;
      if (p >= end || c === 10 || c === 13) return p;
      if (c === 34 || c === 39) {
        const q = closingQuote(b, p, end, c);
        const after = q < 0 ? 0 : (b[q + 1] ?? 10);
        if (q > 0 && (after <= 32 || q + 1 >= end)) {
          t.push(p + 1, q);
          p = q + 1;
          continue;
        }
      }
      const s = p;
      while (p < end && b[p]! > 32) p++;
      t.push(s, p);
    }
  }
  for (;;) {
    let c = 0;
    while (p < end && ((c = b[p]!) === 32 || (c === 9 && dlm !== 9))) p++;
    if (p >= end || c === 10 || c === 13) {
      return p;
    }
    let s = p;
    let e: number;
    if (c === 34 || c === 39) {
      const q = closingQuote(b, p, end, c);
      if (q > 0) {
        s = p + 1;
        e = q;
        p = q + 1;
      } else e = -1;
    } else e = -1;
    while (p < end && (c = b[p]!) !== dlm && c !== 10 && c !== 13) p++;
    if (e < 0) {
      e = p;
      while (e > s && (b[e - 1] === 32 || b[e - 1] === 9)) e--;
    }
    t.push(s, e);
    if (p < end && b[p] === dlm) {
      p++;
      // A delimiter followed only by blanks up to the line end ends the line (no trailing field).
      let r = p;
      while (r < end && (b[r] === 32 || (b[r] === 9 && dlm !== 9))) r++;
      if (r >= end || b[r] === 10 || b[r] === 13) return r;
    } else return p;
  }
}
