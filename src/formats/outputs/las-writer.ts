/** The bridge to the LAS 2.0 writer of src/formats/las (one place to adapt its signature). */
import type { Table } from 'apache-arrow';
import { writeLas } from '../las/writer.ts';

/** One well's table as LAS 2.0 text. */
export function writeLasTable(table: Table): string {
  return writeLas(table);
}
