/**
 * The engine's public contract, used by the command line (src/cli), the state layer (src/state)
 * through the workers' facade, and tests. The engine implements it in src/engine and src/workers.
 */
import type { PetroflowError } from '../model/errors.ts';
import type { Pipeline } from '../model/pipeline.ts';

/** Status of a node in the editor and in run events. */
export type NodeStatus = 'idle' | 'queued' | 'running' | 'done' | 'failed' | 'skipped' | 'cached';

/** A per-node event emitted while a run progresses. */
export type NodeEvent =
  | {
      readonly nodeId: string;
      readonly status: 'queued';
      /** Set when the node is queued again after a worker crash or timeout (2 = first retry). */
      readonly attempt?: number;
      /** Why it is queued again (the crash or timeout of the previous attempt). */
      readonly reason?: string;
    }
  | {
      readonly nodeId: string;
      readonly status: 'running';
      readonly rows: number;
      /** Which attempt is running (1 = first); present on the event that starts an attempt. */
      readonly attempt?: number;
    }
  | { readonly nodeId: string; readonly status: 'done'; readonly rows: number; readonly ms: number }
  | { readonly nodeId: string; readonly status: 'cached'; readonly rows: number }
  | { readonly nodeId: string; readonly status: 'failed'; readonly error: PetroflowError }
  | { readonly nodeId: string; readonly status: 'skipped'; readonly reason: string };

/** What one node did in one run (also the basis of OpenTelemetry spans). */
export interface NodeSpan {
  readonly nodeId: string;
  readonly op: string;
  readonly version: string;
  /** Milliseconds since the epoch (performance.timeOrigin + performance.now()). */
  readonly start: number;
  readonly end: number;
  readonly rowsIn: number;
  readonly rowsOut: number;
  /** Bytes of Arrow IPC produced. */
  readonly bytes: number;
  /** Index of the pool worker that ran it; null for cache hits and in-process runs. */
  readonly worker: number | null;
  readonly cacheHit: boolean;
  readonly status: 'done' | 'failed' | 'skipped' | 'cached' | 'cancelled';
  readonly error?: PetroflowError;
  /**
   * Times the node was started on a worker in this run (0 for cache hits and skipped nodes; above
   * 1 when a worker crash or timeout made the engine retry it). `start` is the first attempt's.
   */
  readonly attempts?: number;
}

/** The files a run may read, by name (the browser's file library, or paths bound on the CLI). */
export interface FileProvider {
  /** Every available file name, sorted. */
  names(): readonly string[];
  /** The bytes of one file. */
  read(name: string): Promise<Uint8Array>;
  /** A content hash of one file (hex SHA-256), used in fingerprints. */
  hash(name: string): Promise<string>;
  /**
   * True when every `read` returns bytes nobody else keeps (a fresh copy per call, as IndexedDB,
   * the OPFS and the file system give): the engine then hands them to a worker as they are instead
   * of copying them first. Default false.
   */
  readonly readsFresh?: boolean;
}

/** Options of one run. */
export interface RunOptions {
  /** "Run to here": run only this node and its ancestors. */
  readonly target?: string;
  /**
   * Nodes whose outputs the caller reads with `Engine.output` after the run, for an engine with
   * `retain: 'requested'` (default: the terminal nodes, plus `target`); ignored otherwise.
   */
  readonly outputs?: readonly string[];
  readonly signal?: AbortSignal;
  onEvent?(event: NodeEvent): void;
}

/** The outcome of one run. */
export interface RunSummary {
  readonly runId: string;
  readonly status: 'done' | 'failed' | 'cancelled';
  readonly start: number;
  readonly end: number;
  readonly nodes: Readonly<
    Record<
      string,
      {
        readonly status: NodeStatus;
        readonly rows: number;
        readonly ms: number;
        readonly cached: boolean;
        readonly error?: PetroflowError;
        /** Why a skipped node did not run (e.g. `disabled`, `upstream node 'x' failed`). */
        readonly reason?: string;
        /** Non-fatal problems the operator reported (e.g. reader warnings with their line). */
        readonly warnings?: readonly string[];
        /** Times the node was started (see `NodeSpan.attempts`). */
        readonly attempts?: number;
      }
    >
  >;
  readonly spans: readonly NodeSpan[];
  /** Occupancy of the streaming edges (bounded channels) that carried batches in this run. */
  readonly edges?: readonly EdgeStats[];
}

/** Occupancy statistics of one streaming edge: proof that backpressure held its bound. */
export interface EdgeStats {
  readonly from: string;
  readonly to: string;
  /** Capacity of the channel, in batches. */
  readonly capacity: number;
  /** Most batches it held at once (never above `capacity`). */
  readonly maxOccupancy: number;
  /** Batches that went through it. */
  readonly batches: number;
}

/** A running engine (a worker pool, or in-process for tests): what the CLI and the app drive. */
export interface Engine {
  /** Runs a validated pipeline; unchanged nodes are served from the cache by fingerprint. */
  run(pipeline: Pipeline, files: FileProvider, options?: RunOptions): Promise<RunSummary>;
  /** The output of a node from the latest run that produced it, as Arrow IPC stream bytes. */
  output(nodeId: string): Promise<Uint8Array | undefined>;
  /** Stops every worker; the engine cannot be used afterwards. */
  dispose(): Promise<void>;
}
