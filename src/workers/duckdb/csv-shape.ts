/**
 * Counts the values per record of CSV bytes (RFC 4180 quoting: `"` quotes, `""` inside quotes),
 * so `readCsv` can tell the user which lines were short or long when DuckDB padded them.
 * One pass over the bytes; the delimiter must be a single ASCII character.
 */

/** Records whose value count differs from the first record (the header, when there is one). */
export interface CsvShape {
  readonly expected: number;
  readonly short: number;
  readonly long: number;
  /** 1-based line of the first short and first long record (0 when none). */
  readonly firstShort: number;
  readonly firstLong: number;
}

/** Shape of `b` for delimiter `delim` (null when the delimiter is not one ASCII character). */
export function csvShape(b: Uint8Array, delim: string): CsvShape | null {
  if (delim.length !== 1 || delim.charCodeAt(0) > 0x7f) return null;
  const d = delim.charCodeAt(0);
  let expected = -1;
  let short = 0;
  let long = 0;
  let firstShort = 0;
  let firstLong = 0;
  let line = 1;
  let recordLine = 1;
  let fields = 1;
  let quoted = false;
  let empty = true;
  const endRecord = (): void => {
    if (!empty) {
      if (expected < 0) expected = fields;
      else if (fields < expected) {
        short++;
        firstShort ||= recordLine;
      } else if (fields > expected) {
        long++;
        firstLong ||= recordLine;
      }
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
      if (!quoted) endRecord();
      continue;
    }
    empty = false;
    if (c === 0x22) quoted = !quoted;
    else if (c === d && !quoted) fields++;
  }
  endRecord();
  return { expected: Math.max(expected, 0), short, long, firstShort, firstLong };
}
