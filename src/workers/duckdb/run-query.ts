/**
 * Runs one SQL text through DuckDB's pending-query API, a ~100 ms slice at a time, yielding to the
 * event loop between slices so an AbortSignal can cancel it (`cancelPendingQuery`). The result
 * comes back as Arrow IPC chunks, decoded with this app's apache-arrow (one copy, see package.json
 * overrides).
 */
import { tableFromIPC, type Table } from 'apache-arrow';
import { petroflowError, PetroflowException } from '../../model/errors.ts';
import type { DuckDbDriver } from './driver.ts';

/** Lets queued tasks (an abort from a message, a timer) run between two slices. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The error of a cancelled run. */
export function cancelledError(): PetroflowException {
  return new PetroflowException(petroflowError('CANCELLED', 'The query was cancelled.'));
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
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
  return tableFromIPC(concat(chunks));
}
