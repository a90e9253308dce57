/**
 * The one quote- and line-aware record scan behind a whole file's shape (csv-shape.ts) and a
 * streamed part's shape (csv-stream-shape.ts): values per record against an expected count, with
 * the file's line numbers. RFC 4180 quoting (a doubled quote toggles twice, so stays inside); LF,
 * CRLF and lone CR each end a line, and end a record outside quotes. One pass, linear time.
 */

/** What a scan found: records with fewer or more values than expected, and the longest one. */
export interface CsvScan {
  /** The count compared against (taken from the first record when asked; 0 with no records). */
  readonly expected: number;
  /** Bytes of the longest record, line break included (a part's `max_line_size`). */
  readonly longest: number;
  readonly short: number;
  readonly long: number;
  /** 1-based file line of the first short and first long record (0 when none). */
  readonly firstShort: number;
  readonly firstLong: number;
}

/** How to scan: byte codes (-1: none), the lines before the bytes, and the expected count. */
export interface CsvScanOptions {
  readonly delimiter: number;
  readonly quote: number;
  /** Physical lines of the file before these bytes (0 for a whole file). */
  readonly linesBefore: number;
  /** Values per record, or `first`: the first non-empty record's count (it is not compared). */
  readonly expected: number | 'first';
  /** The comment mark's byte (-1 or absent: none): records starting with it are not counted. */
  readonly comment?: number;
}

/** Scans `b` (starting at a record boundary) for records of another value count than expected. */
export function scanCsvRecords(b: Uint8Array, o: CsvScanOptions): CsvScan {
  const { delimiter, quote } = o;
  const comment = o.comment ?? -1;
  let expected = o.expected === 'first' ? -1 : o.expected;
  let short = 0;
  let long = 0;
  let firstShort = 0;
  let firstLong = 0;
  let line = o.linesBefore + 1;
  let longest = 0;
  const n = b.length;
  let i = 0;
  // One record per turn; its bytes in a tight inner loop (measured faster and steadier here than
  // one loop with a record-end closure).
  while (i < n) {
    const start = i;
    const recordLine = line;
    let fields = 1;
    let quoted = false;
    let empty = true;
    let lead = i;
    while (comment >= 0 && (b[lead] === 0x20 || b[lead] === 0x09)) lead++;
    const skipped = comment >= 0 && b[lead] === comment;
    // A comment line ends at its line break, quotes or not.
    const q = skipped ? -2 : quote;
    for (; i < n; i++) {
      const c = b[i]!;
      if (c === 10 || c === 13) {
        if (c === 13 && b[i + 1] === 10) i++;
        line++;
        if (!quoted) break;
        continue;
      }
      empty = false;
      if (c === q) quoted = !quoted;
      else if (c === delimiter && !quoted) fields++;
    }
    if (i < n) i++;
    if (i - start > longest) longest = i - start;
    if (empty || skipped) continue;
    if (expected < 0) expected = fields;
    else if (fields < expected) {
      short++;
      firstShort ||= recordLine;
    } else if (fields > expected) {
      long++;
      firstLong ||= recordLine;
    }
  }
  return { expected: Math.max(expected, 0), longest, short, long, firstShort, firstLong };
}
