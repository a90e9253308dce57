/**
 * Splits one data line into token boundaries (no strings made). SPACE: runs of blanks separate
 * tokens. TAB/COMMA: the delimiter separates fields, fields are trimmed, an empty field is a token
 * (a missing value) except after the last delimiter. A token starting with a double or single quote
 * runs to the matching quote (LAS 3.0 quoted strings; the quotes are dropped).
 */
import { lineEnd } from './lines.ts';
import type { LasDelimiter } from './types.ts';

/** Last answer of `spaceQuoteEnd` for one quote character. */
interface QuoteMemo {
  b: Uint8Array | null;
  end: number;
  from: number;
  until: number;
  result: number;
}

/** Memory of `spaceQuoteEnd`, one per reader of a data section (never shared between files). */
export class QuoteMemos {
  readonly double: QuoteMemo = { b: null, end: 0, from: 0, until: 0, result: -1 };
  readonly single: QuoteMemo = { b: null, end: 0, from: 0, until: 0, result: -1 };
}

/** Reusable token boundary buffers. */
export class Tokens {
  readonly quotes = new QuoteMemos();
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

/**
 * Position of the closing quote `q` after `s`, before the line end; -1 if none. With `doubled`, a
 * doubled quote (`""`) is an escaped quote inside the string (CSV style), not its end.
 */
function closingQuote(b: Uint8Array, s: number, end: number, q: number, doubled = false): number {
  for (let i = s + 1; i < end; i++) {
    const c = b[i]!;
    if (c === q) {
      if (doubled && i + 1 < end && b[i + 1] === q) {
        i++;
        continue;
      }
      return i;
    }
    if (c === 10 || c === 13) return -1;
  }
  return -1;
}

/**
 * SPACE data: the quote `q` that closes the string opened at `p`: the first one followed by a
 * blank or the line end (so `'it's "x"'` is one string); -1 when there is none on the line.
 */
export function spaceQuoteEnd(
  b: Uint8Array,
  p: number,
  end: number,
  q: number,
  memo: QuoteMemos,
): number {
  // The answer for p also holds for any later p' before it (or before the line end when there is
  // none): remembering it keeps a line of many unclosed quotes linear, not quadratic.
  const m = q === 34 ? memo.double : memo.single;
  if (m.b === b && m.end === end && p >= m.from && p < m.until) return m.result;
  let i = p + 1;
  let result = -1;
  for (; i < end; i++) {
    const c = b[i]!;
    if (c === 10 || c === 13) break;
    if (c === q && (i + 1 >= end || b[i + 1]! <= 32)) {
      result = i;
      break;
    }
  }
  Object.assign(m, { b, end, from: p, until: i, result });
  return result;
}

/**
 * True when the token `b[s, e)` was written in quotes (the tokenizers drop them: the quote sits
 * just before `s` and just at `e`). A quoted value is text as written: never the NULL value, never
 * split as run-on numbers, and evidence of a text curve in SPACE data.
 */
export function isQuoted(b: Uint8Array, s: number, e: number): boolean {
  const q = s > 0 ? b[s - 1] : undefined;
  return (q === 34 || q === 39) && b[e] === q;
}

/** The text of a quoted token with its doubled quotes made single (`a ""b""` -> `a "b"`). */
export function unescapeQuotes(b: Uint8Array, s: number, e: number, text: string): string {
  const q = b[s - 1];
  if (s === 0 || (q !== 34 && q !== 39) || b[e] !== q) return text;
  const quote = String.fromCharCode(q);
  return text.includes(quote + quote) ? text.split(quote + quote).join(quote) : text;
}

/**
 * True when the `#` at `p` starts a comment running to the line end: it stands alone (a blank or
 * the line end follows), as in `1500.0 45.2  # bad hole`. lasio drops everything after any `#`;
 * `#N/A` or `-1.#IND` are values (null spellings), so a `#` glued to text is not a comment.
 */
export function inlineComment(b: Uint8Array, p: number, end: number): boolean {
  return p + 1 >= end || b[p + 1]! <= 32;
}

/**
 * Blank around a TAB/COMMA field: a space, or a control character other than a line break and the
 * delimiter (a tab in COMMA data; a DOS end-of-file Ctrl-Z on the last line made a row of nulls).
 */
function isPad(c: number, dlm: number): boolean {
  return c === 32 || (c < 32 && c !== 10 && c !== 13 && c !== dlm);
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
      if (c === 0x23 && inlineComment(b, p, end)) return lineEnd(b, p, end);
      if (c === 34 || c === 39) {
        const q = spaceQuoteEnd(b, p, end, c, t.quotes);
        if (q > 0) {
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
    while (p < end && isPad((c = b[p]!), dlm)) p++;
    if (p >= end || c === 10 || c === 13) {
      return p;
    }
    if (c === 0x23 && inlineComment(b, p, end)) return lineEnd(b, p, end);
    let s = p;
    let e: number;
    if (c === 34 || c === 39) {
      const q = closingQuote(b, p, end, c, true);
      if (q > 0) {
        s = p + 1;
        e = q;
        p = q + 1;
      } else e = -1;
    } else e = -1;
    while (p < end && (c = b[p]!) !== dlm && c !== 10 && c !== 13) p++;
    if (e < 0) {
      e = p;
      while (e > s && isPad(b[e - 1]!, dlm)) e--;
    }
    t.push(s, e);
    if (p < end && b[p] === dlm) {
      p++;
      // A delimiter followed only by blanks up to the line end ends the line (no trailing field).
      let r = p;
      while (r < end && isPad(b[r]!, dlm)) r++;
      if (r >= end || b[r] === 10 || b[r] === 13) return r;
    } else return p;
  }
}
