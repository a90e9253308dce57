/** Byte-level line helpers: LF, CRLF and lone CR all end a line. */

/** Position of the first CR or LF at or after `pos` (or `end`). */
export function lineEnd(b: Uint8Array, pos: number, end: number): number {
  while (pos < end) {
    const c = b[pos]!;
    if (c === 10 || c === 13) return pos;
    pos++;
  }
  return end;
}

/** Position just after the line break at `pos` (CRLF counts as one break). */
export function afterBreak(b: Uint8Array, pos: number, end: number): number {
  if (pos >= end) return end;
  return b[pos] === 13 && pos + 1 < end && b[pos + 1] === 10 ? pos + 2 : pos + 1;
}

/** Number of line breaks in `b[from, to)`. */
export function countBreaks(b: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = b[i]!;
    if (c === 10) n++;
    else if (c === 13) {
      n++;
      if (i + 1 < to && b[i + 1] === 10) i++;
    }
  }
  return n;
}

/**
 * Start of the next line at or after `from` whose first non-blank byte is `~` (a section title),
 * or `end`. Uses the native `indexOf`, so a long data section is skipped at memory speed.
 */
export function nextSectionStart(b: Uint8Array, from: number, end: number): number {
  let i = from;
  while (i < end) {
    const t = b.indexOf(0x7e, i);
    if (t < 0 || t >= end) return end;
    let s = t;
    while (s > from && (b[s - 1] === 32 || b[s - 1] === 9)) s--;
    if (s === from || b[s - 1] === 10 || b[s - 1] === 13) return s;
    i = t + 1;
  }
  return end;
}
