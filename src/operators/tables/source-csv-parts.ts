/**
 * Helpers of `source.csv` for the tables the SQL engine's readCsv returns: warnings and dialect in
 * their schema metadata (set by src/workers/duckdb/csv-*.ts), whole-file reads, and batches of
 * later chunks under the file's one schema.
 */
import { RecordBatch, Schema, type Table } from 'apache-arrow';
import { petroflowError, PetroflowException } from '../../model/errors.ts';
import type { CsvDialect, CsvSettings, RunContext } from '../types.ts';
import { isAscii } from '../../formats/ascii.ts';

/** Schema metadata key of the SQL engine's readCsv warnings (a JSON array of strings). */
export const CSV_WARNINGS_KEY = 'csv.warnings';
/** Schema metadata key of a streamed file's first part: its dialect (`CsvDialect` JSON). */
export const CSV_STREAM_KEY = 'csv.stream';
/**
 * Schema metadata key set on a first part whose types were detected from all its rows (its first
 * rows' types did not fit it), as a whole-file read then detects from the whole file.
 */
export const CSV_SAMPLED_ALL_KEY = 'csv.sampled-all';
/** Schema metadata key of a later part's short/long row counts (`PartShape` JSON). */
export const CSV_SHAPE_KEY = 'csv.shape';

/** A metadata value of `table` parsed as JSON (null when absent or invalid). */
export function metaJson(table: Table, key: string): unknown {
  try {
    return JSON.parse(table.schema.metadata.get(key) ?? 'null');
  } catch {
    return null;
  }
}

/** Warnings the SQL engine put in a table's schema metadata. */
export function tableWarnings(table: Table): string[] {
  const parsed = metaJson(table, CSV_WARNINGS_KEY);
  return Array.isArray(parsed) ? parsed.filter((w): w is string => typeof w === 'string') : [];
}

/** The dialect of a first part, when the file can be cut in chunks (else undefined). */
export function dialectOf(table: Table): CsvDialect | undefined {
  const d = metaJson(table, CSV_STREAM_KEY) as CsvDialect | null;
  if (!d || !Array.isArray(d.columns) || typeof d.delimiter !== 'string') return undefined;
  // The chunker cuts with `"` quoting (or none): other quote/escape characters are read whole.
  const ok = (c: unknown): boolean => c === '"' || c === '';
  return ok(d.quote) && ok(d.escape) ? d : undefined;
}

/** True for text DuckDB reads as is: valid UTF-8 without NUL bytes (else it is read whole). */
export function isPlainUtf8(bytes: Uint8Array): boolean {
  if (isAscii(bytes, true)) return true;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for (let at = 0; at < bytes.length; at += 1 << 20) {
      const part = bytes.subarray(at, at + (1 << 20));
      if (part.includes(0)) return false;
      decoder.decode(part, { stream: true });
    }
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

/** `batch` under `schema` (same fields: every chunk is read with the file's final columns). */
export function under(schema: Schema, batch: RecordBatch): RecordBatch {
  const same =
    batch.schema.fields.length === schema.fields.length &&
    batch.schema.fields.every((f, i) => String(f.type) === String(schema.fields[i]?.type));
  if (!same)
    throw new PetroflowException(
      petroflowError('INTERNAL', 'A chunk of a streamed CSV came back with other columns.'),
    );
  return batch.schema === schema ? batch : new RecordBatch(schema, batch.data);
}

/** `schema` without the stream protocol's metadata (what the node outputs). */
export function withoutStreamMeta(schema: Schema): Schema {
  const meta = new Map(schema.metadata);
  meta.delete(CSV_STREAM_KEY);
  meta.delete(CSV_SHAPE_KEY);
  meta.delete(CSV_SAMPLED_ALL_KEY);
  return new Schema(schema.fields, meta);
}

/** Reads `name` whole, as source.csv always did (reading `bytes` when given). */
export async function readWhole(
  name: string,
  bytes: Uint8Array | undefined,
  o: CsvSettings,
  ctx: RunContext,
): Promise<Table> {
  const content = bytes ?? (await ctx.files.read(name)).bytes;
  const table = await ctx.sql.readCsv(name, content, o);
  for (const w of tableWarnings(table)) ctx.warn(w);
  return table;
}
