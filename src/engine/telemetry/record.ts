/**
 * The run-history record (`pipeline_executions`): what produced a result (pipeline hash, operator
 * versions, input file hashes) and how the run went (times, status, per-node metrics). Built by a
 * pure function from the engine's RunSummary, ready for the storage layer to keep and for
 * `toOtlpJson` to export. The record's type is defined once in src/model/run-record.ts (storage,
 * which may not import the engine, keeps and validates the same type).
 */
import type { Pipeline } from '../../model/pipeline.ts';
import {
  EXECUTION_RECORD_VERSION,
  type ExecutionNodeMetrics,
  type ExecutionRecord,
} from '../../model/run-record.ts';
import { canonicalJson, sha256Hex } from '../canonical.ts';
import type { NodeSpan, RunSummary } from '../types.ts';

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
  parts: Pick<ExecutionRecord, 'pipelineHash' | 'operatorVersions' | 'inputHashes'>,
): Promise<string> {
  return sha256Hex(
    canonicalJson({
      pipelineHash: parts.pipelineHash,
      operatorVersions: [...parts.operatorVersions].sort(),
      inputHashes: parts.inputHashes,
    }),
  );
}

function nodeMetrics(
  span: NodeSpan,
  node: RunSummary['nodes'][string] | undefined,
): ExecutionNodeMetrics {
  return {
    nodeId: span.nodeId,
    op: span.op,
    version: span.version,
    status: span.status,
    start: span.start,
    // Start and end may come from two workers' clocks (a retry); a duration is never negative.
    end: Math.max(span.start, span.end),
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
): Promise<ExecutionRecord> {
  const sortedInputs = Object.fromEntries(
    Object.entries(inputHashes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  const versions = [...new Set(operatorVersions)].sort();
  const hash = await pipelineHash(pipeline);
  const nodes = summary.spans.map((s) => nodeMetrics(s, summary.nodes[s.nodeId]));
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
    ...runTimes(summary.start, summary.end, nodes),
    status: summary.status,
    nodes,
  };
}

/**
 * The run's start and end, widened to cover every node. Node times are taken on the worker that
 * ran the node (its own clock origin), the run's on the main thread: after a wall-clock step the
 * two can disagree, and a node outside its run would draw outside the timeline and export as a
 * child span outside its parent. The nodes keep the times they measured.
 */
function runTimes(
  start: number,
  end: number,
  nodes: readonly ExecutionNodeMetrics[],
): { start: number; end: number } {
  let s = start;
  let e = Math.max(start, end);
  for (const n of nodes) {
    s = Math.min(s, n.start);
    e = Math.max(e, n.end);
  }
  return { start: s, end: e };
}
