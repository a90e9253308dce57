/**
 * Guards around DuckDB's comment mark. DuckDB's sniffer (1.4) may take `#` for a comment mark on
 * its own, and then drops every line starting with `#` (a row such as `#12,1` included, even when
 * the file has no comment at all) and cuts every unquoted value at a `#` ("Well #3" read as
 * "Well "), silently. Yet a preamble of `#` lines before the header is not detected, so the first
 * comment line becomes the header and every value text. `scanComments` finds what the mark would
 * drop or cut (csv.ts then reads without it); `commentPreamble` finds the preamble (csv.ts then
 * skips its lines). One quote-aware pass, linear time.
 */
import { excelSepLine } from './csv-delimiter.ts';

const HASH = 0x23;
const LF = 10;
const CR = 13;

/** What the comment mark `#` does to a file (lines are 1-based file lines; 0: none). */
export interface CommentScan {
  /** Lines starting with `#` (after spaces), skipped as comments. */
  readonly lines: number;
  readonly first: number;
  /** First `#` line with as many values as the header: a row, not a comment. */
  readonly row: number;
  /** First other line with an unquoted `#` after its start: DuckDB cuts the value there. */
  readonly cut: number;
}

/**
 * Scans `b` (what follows `linesBefore` lines of the file) for comment lines and for data the
 * mark `#` would drop or cut, with `delimiter` and `"` quoting (see `CommentScan`); a row has
 * `columns` values (by default as many as the first other line, the header).
 */
export function scanComments(
  b: Uint8Array,
  delimiter: number,
  linesBefore = 0,
  columns = -1,
): CommentScan {
  let lines = 0;
  let first = 0;
  let row = 0;
  let cut = 0;
  let expected = columns;
  let line = linesBefore + 1;
  let i = 0;
  const n = b.length;
  while (i < n) {
    const at = line;
    let j = i;
    while (j < n && (b[j] === 0x20 || b[j] === 0x09)) j++;
    const comment = b[j] === HASH;
    let fields = 1;
    let quoted = false;
    let hash = false;
    let empty = true;
    for (; i < n; i++) {
      const c = b[i]!;
      if (c === LF || c === CR) {
        if (c === CR && b[i + 1] === LF) i++;
        line++;
        if (!quoted) break;
        continue;
      }
      empty = false;
      if (c === 0x22 && !comment) quoted = !quoted;
      else if (!quoted && c === delimiter) fields++;
      else if (!quoted && c === HASH && i !== j) hash = true;
    }
    if (i < n) i++;
    if (empty) continue;
    if (comment) {
      lines++;
      first ||= at;
      if (expected > 0 && fields === expected) row ||= at;
    } else {
      if (expected < 0) expected = fields;
      if (hash) cut ||= at;
    }
  }
  return { lines, first, row, cut };
}

/** A number as a CSV export writes one (so a line of them is data, not a header). */
const NUMBER = /^\s*[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?\s*$/;

/** The end of the line starting at `i` (after its line break; `b.length` at the end). */
function lineEnd(b: Uint8Array, i: number): number {
  let j = i;
  while (j < b.length && b[j] !== LF && b[j] !== CR) j++;
  if (b[j] === CR) j++;
  if (b[j] === LF) j++;
  return j;
}

/** Lines of a `#` preamble before the header, and their bytes (line breaks included). */
export interface CommentPreamble {
  readonly lines: number;
  readonly bytes: number;
}

/**
 * The lines beginning with `#` that `b` starts with, when a header line follows them (a line that
 * is not all numbers): read with `skip`, not with a comment mark, so no later value is cut at a
 * `#`. A `#` line followed by numbers is left alone: it may be a commented header (`# DEPT,GR`, as
 * numpy writes) over headerless data; so is a last `#` line with as many values as the header
 * line (`#,NAME` may be the header). Looks at 64 KiB at most.
 */
export function commentPreamble(b: Uint8Array): CommentPreamble | undefined {
  const limit = Math.min(b.length, 64 * 1024);
  let i = 0;
  let lines = 0;
  // Start of the last `#` line; blank lines count only after one.
  let last = -1;
  while (i < limit) {
    let j = i;
    while (j < limit && (b[j] === 0x20 || b[j] === 0x09)) j++;
    if (b[j] === HASH) last = i;
    else if (last < 0 || (b[j] !== LF && b[j] !== CR)) break;
    i = lineEnd(b, i);
    lines++;
  }
  if (last < 0 || i >= limit) return undefined;
  const decode = (from: number, to: number): string =>
    new TextDecoder().decode(b.subarray(from, to)).replace(/[\r\n]+$/, '');
  const end = lineEnd(b, i);
  // The header line must end within the window (else nothing is known).
  if (end > limit && limit < b.length) return undefined;
  const header = decode(i, end);
  if (header.trim() === '' || header.split(/[,;\t|]/).every((v) => NUMBER.test(v)))
    return undefined;
  const previous = decode(last, i);
  const headerLike = [',', ';', '\t', '|'].some((d) => {
    const n = header.split(d).length;
    return n >= 2 && previous.split(d).length === n;
  });
  return headerLike ? undefined : { lines, bytes: i };
}

/**
 * Lines DuckDB is to skip before the header of a file (or first chunk) `b`: Excel's `sep=` line,
 * then a `#` preamble; `bytes` is where the header line starts.
 */
export function headSkip(b: Uint8Array): { lines: number; bytes: number; sep: boolean } {
  const sep = excelSepLine(b);
  const from = sep ? sep.bytes : 0;
  const preamble = commentPreamble(b.subarray(from));
  return {
    lines: (sep ? 1 : 0) + (preamble?.lines ?? 0),
    bytes: from + (preamble?.bytes ?? 0),
    sep: sep !== undefined,
  };
}
