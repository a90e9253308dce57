// The memory floor of benchmark 6: a bare Node process with one DuckDB-WASM instance (the Node
// blocking bundle, as the pool worker uses it) that reads the CSV given as argument once and does
// nothing else. No tsx, no worker thread, no Petroflow module: what source.csv's reader costs alone.
import { readFileSync } from 'node:fs';
import { openPlainDuckDb } from './duckdb-plain.mjs';

const { db, conn } = await openPlainDuckDb();
db.registerFileBuffer('data.csv', new Uint8Array(readFileSync(process.argv[2] ?? '')));
const rows = conn.query(`SELECT count(*) AS n FROM read_csv('data.csv')`).getChild('n')?.get(0);
process.stdout.write(`${String(rows)}\n`);
