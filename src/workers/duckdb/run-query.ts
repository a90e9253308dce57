/**
 * Runs one SQL text through DuckDB's pending-query API, a ~100 ms slice at a time, yielding to the
 * event loop between slices so an AbortSignal can cancel it (`cancelPendingQuery`). The result
 * comes back as Arrow IPC chunks, decoded with this app's apache-arrow (one copy, see package.json
 * overrides), and DuckDB's 2048-row chunks are joined into large batches (arrow-concat.ts).
 */
import { Table, tableFromIPC } from 'apache-arrow';
import { petroflowError, PetroflowException } from '../../model/errors.ts';
import { coalesceBatches } from '../../operators/tables/arrow-concat.ts';
import type { DuckDbDriver } from './driver.ts';

/** Lets queued tasks (an abort from a message, a timer) run between two slices. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The error of a cancelled run. */
export function cancelledError(): PetroflowException {
  return new PetroflowException(petroflowError('CANCELLED', 'The query was cancelled.'));
}

/** Runs `sql` on `conn` to completion (or cancellation) and returns its result table. */
export async function runPendingQuery(
  driver: DuckDbDriver,
  conn: number,
  sql: string,
  signal?: AbortSignal,
): Promise<Table> {
  if (signal?.aborted) throw cancelledError();
  let header = await driver.startPendingQuery(conn, sql);
  while (header === null) {
    await nextTask();
    if (signal?.aborted) {
      await driver.cancelPendingQuery(conn);
      throw cancelledError();
    }
    header = await driver.pollPendingQuery(conn);
  }
  const chunks = [header];
  for (;;) {
    const chunk = await driver.fetchQueryResults(conn);
    if (chunk === null) {
      await nextTask();
      continue;
    }
    if (chunk.length === 0) break;
    chunks.push(chunk);
  }
  // Decoded chunk by chunk (no joined copy of the whole result), then joined column by column.
  const table = tableFromIPC(chunks);
  if (table.batches.length <= 1) return table;
  return new Table(table.schema, coalesceBatches(table.schema, table.batches));
}
