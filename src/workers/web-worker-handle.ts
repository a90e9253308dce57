/**
 * A started Web Worker as the pool's `WorkerHandle`: its exit is a load error or an unreadable
 * message (the browser gives no exit code). Shared by the engine pool and the ingestion worker;
 * each constructs its own `Worker` because bundlers only follow a literal `new URL(...)` there.
 */
import type { WorkerHandle } from './slot.ts';

/** Wraps `worker`; `cannotStart` describes a load failure that carries no message. */
export function webWorkerHandle(worker: Worker, cannotStart: string): WorkerHandle {
  const exited = new Promise<string>((resolve) => {
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      resolve(`uncaught error: ${e.message || cannotStart}`);
    });
    worker.addEventListener('messageerror', () => resolve('a message could not be read'));
  });
  return {
    endpoint: worker,
    exited,
    terminate: () => {
      worker.terminate();
      return Promise.resolve();
    },
  };
}
