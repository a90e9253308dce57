/**
 * The implementation behind both worker entries (browser and Node): an operator registry (built-in
 * plus optional test modules), the thread's lazily started DuckDB host, and `run`, which executes a
 * segment with the engine's segment runner and reports over the task's port.
 */
import * as Comlink from 'comlink';
import { runSegment } from '../engine/segment-runner.ts';
import type { SegmentHost } from '../engine/task.ts';
import { createBuiltinRegistry } from '../operators/index.ts';
import type { AnyOperator, SqlEngine } from '../operators/types.ts';
import type { HostApi, PoolWorkerApi, WorkerConfig } from './protocol.ts';

/** A SQL engine that can tell when its wasm instance died (DuckDbHost). */
export interface WorkerSql extends SqlEngine {
  isDead(): boolean;
}

function isOperatorList(v: unknown): v is readonly AnyOperator[] {
  return (
    Array.isArray(v) &&
    v.every((o) => typeof o === 'object' && o !== null && 'id' in o && 'kind' in o)
  );
}

/** What a worker's SQL engine is started with (each unset means the platform's default). */
export interface WorkerSqlSettings {
  /** DuckDB `memory_limit`, e.g. `2GB`. */
  readonly memoryLimit?: string;
  /** Wall-clock limit of one user query, in milliseconds. */
  readonly queryTimeLimitMs?: number;
}

/**
 * Builds the API a pool worker exposes; `startSql` creates this thread's DuckDB on first use, with
 * the `memory_limit` and query time limit of the pool's configuration when it sets them (the
 * second argument carries both, for entries that forward more than the memory limit).
 */
export function createPoolWorkerApi(
  startSql: (settings: WorkerSqlSettings) => Promise<WorkerSql>,
): PoolWorkerApi {
  const registry = createBuiltinRegistry();
  const running = new Map<string, AbortController>();
  let sql: Promise<WorkerSql> | undefined;
  let heartbeatMs = 1000;
  let settings: WorkerSqlSettings = {};
  let loaded: Promise<void> = Promise.resolve();
  const getSql = (): Promise<WorkerSql> => (sql ??= startSql(settings));

  return {
    async init(config: WorkerConfig) {
      heartbeatMs = config.heartbeatMs;
      settings = {
        ...(config.sqlMemoryLimit !== undefined ? { memoryLimit: config.sqlMemoryLimit } : {}),
        ...(config.sqlQueryTimeLimitMs !== undefined
          ? { queryTimeLimitMs: config.sqlQueryTimeLimitMs }
          : {}),
      };
      loaded = (async () => {
        for (const url of config.operatorModules) {
          const mod = (await import(/* @vite-ignore */ url)) as { operators?: unknown };
          if (!isOperatorList(mod.operators)) {
            throw new Error(`Operator module ${url} does not export an 'operators' array.`);
          }
          for (const op of mod.operators) registry.register(op);
        }
      })();
      await loaded;
      return registry.all().length;
    },

    async run(task, port) {
      await loaded;
      const remote = Comlink.wrap<HostApi>(port);
      const ac = new AbortController();
      running.set(task.taskId, ac);
      const beat = setInterval(() => void remote.heartbeat().catch(() => undefined), heartbeatMs);
      const host: SegmentHost = {
        started: (id, at) => remote.started(id, at),
        progress: (id, rows) => remote.progress(id, rows),
        output: (id, chunk, keep) =>
          remote.output(id, Comlink.transfer(chunk, [chunk.buffer]), keep),
        shared: (id, from, group, parts, keep) =>
          remote.shared(
            id,
            from,
            group,
            Comlink.transfer(
              parts,
              parts.map((p) => p.buffer),
            ),
            keep,
          ),
        finished: (report) => remote.finished(report),
        warn: (id, message) => remote.warn(id, message),
        readFile: (name) => remote.readFile(name),
        active: (id) => void remote.active(id).catch(() => undefined),
      };
      try {
        const result = await runSegment(task, host, {
          operators: registry,
          sql: getSql,
          signal: ac.signal,
        });
        const dead = sql !== undefined && (await sql.catch(() => undefined))?.isDead() === true;
        return dead && !result.fatal
          ? {
              ...result,
              fatal: { code: 'WORKER_CRASHED', message: 'DuckDB crashed in this worker.' },
            }
          : result;
      } finally {
        clearInterval(beat);
        running.delete(task.taskId);
        port.close();
      }
    },

    cancel(taskId) {
      running.get(taskId)?.abort();
    },

    ping: () => Date.now(),
  };
}
