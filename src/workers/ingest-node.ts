/**
 * The ingestion worker on worker_threads (Node tests of the protocol). The TypeScript entry runs
 * through tsx, registered inside the new thread first (`execArgv: ['--import', 'tsx']` does not
 * cover a worker's own entry on Node 20); `tsx` resolves from the working directory (the repo).
 */
import type { ResourceLimits } from 'node:worker_threads';
import { Worker } from 'node:worker_threads';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import {
  createIngestClient,
  type IngestClientOptions,
  type IngestWorker,
} from './ingest-client.ts';
import type { WorkerHandle } from './slot.ts';

const entry = new URL('./ingest-worker.node.ts', import.meta.url).href;
const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;

/** A started Node ingestion worker and its thread (tests terminate the thread to crash it). */
export interface NodeIngestHandle extends WorkerHandle {
  readonly thread: Worker;
}

/** Starts one ingestion worker thread (optionally with V8 heap limits: over them it dies). */
export function spawnNodeIngestWorker(resourceLimits?: ResourceLimits): NodeIngestHandle {
  const thread = new Worker(boot, { eval: true, ...(resourceLimits ? { resourceLimits } : {}) });
  const exited = new Promise<string>((resolve) => {
    thread.once('error', (e) => resolve(`uncaught error: ${e.message}`));
    thread.once('exit', (code) => resolve(`exited with code ${code}`));
  });
  return {
    thread,
    endpoint: nodeEndpoint(thread),
    exited,
    terminate: async () => {
      await thread.terminate();
    },
  };
}

/** The ingestion client over worker threads; `spawn` defaults to `spawnNodeIngestWorker()`. */
export function createNodeIngestWorker(
  options: IngestClientOptions & { readonly spawn?: () => NodeIngestHandle } = {},
): IngestWorker {
  return createIngestClient(options.spawn ?? (() => spawnNodeIngestWorker()), options);
}
