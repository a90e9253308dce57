/**
 * Counts the values per record of CSV bytes (RFC 4180 quoting: `"` quotes, `""` inside quotes),
 * so `readCsv` can tell the user which lines were short or long when DuckDB padded them.
 * One pass over the bytes (csv-scan.ts); the delimiter must be a single ASCII character.
 */
import { scanCsvRecords } from './csv-scan.ts';

/** Records whose value count differs from the first record (the header, when there is one). */
export interface CsvShape {
  readonly expected: number;
  readonly short: number;
  readonly long: number;
  /** 1-based line of the first short and first long record (0 when none). */
  readonly firstShort: number;
  readonly firstLong: number;
}

/**
 * Shape of `b` for delimiter `delim` (null when the delimiter is not one ASCII character); with
 * `skipLines`, `b` is what follows that many lines of the file (line numbers count them); lines
 * starting with the `comment` mark are not records.
 */
export function csvShape(
  b: Uint8Array,
  delim: string,
  skipLines = 0,
  comment = '',
): CsvShape | null {
  if (delim.length !== 1 || delim.charCodeAt(0) > 0x7f) return null;
  const s = scanCsvRecords(b, {
    delimiter: delim.charCodeAt(0),
    quote: 0x22,
    linesBefore: skipLines,
    comment: comment.length === 1 ? comment.charCodeAt(0) : -1,
    expected: 'first',
  });
  const { expected, short, long, firstShort, firstLong } = s;
  return { expected, short, long, firstShort, firstLong };
}
