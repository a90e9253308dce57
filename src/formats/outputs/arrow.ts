/** Arrow output (`--format arrow`): the Arrow IPC file format (Feather v2), readable by pyarrow. */
import type { Table } from 'apache-arrow';
import { tableToIPC } from 'apache-arrow';

/** The table as Arrow IPC file bytes. */
export function tableToArrowFile(table: Table): Uint8Array {
  return tableToIPC(table, 'file');
}
