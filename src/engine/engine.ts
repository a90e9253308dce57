/**
 * `createEngine` turns an executor (worker pool or in-process) into an `Engine`: the run scheduler
 * plus the output cache. `createInProcessEngine` is the worker-free variant for unit tests and tiny
 * runs; the pool engines live in src/workers.
 */
import { tableToIPC } from 'apache-arrow';
import type { SqlEngine } from '../operators/types.ts';
import { builtinRegistry } from '../operators/index.ts';
import { DEFAULT_CACHE_BYTES, OutputCache } from './cache.ts';
import type { Executor } from './executor.ts';
import { createInProcessExecutor } from './executor.ts';
import { chunksToTable } from './ipc.ts';
import type { OperatorLookup } from './plan.ts';
import { executeRun } from './scheduler.ts';
import { requestedOutputs, retainingExecutor } from './retain.ts';
import type { Engine } from './types.ts';

/** Default capacity of a streaming edge, in record batches. */
export const DEFAULT_CHANNEL_CAPACITY = 4;

/** Settings shared by every engine. */
export interface EngineOptions {
  /** Operators to plan with (default: the built-in registry). */
  readonly operators?: OperatorLookup;
  /** Capacity of every streaming edge, in batches (default 4). */
  readonly channelCapacity?: number;
  /** Bound of the output cache in bytes (default 256 MiB). */
  readonly cacheBytes?: number;
  /** Attempts a node blamed for worker crashes or timeouts gets in a run (default 3). */
  readonly maxAttempts?: number;
  /**
   * Which outputs are kept: `all` (default; the editor previews any node) or `requested` (only
   * `RunOptions.outputs`, default the terminal nodes: a one-shot run stays bounded, retain.ts).
   */
  readonly retain?: 'all' | 'requested';
}

/** An engine that also exposes its cache, for tests and memory display. */
export interface EngineWithCache extends Engine {
  readonly cache: OutputCache;
}

/** Builds an engine over an executor. */
export function createEngine(executor: Executor, options: EngineOptions = {}): EngineWithCache {
  const operators = options.operators ?? builtinRegistry;
  const cache = new OutputCache(options.cacheBytes ?? DEFAULT_CACHE_BYTES);
  // Node id -> its latest output and the run that made it: a run started later wins, even when an
  // earlier run still going (not cancelled) finishes the node after it.
  const latest = new Map<string, { fp: string; run: number }>();
  let runs = 0;
  const capacity = options.channelCapacity ?? DEFAULT_CHANNEL_CAPACITY;
  let disposed = false;
  return {
    cache,
    run(pipeline, files, runOptions = {}) {
      if (disposed) return Promise.reject(new Error('This engine has been disposed.'));
      const run = ++runs;
      const keep =
        options.retain === 'requested'
          ? requestedOutputs(pipeline, runOptions.outputs, runOptions.target)
          : undefined;
      return executeRun(pipeline, files, runOptions, {
        operators,
        executor: keep ? retainingExecutor(executor, pipeline, keep) : executor,
        cache,
        capacity,
        latest: {
          set(nodeId, fp) {
            const held = latest.get(nodeId);
            if (!held || held.run <= run) latest.set(nodeId, { fp, run });
          },
        },
        ...(options.maxAttempts !== undefined ? { maxAttempts: options.maxAttempts } : {}),
      });
    },
    output(nodeId) {
      const fp = latest.get(nodeId)?.fp;
      const hit = fp === undefined ? undefined : cache.get(fp);
      return Promise.resolve(hit ? tableToIPC(chunksToTable(hit.chunks), 'stream') : undefined);
    },
    async dispose() {
      disposed = true;
      await executor.dispose();
    },
  };
}

/** Options of the in-process engine. */
export interface InProcessEngineOptions extends EngineOptions {
  /** SQL engine for `sql`/`math.expression` nodes, created on first use. */
  readonly sql?: () => Promise<SqlEngine>;
  /** Segments run at once on this thread (default 1). */
  readonly concurrency?: number;
}

/** An engine without workers (same scheduler): unit tests and tiny runs. */
export function createInProcessEngine(options: InProcessEngineOptions = {}): EngineWithCache {
  const operators = options.operators ?? builtinRegistry;
  const executor = createInProcessExecutor({
    operators,
    ...(options.sql ? { sql: options.sql } : {}),
    ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
  });
  return createEngine(executor, { ...options, operators });
}
