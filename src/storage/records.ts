/**
 * Shapes of stored records and their validators: anything read from IndexedDB is outside input
 * (another build, another tab, a browser bug), so it is checked before use.
 */
import type { Pipeline } from '../model/pipeline.ts';
import { PIPELINE_FORMAT } from '../model/pipeline.ts';
import { err, ok, type Result } from '../model/result.ts';
import { isObject } from '../model/validate-context.ts';

/** A saved pipeline with its revision (incremented on every save; detects conflicting tabs). */
export interface PipelineRecord {
  readonly id: string;
  readonly revision: number;
  readonly updatedAt: number;
  readonly pipeline: Pipeline;
}

export type { ColumnInfo, FileSummary } from '../model/file-summary.ts';
import type { FileSummary } from '../model/file-summary.ts';

/** File library entry (metadata only; bytes live in `fileBytes` or in the OPFS). */
export interface FileRecord {
  readonly name: string;
  readonly size: number;
  readonly hash: string;
  readonly addedAt: number;
  readonly where: 'idb' | 'opfs';
  readonly summary: FileSummary;
}

/** One finished run, kept as history. */
export interface RunRecord {
  readonly runId: string;
  readonly pipelineId: string;
  readonly start: number;
  readonly end: number;
  readonly status: 'done' | 'failed' | 'cancelled';
  readonly nodes: Readonly<Record<string, { status: string; rows: number; ms: number }>>;
}

const isStr = (v: unknown): v is string => typeof v === 'string';
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Structural check of a stored pipeline (full validation against operators happens on load). */
export function checkPipelineShape(v: unknown): Result<Pipeline, string> {
  if (!isObject(v)) return err('not an object');
  if (v.format !== PIPELINE_FORMAT) return err('format is not petroflow.pipeline');
  if (!isStr(v.id) || !isStr(v.name)) return err('id or name missing');
  if (!Array.isArray(v.nodes) || !Array.isArray(v.edges)) return err('nodes or edges missing');
  for (const n of v.nodes as unknown[]) {
    if (!isObject(n) || !isStr(n.id) || !isStr(n.op) || !isStr(n.version) || !isObject(n.params)) {
      return err('a node lacks id, op, version or params');
    }
  }
  for (const e of v.edges as unknown[]) {
    if (!isObject(e) || !isStr(e.from) || !isStr(e.to) || !isStr(e.fromPort) || !isStr(e.toPort)) {
      return err('an edge lacks from, fromPort, to or toPort');
    }
  }
  return ok(v as unknown as Pipeline);
}

/** Validates a stored pipeline record. */
export function checkPipelineRecord(v: unknown): Result<PipelineRecord, string> {
  if (!isObject(v)) return err('not an object');
  if (!isStr(v.id) || !isNum(v.revision) || !isNum(v.updatedAt)) {
    return err('id, revision or updatedAt missing');
  }
  const p = checkPipelineShape(v.pipeline);
  if (!p.ok) return err(`pipeline: ${p.error}`);
  if (p.value.id !== v.id) return err('pipeline id differs from record id');
  return ok(v as unknown as PipelineRecord);
}

/** Validates a stored file record. */
export function checkFileRecord(v: unknown): Result<FileRecord, string> {
  if (!isObject(v)) return err('not an object');
  if (!isStr(v.name) || !isNum(v.size) || !isStr(v.hash) || !isNum(v.addedAt)) {
    return err('name, size, hash or addedAt missing');
  }
  if (v.where !== 'idb' && v.where !== 'opfs') return err('where must be idb or opfs');
  const s = v.summary;
  if (!isObject(s) || (s.kind !== 'las' && s.kind !== 'csv') || !Array.isArray(s.columns)) {
    return err('summary missing or malformed');
  }
  if (!isNum(s.rows) || !Array.isArray(s.wells) || !Array.isArray(s.warnings)) {
    return err('summary rows, wells or warnings missing');
  }
  return ok(v as unknown as FileRecord);
}

/** Validates a stored run record. */
export function checkRunRecord(v: unknown): Result<RunRecord, string> {
  if (!isObject(v)) return err('not an object');
  if (!isStr(v.runId) || !isStr(v.pipelineId) || !isNum(v.start) || !isNum(v.end)) {
    return err('runId, pipelineId, start or end missing');
  }
  if (v.status !== 'done' && v.status !== 'failed' && v.status !== 'cancelled') {
    return err('status must be done, failed or cancelled');
  }
  if (!isObject(v.nodes)) return err('nodes missing');
  return ok(v as unknown as RunRecord);
}
