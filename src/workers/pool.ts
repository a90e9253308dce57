/**
 * The worker pool, identical in the browser (Web Workers) and Node (worker_threads): N slots, each
 * a worker hosting its own DuckDB, driven through comlink. It implements the engine's `Executor`:
 * a segment waits for a free worker, runs there, and comes back with its result. A worker that
 * crashes (exits, throws at top level, or reports its wasm dead) or hangs (no sign of life within
 * the deadline) is retired: its task gets WORKER_CRASHED / WORKER_TIMEOUT and a replacement starts
 * in the same slot (the engine then decides whether to run the task again: engine/retry.ts). Cancellation asks the worker to abort and terminates it after a grace period.
 */
import type { Executor } from '../engine/executor.ts';
import { Slots } from '../engine/executor.ts';
import type { SegmentHost, SegmentResult, SegmentTask } from '../engine/task.ts';
import { runOnSlot } from './run-on-slot.ts';
import type { SpawnWorker } from './slot.ts';
import { WorkerSlot } from './slot.ts';

/** Settings of a pool. */
export interface PoolOptions {
  /** Number of workers (see `defaultPoolSize`). */
  readonly size: number;
  /** Starts the worker of a slot (Web Worker or worker_threads). */
  readonly spawn: SpawnWorker;
  /** Extra operator modules loaded in every worker (test fixtures); production passes none. */
  readonly operatorModules?: readonly string[];
  /** A worker silent for this long while running a task is hung (default 60 000 ms). */
  readonly deadlineMs?: number;
  /** After a cancel, how long a worker may take to stop before it is terminated (default 400 ms). */
  readonly cancelGraceMs?: number;
  /** DuckDB `memory_limit` of every worker (default: 2GB under Node, 1GB in the browser). */
  readonly sqlMemoryLimit?: string;
  /** Milliseconds one user SQL query may run in any worker before it is stopped (default 5 min). */
  readonly sqlQueryTimeLimitMs?: number;
}

/** Pool size for a machine: hardware threads - 1, at least 1, at most 8. */
export function defaultPoolSize(hardwareThreads: number): number {
  return Math.min(8, Math.max(1, Math.floor(hardwareThreads) - 1));
}

/** The pool as an executor, plus health information for tests and status displays. */
export interface WorkerPool extends Executor {
  /** Workers replaced so far (crashes, hangs, cancellations that needed termination). */
  readonly restarts: number;
  /** Pings every worker; resolves when all answered (the pool is whole and responsive). */
  ping(): Promise<number[]>;
}

/** Creates a pool of `options.size` workers; workers start immediately. */
export function createWorkerPool(options: PoolOptions): WorkerPool {
  const size = Math.max(1, Math.floor(options.size));
  const deadlineMs = options.deadlineMs ?? 60_000;
  const cancelGraceMs = options.cancelGraceMs ?? 400;
  const config = {
    operatorModules: options.operatorModules ?? [],
    heartbeatMs: Math.max(20, Math.min(1000, Math.floor(deadlineMs / 4))),
    ...(options.sqlMemoryLimit !== undefined ? { sqlMemoryLimit: options.sqlMemoryLimit } : {}),
    ...(options.sqlQueryTimeLimitMs !== undefined
      ? { sqlQueryTimeLimitMs: options.sqlQueryTimeLimitMs }
      : {}),
  };
  const slots = Array.from({ length: size }, (_, i) => new WorkerSlot(i, options.spawn, config));
  const gate = new Slots(size);
  let restarts = 0;

  const execute = async (
    task: SegmentTask,
    host: SegmentHost,
    signal: AbortSignal,
  ): Promise<SegmentResult> => {
    await gate.acquire();
    const slot = slots.find((s) => !s.busy) as WorkerSlot;
    slot.busy = true;
    let retire = false;
    try {
      const started = await slot.ready();
      if (!started.ok) {
        retire = true;
        return { edges: [], worker: slot.index, fatal: started.error };
      }
      const outcome = await runOnSlot(slot, task, host, signal, { deadlineMs, cancelGraceMs });
      retire = outcome.retire;
      return outcome.result;
    } finally {
      if (retire) {
        restarts++;
        await slot.replace();
      }
      slot.busy = false;
      gate.release();
    }
  };

  return {
    slots: size,
    execute,
    get restarts() {
      return restarts;
    },
    ping: () => Promise.all(slots.map((s) => s.ping())),
    dispose: async () => {
      await Promise.all(slots.map((s) => s.terminate()));
    },
  };
}
