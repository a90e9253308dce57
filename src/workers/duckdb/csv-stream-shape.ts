/**
 * Short and long rows of one later part of a streamed CSV (csv-stream.ts): values per record
 * against the first part's column count, with the file's line numbers. One pass over the bytes
 * (csv-scan.ts, the same scan as a whole file's shape).
 */
import type { CsvDialect } from '../../operators/types.ts';
import { scanCsvRecords } from './csv-scan.ts';

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
  const code = (s: string): number => (s.length === 1 ? s.charCodeAt(0) : -1);
  const s = scanCsvRecords(b, {
    delimiter: code(d.delimiter),
    quote: code(d.quote),
    linesBefore,
    expected: d.columns.length,
  });
  // Key order is kept: the shape travels as JSON in the part's schema metadata.
  return {
    longest: s.longest,
    short: s.short,
    long: s.long,
    firstShort: s.firstShort,
    firstLong: s.firstLong,
  };
}
