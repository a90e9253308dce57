/**
 * Short and long rows of one later part of a streamed CSV (csv-stream.ts): values per record
 * against the first part's column count, with the file's line numbers. One pass over the bytes.
 */
import type { CsvDialect } from '../../operators/types.ts';

/** Rows of a part with fewer or more values than the columns; lines are the file's (1-based). */
export interface PartShape {
  /** Bytes of the longest record (sets DuckDB's `max_line_size` for the part). */
  readonly longest: number;
  readonly short: number;
  readonly long: number;
  /** Line of the first short and first long row (0 when none). */
  readonly firstShort: number;
  readonly firstLong: number;
}

/** Counts short/long rows of `b` (a record-aligned part that starts after `linesBefore` lines). */
export function partShape(b: Uint8Array, d: CsvDialect, linesBefore: number): PartShape {
  const expected = d.columns.length;
  const delim = d.delimiter.length === 1 ? d.delimiter.charCodeAt(0) : -1;
  const quote = d.quote.length === 1 ? d.quote.charCodeAt(0) : -1;
  let short = 0;
  let long = 0;
  let firstShort = 0;
  let firstLong = 0;
  let line = linesBefore + 1;
  let recordLine = line;
  let fields = 1;
  let quoted = false;
  let empty = true;
  let start = 0;
  let longest = 0;
  const endRecord = (end: number): void => {
    longest = Math.max(longest, end - start);
    start = end;
    if (!empty && fields < expected) {
      short++;
      firstShort ||= recordLine;
    } else if (!empty && fields > expected) {
      long++;
      firstLong ||= recordLine;
    }
    fields = 1;
    empty = true;
    recordLine = line;
  };
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c === 10 || c === 13) {
      if (c === 13 && b[i + 1] === 10) i++;
      line++;
      if (!quoted) endRecord(i + 1);
      continue;
    }
    empty = false;
    if (c === quote) quoted = !quoted;
    else if (c === delim && !quoted) fields++;
  }
  endRecord(b.length);
  return { longest, short, long, firstShort, firstLong };
}
