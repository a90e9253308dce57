/**
 * Splits one header line `MNEM.UNIT  VALUE : DESCRIPTION` by hand-written scanning (linear time;
 * no regular expressions). Rules, from the LAS 2.0 spec with lasio's refinements:
 * - the mnemonic ends at the first dot; except when a `..` right after a non-blank comes before
 *   the first colon and the text before it has no run of two blanks (`Cond..MS/M` -> mnemonic
 *   `Cond.`, unit `MS/M`, as lasio reads issue-264-dot-delimiter; `DEPT ..M` -> `DEPT`, unit `.M`,
 *   as lasio reads it too) and except a leading dot followed by another dot before the first colon
 *   (` .ILM .OHMM` -> `ILM`);
 * - the unit runs from that dot to the first blank (so `hh:mm` and `klbf.ft` are units); trailing
 *   dots and surrounding brackets (`[M]`) are dropped, as lasio does;
 * - the description starts after a colon that is not between two digits (time values such as
 *   `23:15` or `07:44:12-05:00` keep theirs). The 2.0 spec says "the last colon", yet real files
 *   put colons both in descriptions (`23:15 23-JAN-2001:   Time Logger: At Bottom`) and in values
 *   (`Water depth: 3642 ft     :Elevation`). When a line has several candidates, the one nearest
 *   to `preferredColumn` wins: the column where the other lines of the section put their single
 *   colon (writers align it); without that hint, the first candidate.
 */

/** The four raw fields of a header line, trimmed. */
export interface HeaderFields {
  readonly mnemonic: string;
  readonly unit: string;
  readonly value: string;
  readonly description: string;
}

function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/**
 * Positions of the colons at or after `from` that are not between two digits. A value in double
 * quotes right at `from` (`WELL.  "A : B"  : WELL`, as writeLas writes a value holding a colon)
 * holds no candidate.
 */
export function candidateColons(s: string, from: number): number[] {
  const out: number[] = [];
  let start = from;
  while (isBlank(s[start])) start++;
  if (s[start] === '"') {
    const close = s.indexOf('"', start + 1);
    if (close > 0) start = close + 1;
  }
  for (let i = s.indexOf(':', start); i >= 0; i = s.indexOf(':', i + 1)) {
    if (!(isDigit(s[i - 1]) && isDigit(s[i + 1]))) out.push(i);
  }
  return out;
}

function pickColon(c: readonly number[], preferred: number | undefined): number {
  if (c.length === 0) return -1;
  if (preferred === undefined || c.length === 1) return c[0]!;
  let best = c[0]!;
  for (const x of c) if (Math.abs(x - preferred) < Math.abs(best - preferred)) best = x;
  return best;
}

function hasDoubleBlank(s: string, end: number): boolean {
  for (let i = 1; i < end; i++) if (isBlank(s[i]) && isBlank(s[i - 1])) return true;
  return false;
}

/** Where the mnemonic ends (index of its terminating dot) and where the unit starts. */
function mnemonicEnd(s: string): { end: number; unitStart: number; skip: number } | null {
  const firstColon = s.indexOf(':');
  const limit = firstColon < 0 ? s.length : firstColon;
  // `LOGTYPE :TT5.00`: a colon next to a blank before any dot means there is no unit dot.
  if (
    firstColon > 0 &&
    s.indexOf('.') > firstColon &&
    (isBlank(s[firstColon - 1]) || isBlank(s[firstColon + 1]))
  )
    return null;
  const dd = s.indexOf('..');
  if (dd > 0 && dd < limit && !isBlank(s[dd - 1]) && !hasDoubleBlank(s, dd))
    return { end: dd + 1, unitStart: dd + 2, skip: 0 };
  let skip = 0;
  if (s[0] === '.' && !isBlank(s[1])) {
    const second = s.indexOf('.', 1);
    if (second > 0 && second < limit) skip = 1;
  }
  const dot = s.indexOf('.', skip);
  if (dot < 0) return null;
  return { end: dot, unitStart: dot + 1, skip };
}

/** Where the unit ends in a line (the value starts there), or -1 when the line has no unit dot. */
export function valueStart(s: string): number {
  const m = mnemonicEnd(s);
  if (!m) return -1;
  let u = m.unitStart;
  while (u < s.length && !isBlank(s[u])) {
    if (s[u] === ':' && (u + 1 >= s.length || isBlank(s[u + 1]))) break;
    u++;
  }
  return u;
}

/**
 * Parses a trimmed, non-comment header line. Returns null when the line has no dot and no colon
 * (it is not a header item). A line with a colon but no dot gives a mnemonic and a value.
 * `preferredColumn` is the delimiter colon's usual position in the section (same coordinates as `s`).
 */
export function parseHeaderLine(s: string, preferredColumn?: number): HeaderFields | null {
  const m = mnemonicEnd(s);
  if (!m) {
    const colon = s.indexOf(':');
    if (colon < 0) return null;
    return {
      mnemonic: s.slice(0, colon).trim(),
      unit: '',
      value: s.slice(colon + 1).trim(),
      description: '',
    };
  }
  const mnemonic = s.slice(m.skip, m.end).trim();
  const u = valueStart(s);
  let unit = s.slice(m.unitStart, u);
  while (unit.endsWith('.')) unit = unit.slice(0, -1);
  if (unit.length > 1 && unit[0] === '[' && unit.endsWith(']')) unit = unit.slice(1, -1);
  const colon = pickColon(candidateColons(s, u), preferredColumn);
  const value = (colon < 0 ? s.slice(u) : s.slice(u, colon)).trim();
  const description = colon < 0 ? '' : s.slice(colon + 1).trim();
  return { mnemonic, unit, value, description };
}
