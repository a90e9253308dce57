// One plain DuckDB-WASM database on the Node blocking bundle (as the pool worker uses it), with no
// Petroflow module: for the benchmarks' baselines (the memory floor, the parallel ceiling).
import { createRequire } from 'node:module';
import { createDuckDB, NODE_RUNTIME, VoidLogger } from '@duckdb/duckdb-wasm/blocking';

const require = createRequire(import.meta.url);
const wasm = (file) => require.resolve(`@duckdb/duckdb-wasm/dist/${file}`);

/** Starts the database in this thread and returns it with one connection. */
export async function openPlainDuckDb() {
  const db = await createDuckDB(
    {
      mvp: { mainModule: wasm('duckdb-mvp.wasm'), mainWorker: '' },
      eh: { mainModule: wasm('duckdb-eh.wasm'), mainWorker: '' },
    },
    new VoidLogger(),
    NODE_RUNTIME,
  );
  await db.instantiate(() => undefined);
  db.open({});
  return { db, conn: db.connect() };
}
