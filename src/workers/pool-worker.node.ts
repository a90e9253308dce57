/** Node pool worker entry (worker_threads): exposes the pool worker API through comlink. */
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { createNodeDuckDbHost } from './duckdb/node.ts';
import { createPoolWorkerApi } from './worker-api.ts';

if (!parentPort) throw new Error('pool-worker.node.ts must be started as a worker thread.');
Comlink.expose(
  createPoolWorkerApi((settings) => createNodeDuckDbHost(settings)),
  nodeEndpoint(parentPort),
);
