/**
 * File ingestion in the browser: added files are summarised and read for the preview in a module
 * Web Worker, so a large LAS or CSV never freezes the page. The `new Worker(new URL(...,
 * import.meta.url), { type: 'module' })` form is what lets Vite bundle the worker entry.
 */
import {
  createIngestClient,
  type IngestClientOptions,
  type IngestWorker,
} from './ingest-client.ts';
import type { WorkerHandle } from './slot.ts';
import { webWorkerHandle } from './web-worker-handle.ts';

export type { IngestWorker, IngestClientOptions } from './ingest-client.ts';
export { ingestDeadlineMs } from './ingest-client.ts';

/** Starts one ingestion Web Worker. */
export function spawnBrowserIngestWorker(): WorkerHandle {
  const worker = new Worker(new URL('./ingest-worker.browser.ts', import.meta.url), {
    type: 'module',
    name: 'petroflow-ingest',
  });
  return webWorkerHandle(worker, 'the reader could not start');
}

/** The browser's file reader: one lazily started worker, replaced when it crashes or hangs. */
export function createIngestWorker(options: IngestClientOptions = {}): IngestWorker {
  return createIngestClient(spawnBrowserIngestWorker, options);
}
