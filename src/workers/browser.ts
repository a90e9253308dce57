/**
 * The browser engine: the shared pool on module Web Workers. The `new Worker(new URL(...,
 * import.meta.url), { type: 'module' })` form is what lets Vite bundle the worker entry.
 */
import type { EngineOptions, EngineWithCache } from '../engine/engine.ts';
import { createEngine } from '../engine/engine.ts';
import { createWorkerPool, defaultPoolSize } from './pool.ts';
import type { WorkerPool } from './pool.ts';
import type { WorkerHandle } from './slot.ts';
import { webWorkerHandle } from './web-worker-handle.ts';

/** Starts one module Web Worker for the pool. */
export function spawnBrowserWorker(index: number): WorkerHandle {
  const worker = new Worker(new URL('./pool-worker.browser.ts', import.meta.url), {
    type: 'module',
    name: `petroflow-${index}`,
  });
  return webWorkerHandle(worker, 'worker failed to load');
}

/** Options of the browser engine. */
export interface BrowserEngineOptions extends Omit<EngineOptions, 'operators'> {
  /** Number of workers (default: navigator.hardwareConcurrency - 1, between 1 and 8). */
  readonly workers?: number;
  /** A silent worker is declared hung after this many milliseconds (default 60 000). */
  readonly deadlineMs?: number;
}

/** A browser engine with its pool exposed (health display). */
export interface BrowserEngine extends EngineWithCache {
  readonly pool: WorkerPool;
}

/** Creates the browser engine (Web Worker pool). */
export function createBrowserEngine(options: BrowserEngineOptions = {}): BrowserEngine {
  const pool = createWorkerPool({
    size: options.workers ?? defaultPoolSize(navigator.hardwareConcurrency || 2),
    spawn: spawnBrowserWorker,
    ...(options.deadlineMs !== undefined ? { deadlineMs: options.deadlineMs } : {}),
  });
  return { ...createEngine(pool, options), pool };
}
