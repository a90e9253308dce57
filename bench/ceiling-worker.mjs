// A plain DuckDB-WASM thread for the parallel benchmark's baseline: the same branch queries as the
// pipeline's sql nodes, over the same CSV, with no Petroflow engine, pool or Arrow hand-off. The
// main thread times how two such threads run the queries one after another and at the same time,
// which is what two cores of this machine give right now for this work.
import { parentPort, workerData } from 'node:worker_threads';
import { openPlainDuckDb } from './duckdb-plain.mjs';

const { db, conn } = await openPlainDuckDb();
db.registerFileBuffer('input.csv', new Uint8Array(workerData.csv));
conn.query(`CREATE TABLE input AS SELECT * FROM read_csv('input.csv')`);
// Each message is a list of queries to run in order; the reply is the time they took.
parentPort.on('message', (queries) => {
  const t0 = performance.now();
  for (const q of queries) conn.query(q);
  parentPort.postMessage(performance.now() - t0);
});
parentPort.postMessage('ready');
