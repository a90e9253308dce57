/**
 * The one typed message contract between the pool (main thread) and its workers, shared by both
 * sides (duckdb-wasm's worker_request.ts habit). Calls go through comlink; a task's progress and
 * output come back over a dedicated MessagePort exposing `HostApi`, closed when the task ends.
 * Errors never cross as exceptions: node failures are `PetroflowError` data inside `NodeReport`s.
 */
import type { SegmentHost, SegmentResult, SegmentTask } from '../engine/task.ts';

/** Sent once to a fresh worker. */
export interface WorkerConfig {
  /** Pool slot index (for messages). */
  readonly index: number;
  /**
   * URLs of extra operator modules, each exporting `operators: AnyOperator[]` (test fixtures).
   * Production engines pass none; pipelines cannot name modules.
   */
  readonly operatorModules: readonly string[];
  /** Milliseconds between heartbeats while a task runs (a busy or hung thread sends none). */
  readonly heartbeatMs: number;
  /** DuckDB `memory_limit` of this worker's SQL engine (default: the platform's). */
  readonly sqlMemoryLimit?: string;
  /** Wall-clock limit of one user SQL query in milliseconds (default: the host's, 5 minutes). */
  readonly sqlQueryTimeLimitMs?: number;
}

/** What a worker exposes. */
export interface PoolWorkerApi {
  /** Loads operator modules; resolves to the number of operator versions available. */
  init(config: WorkerConfig): Promise<number>;
  /** Runs a segment, reporting through `host` (a MessagePort exposing HostApi). */
  run(task: SegmentTask, host: MessagePort): Promise<Omit<SegmentResult, 'worker'>>;
  /** Aborts the task `taskId` (its operators see `ctx.signal` aborted; DuckDB queries cancel). */
  cancel(taskId: string): void;
  /** Answers when the worker's thread is free: used to check a pool is whole. */
  ping(): number;
}

/** What the main thread exposes to a worker for one task. */
export interface HostApi extends SegmentHost {
  /** Sign of life while a task runs. */
  heartbeat(): void;
  /** Which node's operator code runs now (names the culprit if the worker dies). */
  active(nodeId: string): void;
  /** A shared chunk group (always served by the pool: see engine/shared-chunks.ts). */
  shared(
    nodeId: string,
    from: string,
    group: number,
    parts: Uint8Array[],
    keep?: boolean,
  ): Promise<void>;
}
