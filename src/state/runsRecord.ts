/**
 * The bridge between the engine's run telemetry and the stored run history: builds the
 * `pipeline_executions` record of a finished run (through the telemetry module's record maker) and
 * exports a stored record as OTLP JSON. Engine and storage share one record type
 * (src/model/run-record.ts), so a built record is stored and a stored one exported as is.
 */
import type { FileProvider, RunSummary } from '../engine/types.ts';
import {
  inputFileHashes,
  makeExecutionRecord,
  toOtlpJson,
  type ParamsSchemaLookup,
} from '../engine/telemetry/index.ts';
import type { Pipeline } from '../model/pipeline.ts';
import type { ExecutionRecord } from '../model/run-record.ts';

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

/** The OTLP/JSON text of a stored run (what "Download trace" saves). */
export function runTraceText(record: ExecutionRecord): string {
  return `${JSON.stringify(toOtlpJson(record), null, 2)}\n`;
}

/** The file name a run's trace is saved under. */
export function runTraceFileName(record: Pick<ExecutionRecord, 'runId'>): string {
  return `run-${record.runId.replace(/[^A-Za-z0-9_-]/g, '_')}.otlp.json`;
}
