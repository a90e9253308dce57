/**
 * Node side of the DuckDB host: the blocking bundle of duckdb-wasm in the current thread (the CLI's
 * worker_threads and Vitest), with the wasm file resolved from node_modules (about 1.3-2.5 s).
 */
import { createRequire } from 'node:module';
import { createDuckDB, NODE_RUNTIME, VoidLogger } from '@duckdb/duckdb-wasm/blocking';
import type { DuckDbDriver } from './driver.ts';

const require = createRequire(import.meta.url);

function call<T>(fn: () => T): Promise<T> {
  return new Promise((resolve) => resolve(fn()));
}

/** Instantiates DuckDB-WASM (blocking bundle) and wraps it as a `DuckDbDriver`. */
export async function createNodeDriver(): Promise<DuckDbDriver> {
  const wasm = (file: string): string => require.resolve(`@duckdb/duckdb-wasm/dist/${file}`);
  const bundles = {
    mvp: { mainModule: wasm('duckdb-mvp.wasm'), mainWorker: '' },
    eh: { mainModule: wasm('duckdb-eh.wasm'), mainWorker: '' },
  };
  const db = await createDuckDB(bundles, new VoidLogger(), NODE_RUNTIME);
  await db.instantiate(() => undefined);
  db.open({ query: { castDecimalToDouble: true } });
  // Calls are synchronous here; `call` turns results and throws into promises so the host treats
  // both sides alike.
  return {
    connect: () => call(() => db.connect().useUnsafe((_b, id) => id)),
    disconnect: (conn) => call(() => db.disconnect(conn)),
    startPendingQuery: (conn, sql) => call(() => db.startPendingQuery(conn, sql, false)),
    pollPendingQuery: (conn) => call(() => db.pollPendingQuery(conn)),
    cancelPendingQuery: (conn) => call(() => db.cancelPendingQuery(conn)),
    fetchQueryResults: (conn) => call(() => db.fetchQueryResults(conn)),
    insertArrowIpc: (conn, name, ipc, append) =>
      call(() => db.insertArrowFromIPCStream(conn, ipc, { name, create: append !== true })),
    registerFileBuffer: (name, bytes) => call(() => db.registerFileBuffer(name, bytes)),
    dropFile: (name) => call(() => db.dropFile(name)),
    // Nothing to stop in this thread: the instance is freed once the host drops its reference.
    terminate: () => Promise.resolve(),
  };
}
