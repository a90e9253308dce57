/**
 * The bridge between the engine's run telemetry and the stored run history: builds the
 * `pipeline_executions` record of a finished run (through the telemetry module's record maker) and
 * exports a stored record as OTLP JSON. Engine and storage share one record type
 * (src/model/run-record.ts), so a built record is stored and a stored one exported as is.
 */
import type { FileProvider, NodeEvent, RunSummary } from '../engine/types.ts';
import {
  inputFileHashes,
  makeExecutionRecord,
  toOtlpJson,
  type OtlpTraceJson,
  type ParamsSchemaLookup,
} from '../engine/telemetry/index.ts';
import type { Pipeline } from '../model/pipeline.ts';
import type { ExecutionNodeMetrics, ExecutionRecord } from '../model/run-record.ts';
import type { RunHistoryRecord } from '../storage/runs.ts';

/**
 * The run-history record of one run of `pipeline` (the exact pipeline that ran): provenance
 * (pipeline hash, operator versions, hashes of the input files it read) and per-node metrics.
 */
export async function buildRunRecord(
  pipeline: Pipeline,
  summary: RunSummary,
  files: FileProvider,
  catalogue: ParamsSchemaLookup,
): Promise<ExecutionRecord> {
  const hashes = await inputFileHashes(pipeline, summary, files, catalogue);
  return makeExecutionRecord(pipeline, summary, hashes);
}

/**
 * The record of a run as it starts, before any node finished: what is known already (pipeline
 * hash, operator versions, hashes of the files its enabled nodes name), status failed and end =
 * start until it is finished (see RunHistoryRecord in src/storage/runs.ts).
 */
export async function buildStartRecord(
  pipeline: Pipeline,
  runId: string,
  files: FileProvider,
  catalogue: ParamsSchemaLookup,
  now = Date.now(),
): Promise<ExecutionRecord> {
  const enabled = new Set(pipeline.nodes.filter((n) => n.disabled !== true).map((n) => n.id));
  const summary: RunSummary = {
    ...{ runId, status: 'failed', start: now, end: now },
    ...{ nodes: {}, spans: [] },
  };
  const hashes = await inputFileHashes(pipeline, enabled, files, catalogue);
  return makeExecutionRecord(pipeline, summary, hashes);
}

/**
 * A node's metrics from the editor's run event that ended it (done, cached, failed, skipped), for
 * the record of a run still going; undefined for events that do not end a node. Times are this
 * tab's clock (`now`, less the node's own duration when the event has one).
 */
export function nodeFromEvent(
  pipeline: Pipeline,
  e: NodeEvent,
  now = Date.now(),
): ExecutionNodeMetrics | undefined {
  if (e.status === 'queued' || e.status === 'running') return undefined;
  const node = pipeline.nodes.find((n) => n.id === e.nodeId);
  const ms = e.status === 'done' && Number.isFinite(e.ms) && e.ms > 0 ? e.ms : 0;
  const rows = (e.status === 'done' || e.status === 'cached') && e.rows >= 0 ? e.rows : 0;
  return {
    nodeId: e.nodeId,
    op: node?.op ?? '',
    version: node?.version ?? '',
    status: e.status,
    start: now - ms,
    end: now,
    rowsIn: 0,
    rowsOut: Number.isSafeInteger(rows) ? rows : 0,
    bytes: 0,
    worker: null,
    cacheHit: e.status === 'cached',
    attempts: e.status === 'done' || e.status === 'failed' ? 1 : 0,
    ...(e.status === 'failed' ? { error: e.error } : {}),
    ...(e.status === 'skipped' ? { reason: e.reason } : {}),
  };
}

/** Why an unfinished run's trace is an error (the run span's status message). */
const UNFINISHED: Record<string, string> = {
  interrupted:
    'interrupted: the tab was closed or reloaded before the run finished; the end time is the last one known',
  running: 'still running when this trace was saved; the end time is the last one known',
};

/** The OTLP/JSON text of a stored run (what "Download trace" saves). */
export function runTraceText(record: RunHistoryRecord): string {
  const otlp = toOtlpJson(record);
  return `${JSON.stringify(record.progress ? unfinishedTrace(otlp, record.progress) : otlp, null, 2)}\n`;
}

/** An unfinished run's trace: its run span says why it is an error and its status. */
function unfinishedTrace(otlp: OtlpTraceJson, progress: string): OtlpTraceJson {
  const message = UNFINISHED[progress] ?? progress;
  return {
    resourceSpans: otlp.resourceSpans.map((rs) => ({
      ...rs,
      scopeSpans: rs.scopeSpans.map((ss) => ({
        ...ss,
        spans: ss.spans.map((sp) =>
          sp.parentSpanId !== undefined
            ? sp
            : {
                ...sp,
                status: { code: 2, message },
                attributes: sp.attributes.map((a) =>
                  a.key === 'petroflow.run.status' ? { ...a, value: { stringValue: progress } } : a,
                ),
              },
        ),
      })),
    })),
  };
}

/** The file name a run's trace is saved under. */
export function runTraceFileName(record: Pick<ExecutionRecord, 'runId'>): string {
  return `run-${record.runId.replace(/[^A-Za-z0-9_-]/g, '_')}.otlp.json`;
}
