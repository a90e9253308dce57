/**
 * The Node engine: the shared pool on worker_threads (the `petroflow` CLI, Vitest). The worker entry
 * is TypeScript run through tsx: a tiny .mjs bootstrap registers tsx in the new thread before it
 * imports the entry (`execArgv: ['--import', 'tsx']` does not apply to a worker's own entry on
 * Node 20: ERR_UNKNOWN_FILE_EXTENSION).
 */
import { availableParallelism } from 'node:os';
import type { ResourceLimits } from 'node:worker_threads';
import { Worker } from 'node:worker_threads';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { EngineOptions, EngineWithCache } from '../engine/engine.ts';
import { createEngine } from '../engine/engine.ts';
import { createWorkerPool, defaultPoolSize } from './pool.ts';
import type { WorkerPool } from './pool.ts';
import type { WorkerHandle } from './slot.ts';
import { loadOperators } from './load-operators.ts';

const entry = new URL('./pool-worker.node-boot.mjs', import.meta.url);

/** Starts one worker thread for the pool (optionally with V8 heap limits: a worker over them dies). */
export function spawnNodeWorker(resourceLimits?: ResourceLimits): WorkerHandle {
  const worker = new Worker(entry, resourceLimits ? { resourceLimits } : {});
  const exited = new Promise<string>((resolve) => {
    worker.once('error', (e) => resolve(`uncaught error: ${e.message}`));
    worker.once('exit', (code) => resolve(`exited with code ${code}`));
  });
  return {
    endpoint: nodeEndpoint(worker),
    exited,
    terminate: async () => {
      await worker.terminate();
    },
  };
}

/** Options of the Node engine. */
export interface NodeEngineOptions extends Omit<EngineOptions, 'operators'> {
  /** Number of workers (default: hardware threads - 1, between 1 and 8). */
  readonly workers?: number;
  /** A silent worker is declared hung after this many milliseconds (default 60 000). */
  readonly deadlineMs?: number;
  /** Grace before a cancelled worker is terminated (default 400 ms). */
  readonly cancelGraceMs?: number;
  /** Extra operator module URLs (test fixtures), loaded in the workers and for planning. */
  readonly operatorModules?: readonly string[];
  /** V8 heap limits of each worker thread; a worker exceeding them dies and counts as a crash. */
  readonly resourceLimits?: ResourceLimits;
  /** DuckDB `memory_limit` of each worker (default 2GB); over it a query fails as SQL_ERROR. */
  readonly sqlMemoryLimit?: string;
  /**
   * Milliseconds one user SQL query may run in a worker (default 5 minutes); past it the query is
   * cancelled and its node fails as SQL_ERROR, saying so.
   */
  readonly sqlQueryTimeLimitMs?: number;
}

/** A Node engine with its pool exposed (health checks in tests). */
export interface NodeEngine extends EngineWithCache {
  readonly pool: WorkerPool;
}

/** Creates the Node engine (worker_threads pool). */
export async function createNodeEngine(options: NodeEngineOptions = {}): Promise<NodeEngine> {
  const modules = options.operatorModules ?? [];
  const operators = await loadOperators(modules);
  const pool = createWorkerPool({
    size: options.workers ?? defaultPoolSize(availableParallelism()),
    spawn: () => spawnNodeWorker(options.resourceLimits),
    operatorModules: modules,
    ...(options.deadlineMs !== undefined ? { deadlineMs: options.deadlineMs } : {}),
    ...(options.cancelGraceMs !== undefined ? { cancelGraceMs: options.cancelGraceMs } : {}),
    ...(options.sqlMemoryLimit !== undefined ? { sqlMemoryLimit: options.sqlMemoryLimit } : {}),
    ...(options.sqlQueryTimeLimitMs !== undefined
      ? { sqlQueryTimeLimitMs: options.sqlQueryTimeLimitMs }
      : {}),
  });
  return { ...createEngine(pool, { ...options, operators }), pool };
}
