/** CSV reading warnings carried in a table's schema metadata (the `SqlEngine.readCsv` result). */
import { RecordBatch, Schema, Table } from 'apache-arrow';

/** Schema metadata key holding a JSON array of warning strings. */
export const CSV_WARNINGS_KEY = 'csv.warnings';

/** `table` with `warnings` in its schema metadata (unchanged when there are none). */
export function withCsvWarnings(table: Table, warnings: readonly string[]): Table {
  if (warnings.length === 0) return table;
  const meta = new Map(table.schema.metadata);
  meta.set(CSV_WARNINGS_KEY, JSON.stringify(warnings));
  const schema = new Schema(table.schema.fields, meta);
  if (table.batches.length === 0) return new Table(schema);
  return new Table(table.batches.map((b) => new RecordBatch(schema, b.data)));
}

/** The warnings stored by `withCsvWarnings` (invalid metadata gives none). */
export function csvWarnings(table: Table): string[] {
  const raw = table.schema.metadata.get(CSV_WARNINGS_KEY);
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter((w): w is string => typeof w === 'string') : [];
  } catch {
    return [];
  }
}
