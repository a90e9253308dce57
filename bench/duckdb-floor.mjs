// The memory floor of benchmark 6: a bare Node process with one DuckDB-WASM instance (the Node
// blocking bundle, as the pool worker uses it) that reads the CSV given as argument once and does
// nothing else. No tsx, no worker thread, no Petroflow module: what source.csv's reader costs alone.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createDuckDB, NODE_RUNTIME, VoidLogger } from '@duckdb/duckdb-wasm/blocking';

const require = createRequire(import.meta.url);
const wasm = (file) => require.resolve(`@duckdb/duckdb-wasm/dist/${file}`);
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
const conn = db.connect();
db.registerFileBuffer('data.csv', new Uint8Array(readFileSync(process.argv[2] ?? '')));
const rows = conn.query(`SELECT count(*) AS n FROM read_csv('data.csv')`).getChild('n')?.get(0);
process.stdout.write(`${String(rows)}\n`);
