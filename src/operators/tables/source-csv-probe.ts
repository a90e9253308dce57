/**
 * Pass 1 of a large CSV read in two passes (source-csv-stream.ts): a "probe" asks the SQL engine
 * about one chunk without sending its rows back. It travels as a `next` part of
 * `SqlEngine.readCsv` whose column types carry a `?` mark (`CsvStreamPart` has no probe variant):
 * `?BIGINT` asks whether the chunk's values fit those types, a bare `?` asks DuckDB to detect the
 * chunk's types (all rows, the file's dialect). The answer is an empty table with the JSON of
 * `CsvProbeAnswer` in the schema metadata `csv.probe` (src/workers/duckdb/csv-stream-probe.ts).
 */
import type { Table } from 'apache-arrow';
import type { CsvDialect, CsvStreamPart } from '../types.ts';

/** Schema metadata key of a probe's answer. */
export const CSV_PROBE_KEY = 'csv.probe';

const MARK = '?';

/** Column types DuckDB detected in one chunk. */
export interface DetectedTypes {
  /** Per column (by position): the detected type, or null when the chunk has no value there. */
  readonly types: readonly (string | null)[];
  readonly dateFormat: string | null;
  readonly timestampFormat: string | null;
}

/** What a probe found: whether the given types fit, and/or the detected types. */
export interface CsvProbeAnswer {
  /** Null when the probe only detected types. */
  readonly fits: boolean | null;
  /** Null when the types fit (nothing was detected). */
  readonly detected: DetectedTypes | null;
}

/** The probe request of a chunk: `check` the dialect's types fit, or `detect` its types. */
export function probePart(
  dialect: CsvDialect,
  mode: 'check' | 'detect',
  recordsBefore: number,
  linesBefore: number,
): CsvStreamPart {
  const columns = dialect.columns.map((c) => ({
    name: c.name,
    type: mode === 'check' ? `${MARK}${c.type}` : MARK,
  }));
  return { part: 'next', dialect: { ...dialect, columns }, recordsBefore, linesBefore };
}

/** A probe request read back (undefined for an ordinary part): the mode and the real dialect. */
export function probeRequest(
  part: CsvStreamPart,
): { mode: 'check' | 'detect'; dialect: CsvDialect } | undefined {
  if (part.part !== 'next') return undefined;
  const cols = part.dialect.columns;
  if (cols.length === 0 || !cols.every((c) => c.type.startsWith(MARK))) return undefined;
  const detect = cols.every((c) => c.type === MARK);
  const columns = cols.map((c) => ({ name: c.name, type: c.type.slice(MARK.length) }));
  return { mode: detect ? 'detect' : 'check', dialect: { ...part.dialect, columns } };
}

function isTypes(v: unknown): v is DetectedTypes {
  if (typeof v !== 'object' || v === null) return false;
  const d = v as Record<string, unknown>;
  const fmt = (x: unknown): boolean => x === null || typeof x === 'string';
  return (
    Array.isArray(d.types) &&
    d.types.every((t) => t === null || typeof t === 'string') &&
    fmt(d.dateFormat) &&
    fmt(d.timestampFormat)
  );
}

/** The answer in a probe's result table; undefined when the engine did not answer a probe. */
export function probeAnswer(table: Table): CsvProbeAnswer | undefined {
  let v: unknown;
  try {
    v = JSON.parse(table.schema.metadata.get(CSV_PROBE_KEY) ?? 'null');
  } catch {
    return undefined;
  }
  if (typeof v !== 'object' || v === null) return undefined;
  const a = v as Record<string, unknown>;
  const fits = a.fits === null || typeof a.fits === 'boolean' ? a.fits : undefined;
  if (fits === undefined) return undefined;
  if (a.detected !== null && !isTypes(a.detected)) return undefined;
  return { fits, detected: a.detected };
}
