/** CSV reading warnings carried in a table's schema metadata (the `SqlEngine.readCsv` result). */
import { RecordBatch, Schema, Table } from 'apache-arrow';
import { CSV_WARNINGS_KEY } from '../../operators/tables/source-csv-parts.ts';

/** `table` with `key` set to `value` in its schema metadata (how readCsv answers beside rows). */
export function withMetadata(table: Table, key: string, value: string): Table {
  const meta = new Map(table.schema.metadata);
  meta.set(key, value);
  const schema = new Schema(table.schema.fields, meta);
  if (table.batches.length === 0) return new Table(schema);
  return new Table(table.batches.map((b) => new RecordBatch(schema, b.data)));
}

/** `table` with `warnings` in its schema metadata (unchanged when there are none). */
export function withCsvWarnings(table: Table, warnings: readonly string[]): Table {
  if (warnings.length === 0) return table;
  return withMetadata(table, CSV_WARNINGS_KEY, JSON.stringify(warnings));
}
