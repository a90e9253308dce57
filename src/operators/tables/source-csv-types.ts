/**
 * Column types of a large CSV from the types DuckDB detected in each chunk, as DuckDB's own
 * detection over the whole file (`sample_size=-1`) gives them. DuckDB keeps, per column, the most
 * specific candidate type that every value casts to (candidates VARCHAR, DOUBLE, BIGINT, BOOLEAN,
 * DATE, TIME, TIMESTAMP, TIMESTAMP WITH TIME ZONE); so the whole file's type is the most specific
 * type whose values include those of every chunk's type. Seen in DuckDB 1.4 and pinned by
 * source-csv-types.test.ts against whole-file reads: BIGINT then DOUBLE gives DOUBLE; DATE then
 * TIMESTAMP gives TIMESTAMP; BOOLEAN with any number, TIME with TIMESTAMP, numbers with dates, and
 * anything with text give VARCHAR. A column with no value anywhere is VARCHAR.
 */
import type { DetectedTypes } from './source-csv-probe.ts';

/** Chains of types where each one's values are also values of the next. */
const CHAINS: readonly (readonly string[])[] = [
  ['BIGINT', 'DOUBLE'],
  ['DATE', 'TIMESTAMP', 'TIMESTAMP WITH TIME ZONE'],
];

/** The type holding the values of both (null: no values seen). */
export function widenType(a: string | null, b: string | null): string | null {
  if (a === null || a === b) return b;
  if (b === null) return a;
  for (const chain of CHAINS) {
    const i = chain.indexOf(a);
    const j = chain.indexOf(b);
    if (i >= 0 && j >= 0) return chain[Math.max(i, j)] ?? 'VARCHAR';
  }
  return 'VARCHAR';
}

/** Types of the whole file so far, folded chunk by chunk. */
export class TypeWidening {
  private types: (string | null)[];
  /** Date and timestamp formats: the first a chunk reported (later probes are given them). */
  dateFormat: string | null;
  timestampFormat: string | null;

  constructor(
    columns: number,
    formats: { dateFormat: string | null; timestampFormat: string | null },
  ) {
    this.types = Array.from({ length: columns }, () => null);
    this.dateFormat = formats.dateFormat;
    this.timestampFormat = formats.timestampFormat;
  }

  /** Folds in one chunk's detected types (extra detected columns are ignored). */
  add(d: DetectedTypes): void {
    this.types = this.types.map((t, i) => widenType(t, d.types[i] ?? null));
    this.dateFormat ??= d.dateFormat;
    this.timestampFormat ??= d.timestampFormat;
  }

  /** The final types (VARCHAR for columns with no value). */
  result(): string[] {
    return this.types.map((t) => t ?? 'VARCHAR');
  }
}
