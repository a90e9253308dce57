/**
 * The run-history record (`pipeline_executions`), defined once: the engine's telemetry builds it
 * (src/engine/telemetry/record.ts), storage validates and keeps it (src/storage/runs.ts), state
 * and the editor show it. It lives in model because both engine and storage may import model but
 * storage may not import the engine.
 */
import type { PetroflowError } from './errors.ts';

/** Version of the record's shape; changing the shape needs a new version and a migration. */
export const EXECUTION_RECORD_VERSION = 1;

/** Every status a node can have in a record (the engine's NodeSpan statuses); storage checks it. */
export const EXECUTION_NODE_STATUSES = [
  'done',
  'failed',
  'skipped',
  'cached',
  'cancelled',
] as const;

/** Status of one node in a recorded run. */
export type ExecutionNodeStatus = (typeof EXECUTION_NODE_STATUSES)[number];

/** Every status a recorded run can have (the engine's RunSummary statuses); storage checks it. */
export const EXECUTION_RUN_STATUSES = ['done', 'failed', 'cancelled'] as const;

/** Status of a recorded run. */
export type ExecutionRunStatus = (typeof EXECUTION_RUN_STATUSES)[number];

/** What one node did in one run, as kept in the run history. */
export interface ExecutionNodeMetrics {
  readonly nodeId: string;
  readonly op: string;
  readonly version: string;
  readonly status: ExecutionNodeStatus;
  /** Milliseconds since the epoch. */
  readonly start: number;
  readonly end: number;
  readonly rowsIn: number;
  readonly rowsOut: number;
  /** Bytes of Arrow IPC produced. */
  readonly bytes: number;
  /** Pool worker index; null for cache hits and in-process runs. */
  readonly worker: number | null;
  readonly cacheHit: boolean;
  /** Times the node was started (0 for cache hits and skipped nodes). */
  readonly attempts: number;
  readonly error?: PetroflowError;
  /** Why a skipped node did not run. */
  readonly reason?: string;
  readonly warnings?: readonly string[];
}

/** One row of the run history: a `pipeline_executions` record. */
export interface ExecutionRecord {
  readonly recordVersion: typeof EXECUTION_RECORD_VERSION;
  readonly runId: string;
  readonly pipelineId: string;
  readonly pipelineName: string;
  /** `pipelineHash` of the pipeline that ran. */
  readonly pipelineHash: string;
  /** Every `op@version` the pipeline pins, sorted, without repeats. */
  readonly operatorVersions: readonly string[];
  /** Hex SHA-256 of every input file the run read, by file name. */
  readonly inputHashes: Readonly<Record<string, string>>;
  /** SHA-256 over pipelineHash, operatorVersions and inputHashes: equal means same provenance. */
  readonly provenanceHash: string;
  readonly start: number;
  readonly end: number;
  readonly status: ExecutionRunStatus;
  /** Per-node metrics in the plan's topological order. */
  readonly nodes: readonly ExecutionNodeMetrics[];
  /** Set on runs migrated from the version 2 `runs` store: their provenance was never recorded. */
  readonly legacy?: true;
}
