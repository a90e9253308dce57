/** Node entry of the ingestion worker (worker_threads): the same API, for tests of the protocol. */
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { createIngestApi } from './ingest-api.ts';

if (!parentPort) throw new Error('ingest-worker.node.ts must be started as a worker thread.');
Comlink.expose(createIngestApi(), nodeEndpoint(parentPort));
