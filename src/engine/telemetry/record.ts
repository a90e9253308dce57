/**
 * The run-history record (`pipeline_executions`): what produced a result (pipeline hash, operator
 * versions, input file hashes) and how the run went (times, status, per-node metrics). Built by a
 * pure function from the engine's RunSummary, ready for the storage layer to keep and for
 * `toOtlpJson` to export.
 */
import type { PetroflowError } from '../../model/errors.ts';
import type { Pipeline } from '../../model/pipeline.ts';
import { canonicalJson, sha256Hex } from '../canonical.ts';
import type { NodeSpan, RunSummary } from '../types.ts';

/** Version of the record's shape; changing the shape needs a new version and a migration. */
export const EXECUTION_RECORD_VERSION = 1;

/** What one node did in one run, as kept in the run history. */
export interface NodeMetrics {
  readonly nodeId: string;
  readonly op: string;
  readonly version: string;
  readonly status: NodeSpan['status'];
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
export interface PipelineExecution {
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
  readonly status: RunSummary['status'];
  /** Per-node metrics in the plan's topological order. */
  readonly nodes: readonly NodeMetrics[];
}

/**
 * Hex SHA-256 of the parts of a pipeline that decide its results: each node's id, op, version,
 * params and disabled flag (nodes sorted by id), and the edges (sorted). Labels, positions, notes,
 * name and description are left out, so moving or renaming a node keeps the hash.
 */
export function pipelineHash(pipeline: Pipeline): Promise<string> {
  const nodes = [...pipeline.nodes]
    .map((n) => ({
      id: n.id,
      op: n.op,
      version: n.version,
      params: n.params,
      disabled: n.disabled === true,
    }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const edges = pipeline.edges.map((e) => `${e.from}.${e.fromPort}->${e.to}.${e.toPort}`).sort();
  return sha256Hex(canonicalJson({ formatVersion: pipeline.formatVersion, nodes, edges }));
}

/** Every `op@version` a pipeline pins, sorted and unique (the default operator versions). */
export function operatorVersionsOf(pipeline: Pipeline): string[] {
  return [...new Set(pipeline.nodes.map((n) => `${n.op}@${n.version}`))].sort();
}

/** The provenance hash of a record's pipeline hash, operator versions and input hashes. */
export function provenanceHash(
  parts: Pick<PipelineExecution, 'pipelineHash' | 'operatorVersions' | 'inputHashes'>,
): Promise<string> {
  return sha256Hex(
    canonicalJson({
      pipelineHash: parts.pipelineHash,
      operatorVersions: [...parts.operatorVersions].sort(),
      inputHashes: parts.inputHashes,
    }),
  );
}

function nodeMetrics(span: NodeSpan, node: RunSummary['nodes'][string] | undefined): NodeMetrics {
  return {
    nodeId: span.nodeId,
    op: span.op,
    version: span.version,
    status: span.status,
    start: span.start,
    end: span.end,
    rowsIn: span.rowsIn,
    rowsOut: span.rowsOut,
    bytes: span.bytes,
    worker: span.worker,
    cacheHit: span.cacheHit,
    attempts: span.attempts ?? node?.attempts ?? 0,
    ...(span.error ? { error: span.error } : node?.error ? { error: node.error } : {}),
    ...(node?.reason ? { reason: node.reason } : {}),
    ...(node?.warnings && node.warnings.length > 0 ? { warnings: [...node.warnings] } : {}),
  };
}

/**
 * Builds the run-history record of one run. `inputHashes` are the files the run read (see
 * `inputFileHashes`); `operatorVersions` defaults to what the pipeline pins. Pure apart from
 * hashing: the same arguments always give the same record.
 */
export async function makeExecutionRecord(
  pipeline: Pipeline,
  summary: RunSummary,
  inputHashes: Readonly<Record<string, string>>,
  operatorVersions: readonly string[] = operatorVersionsOf(pipeline),
): Promise<PipelineExecution> {
  const sortedInputs = Object.fromEntries(
    Object.entries(inputHashes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  const versions = [...new Set(operatorVersions)].sort();
  const hash = await pipelineHash(pipeline);
  return {
    recordVersion: EXECUTION_RECORD_VERSION,
    runId: summary.runId,
    pipelineId: pipeline.id,
    pipelineName: pipeline.name,
    pipelineHash: hash,
    operatorVersions: versions,
    inputHashes: sortedInputs,
    provenanceHash: await provenanceHash({
      pipelineHash: hash,
      operatorVersions: versions,
      inputHashes: sortedInputs,
    }),
    start: summary.start,
    end: summary.end,
    status: summary.status,
    nodes: summary.spans.map((s) => nodeMetrics(s, summary.nodes[s.nodeId])),
  };
}
