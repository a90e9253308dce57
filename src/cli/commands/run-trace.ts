/**
 * Observability of `petroflow run`: the run's record (pipeline hash, operator versions, input
 * hashes, per-node metrics), its provenance in the `--json` summary, and `--trace FILE` (the run's
 * spans as OTLP JSON, the same format the app's Runs panel downloads).
 */
import { inputFileHashes, makeExecutionRecord, toOtlpJson } from '../../engine/telemetry/index.ts';
import type { FileProvider, RunSummary } from '../../engine/types.ts';
import type { Pipeline } from '../../model/pipeline.ts';
import type { ExecutionRecord } from '../../model/run-record.ts';
import type { ListableCatalogue } from '../../model/validate-nodes.ts';
import type { CliIO } from '../io.ts';

/** The record of a finished run (input hashes come from the bound files the run read). */
export async function runRecord(
  pipeline: Pipeline,
  summary: RunSummary,
  files: FileProvider,
  catalogue: ListableCatalogue,
): Promise<ExecutionRecord> {
  const inputs = await inputFileHashes(pipeline, summary, files, catalogue);
  return makeExecutionRecord(pipeline, summary, inputs);
}

/** What the `--json` summary says about where a result came from. */
export function provenanceJson(record: ExecutionRecord): Record<string, unknown> {
  return {
    pipelineHash: record.pipelineHash,
    operatorVersions: record.operatorVersions,
    inputHashes: record.inputHashes,
    hash: record.provenanceHash,
  };
}

/** Writes the run's spans as OTLP JSON to `path` (its directory is created when missing). */
export async function writeTrace(io: CliIO, path: string, record: ExecutionRecord): Promise<void> {
  const slash = path.lastIndexOf('/');
  if (slash > 0) await io.mkdirp(path.slice(0, slash));
  try {
    await io.writeFile(path, `${JSON.stringify(toOtlpJson(record), null, 2)}\n`);
  } catch (e) {
    throw new Error(
      `--trace ${path}: cannot write the trace (${e instanceof Error ? e.message : String(e)})`,
    );
  }
}
