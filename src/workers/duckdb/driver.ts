/**
 * The few DuckDB-WASM calls the host needs, as one asynchronous interface. Two small files
 * implement it: `driver-node.ts` (the synchronous "blocking" bindings in this thread) and
 * `driver-browser.ts` (an `AsyncDuckDB` in a nested Web Worker). Everything else is shared.
 */

/** Low-level DuckDB-WASM access (connection ids are DuckDB's own numbers). */
export interface DuckDbDriver {
  /** Opens a new connection; per-connection state (temp tables, variables, USE) dies with it. */
  connect(): Promise<number>;
  disconnect(conn: number): Promise<void>;
  /** Starts a query; returns the Arrow IPC header when it finished within the first time slice. */
  startPendingQuery(conn: number, sql: string): Promise<Uint8Array | null>;
  /** Runs the next time slice (about 100 ms) of a pending query; the header once it is done. */
  pollPendingQuery(conn: number): Promise<Uint8Array | null>;
  cancelPendingQuery(conn: number): Promise<boolean>;
  /** The next IPC chunk of a finished query; empty at the end, null for "try again". */
  fetchQueryResults(conn: number): Promise<Uint8Array | null>;
  /**
   * Creates table `name` from one complete Arrow IPC stream, or with `append` adds its rows to
   * that table. Each call must hold a whole stream: duckdb-wasm's decoder keeps pointers into the
   * bytes of earlier calls, which are freed after each call (a stream split over calls read
   * garbage here). A buffer may be transferred away.
   */
  insertArrowIpc(conn: number, name: string, ipc: Uint8Array, append?: boolean): Promise<void>;
  /** Registers in-memory bytes under a file name (the driver never detaches the caller's bytes). */
  registerFileBuffer(name: string, bytes: Uint8Array): Promise<void>;
  dropFile(name: string): Promise<void>;
  /** Releases the instance (terminates the nested worker in the browser). */
  terminate(): Promise<void>;
}

/** Settings a host is created with. */
export interface DuckDbHostOptions {
  /** DuckDB `memory_limit`, e.g. `2GB` (Node default) or `1GB` (browser default). */
  readonly memoryLimit?: string;
}
