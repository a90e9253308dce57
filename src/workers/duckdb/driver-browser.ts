/**
 * Browser side of the DuckDB host. The engine runs the host inside its own pool worker; that worker
 * starts DuckDB's asynchronous `eh` worker as a nested Web Worker and talks to it through
 * `AsyncDuckDB`. (duckdb-wasm's synchronous browser bundle is not in the package's `exports`, so
 * it cannot be imported cleanly; the async API is the supported path, and its pending-query calls
 * are the same ones the Node side uses, so cancellation works alike.) Wasm and worker URLs come
 * from Vite `?url` imports, so they are precached and work offline.
 */
import { AsyncDuckDB, VoidLogger } from '@duckdb/duckdb-wasm';
import ehWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import type { DuckDbDriver } from './driver.ts';

/**
 * Starts DuckDB-WASM (`eh` bundle: wasm exception handling, in every current browser) in a nested
 * worker and wraps it as a `DuckDbDriver`.
 */
export async function createBrowserDriver(): Promise<DuckDbDriver> {
  const worker = new Worker(ehWorkerUrl);
  const db = new AsyncDuckDB(new VoidLogger(), worker);
  await db.instantiate(ehWasmUrl);
  await db.open({ query: { castDecimalToDouble: true } });
  return {
    connect: () => db.connectInternal(),
    disconnect: (conn) => db.disconnect(conn),
    startPendingQuery: (conn, sql) => db.startPendingQuery(conn, sql, false),
    pollPendingQuery: (conn) => db.pollPendingQuery(conn),
    cancelPendingQuery: (conn) => db.cancelPendingQuery(conn),
    fetchQueryResults: (conn) => db.fetchQueryResults(conn),
    // AsyncDuckDB transfers the buffer to its worker: the host hands over bytes it made itself.
    insertArrowIpc: (conn, name, ipc, append) =>
      db.insertArrowFromIPCStream(conn, ipc, { name, create: append !== true }),
    // Copy: registerFileBuffer transfers (detaches) the buffer, and the caller's bytes stay usable.
    registerFileBuffer: (name, bytes) => db.registerFileBuffer(name, bytes.slice()),
    dropFile: async (name) => {
      await db.dropFile(name);
    },
    terminate: () => db.terminate(),
  };
}
