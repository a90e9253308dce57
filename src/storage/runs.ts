/**
 * Run history: one `pipeline_executions` record per finished run (provenance and per-node
 * metrics), listed per pipeline newest first and capped. Every record is validated when read back;
 * a damaged one is set aside in the quarantine store so the others stay readable. The record's
 * type is src/model/run-record.ts, the same one the engine's telemetry builds.
 */
import { err, ok, type Result } from '../model/result.ts';
import { isObject } from '../model/validate-context.ts';
import {
  EXECUTION_NODE_STATUSES,
  EXECUTION_RECORD_VERSION,
  EXECUTION_RUN_STATUSES,
  type ExecutionNodeMetrics,
  type ExecutionNodeStatus,
  type ExecutionRecord,
} from '../model/run-record.ts';
import type { PetroflowDb } from './db.ts';
import { atomically, type WriteTx } from './atomic.ts';
import { runIsLive } from './runLocks.ts';

const isStr = (v: unknown): v is string => typeof v === 'string';
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isCount = (v: unknown): v is number => isNum(v) && Number.isInteger(v) && v >= 0;
const NODE_STATUSES: readonly unknown[] = EXECUTION_NODE_STATUSES;
const RUN_STATUSES: readonly unknown[] = EXECUTION_RUN_STATUSES;

function checkNode(n: unknown, i: number): string | undefined {
  const at = `nodes[${i}]`;
  if (!isObject(n)) return `${at} is not an object`;
  if (!isStr(n.nodeId) || !isStr(n.op) || !isStr(n.version))
    return `${at}: nodeId, op or version missing`;
  if (!NODE_STATUSES.includes(n.status)) return `${at}: unknown status ${String(n.status)}`;
  if (!isNum(n.start) || !isNum(n.end) || n.end < n.start) return `${at}: start or end invalid`;
  if (!isCount(n.rowsIn) || !isCount(n.rowsOut) || !isCount(n.bytes) || !isCount(n.attempts))
    return `${at}: rowsIn, rowsOut, bytes or attempts invalid`;
  if (n.worker !== null && !isCount(n.worker)) return `${at}: worker must be null or an index`;
  if (typeof n.cacheHit !== 'boolean') return `${at}: cacheHit missing`;
  if (
    n.error !== undefined &&
    (!isObject(n.error) || !isStr(n.error.code) || !isStr(n.error.message))
  )
    return `${at}: error lacks code or message`;
  if (n.reason !== undefined && !isStr(n.reason)) return `${at}: reason is not text`;
  if (n.warnings !== undefined && !(Array.isArray(n.warnings) && n.warnings.every(isStr)))
    return `${at}: warnings are not a list of text`;
  return undefined;
}

/**
 * Where an unfinished run is: `running` while the tab that runs it lives (its record is written
 * when the run starts and as nodes finish), `interrupted` once that tab closed or reloaded before
 * the run finished. Stored with status `failed` and the last known time as its end, so a build
 * that predates `progress` reads it as a failed run instead of setting it aside.
 */
export type RunProgress = 'running' | 'interrupted';

/** A run as the history lists it: a finished run, or an unfinished one (`progress` set). */
export type RunHistoryRecord = ExecutionRecord & { readonly progress?: RunProgress };

/** Validates a stored run record (anything read from IndexedDB is outside input). */
export function checkExecutionRecord(v: unknown): Result<RunHistoryRecord, string> {
  if (!isObject(v)) return err('not an object');
  if (v.recordVersion !== EXECUTION_RECORD_VERSION)
    return err(`unknown recordVersion ${String(v.recordVersion)}`);
  for (const k of ['runId', 'pipelineId', 'pipelineName', 'pipelineHash', 'provenanceHash'])
    if (!isStr(v[k])) return err(`${k} missing`);
  if (!isNum(v.start) || !isNum(v.end) || v.end < v.start) return err('start or end invalid');
  if (!RUN_STATUSES.includes(v.status)) return err('status must be done, failed or cancelled');
  if (!Array.isArray(v.operatorVersions) || !v.operatorVersions.every(isStr))
    return err('operatorVersions is not a list of text');
  if (!isObject(v.inputHashes) || !Object.values(v.inputHashes).every(isStr))
    return err('inputHashes is not a map of text');
  if (v.legacy !== undefined && v.legacy !== true) return err('legacy must be true or absent');
  if (v.progress !== undefined && v.progress !== 'running' && v.progress !== 'interrupted')
    return err('progress must be running, interrupted or absent');
  if (!Array.isArray(v.nodes)) return err('nodes is not a list');
  const seen = new Set<string>();
  for (let i = 0; i < v.nodes.length; i++) {
    const problem = checkNode(v.nodes[i], i);
    if (problem) return err(problem);
    // The timeline and the figures table key bars and rows by node id.
    const id = (v.nodes[i] as ExecutionNodeMetrics).nodeId;
    if (seen.has(id)) return err(`nodes[${i}]: node '${id}' is listed twice`);
    seen.add(id);
  }
  return ok(v as unknown as RunHistoryRecord);
}

/**
 * Converts a run of the version 2 `runs` store (`{runId, pipelineId, start, end, status,
 * nodes: {id: {status, rows, ms}}}`) into a record. What it never held (operator, worker, bytes,
 * provenance) is left empty and the record is marked `legacy`. An unreadable run gives an error.
 */
export function legacyRunToExecution(v: unknown): Result<ExecutionRecord, string> {
  if (!isObject(v)) return err('not an object');
  const { runId, pipelineId, start, end, status, nodes } = v;
  if (!isStr(runId) || !isStr(pipelineId) || !isNum(start) || !isNum(end))
    return err('runId, pipelineId, start or end missing');
  if (!RUN_STATUSES.includes(status)) return err('status must be done, failed or cancelled');
  if (!isObject(nodes)) return err('nodes missing');
  const list: ExecutionNodeMetrics[] = [];
  for (const [nodeId, n] of Object.entries(nodes)) {
    if (!isObject(n)) return err(`node ${nodeId} is not an object`);
    const st = NODE_STATUSES.includes(n.status) ? (n.status as ExecutionNodeStatus) : 'cancelled';
    const ms = isNum(n.ms) && n.ms > 0 ? n.ms : 0;
    const ran = st === 'done' || st === 'failed';
    list.push({
      nodeId,
      op: '',
      version: '',
      status: st,
      start,
      end: Math.max(start, Math.min(end, start + ms)),
      rowsIn: 0,
      rowsOut: isCount(n.rows) ? n.rows : 0,
      bytes: 0,
      worker: null,
      cacheHit: st === 'cached',
      attempts: ran ? 1 : 0,
    });
  }
  return ok({
    recordVersion: EXECUTION_RECORD_VERSION,
    runId,
    pipelineId,
    pipelineName: '',
    pipelineHash: '',
    operatorVersions: [],
    inputHashes: {},
    provenanceHash: '',
    start,
    end: Math.max(start, end),
    status: status as ExecutionRecord['status'],
    nodes: list,
    legacy: true,
  });
}

type RunStore = ReturnType<WriteTx<[typeof EXECUTIONS_STORE]>['objectStore']>;

/** Object store of run records (created by the version 3 migration in db.ts). */
export const EXECUTIONS_STORE = 'pipeline_executions';

/** How many runs are kept per pipeline; older ones are dropped in the same transaction. */
export const RUNS_KEPT_PER_PIPELINE = 50;

/** A stored run record that failed validation and was set aside. */
export interface RunCorruptReport {
  readonly store: typeof EXECUTIONS_STORE;
  readonly key: string;
  readonly reason: string;
}

/** The runs of one pipeline as read back: valid records, and the damaged ones set aside. */
export interface RunList {
  readonly runs: readonly RunHistoryRecord[];
  readonly corrupt: readonly RunCorruptReport[];
  /**
   * Records written by a newer Petroflow (a higher recordVersion, e.g. in another tab after an
   * update): left in place, untouched, and not shown here. Absent when there are none.
   */
  readonly newer?: number;
}

/** True for a record of a later shape than this build reads: it is not damaged, only newer. */
export function isNewerRecord(v: unknown): boolean {
  return isObject(v) && isNum(v.recordVersion) && v.recordVersion > EXECUTION_RECORD_VERSION;
}

/** Stored run records (`pipeline_executions`). */
export class RunRepository {
  constructor(private readonly db: PetroflowDb) {}

  /**
   * Adds a run record (validated first: a bad record is refused, never stored) and drops the
   * pipeline's oldest other runs beyond the cap, in one transaction.
   */
  add(record: ExecutionRecord): Promise<void> {
    return this.write(record, () => Promise.resolve(undefined), true);
  }

  /**
   * Records a run as it starts (`progress: 'running'`, status failed, end = start), so a run cut
   * short by closing the tab still leaves its entry. Counts in the cap as any run.
   */
  start(record: ExecutionRecord): Promise<void> {
    return this.write({ ...record, progress: 'running' }, () => Promise.resolve(undefined), true);
  }

  /**
   * Rewrites a started run with what is known now (finished nodes, last known time as its end).
   * Nothing is written when its record is gone (purged, or already replaced by the finished one).
   */
  async update(record: ExecutionRecord, progress: RunProgress = 'running'): Promise<void> {
    await this.write({ ...record, progress }, async (store) => {
      const stored: unknown = await store.get(record.runId);
      return !isObject(stored) || stored.progress !== 'running';
    });
  }

  /** Replaces the started run `startedId` with the finished run's record, in one transaction. */
  finish(startedId: string, record: ExecutionRecord): Promise<void> {
    return this.write(
      record,
      async (store) => {
        if (startedId !== record.runId) await store.delete(startedId);
        return false;
      },
      true,
    );
  }

  /**
   * The one write path: validates, runs `before` (true from it skips the put), puts `record`, and
   * applies the per-pipeline cap when `cap`, all in one transaction.
   */
  private async write(
    record: RunHistoryRecord,
    before: (store: RunStore) => Promise<boolean | undefined>,
    cap = false,
  ): Promise<void> {
    const checked = checkExecutionRecord(record);
    if (!checked.ok) throw new Error(`Run record ${record.runId} not stored: ${checked.error}.`);
    const r = await atomically(this.db, [EXECUTIONS_STORE], async (tx) => {
      const store = tx.objectStore(EXECUTIONS_STORE);
      if (await before(store)) return;
      await store.put(record, record.runId);
      if (!cap) return;
      const index = store.index('byPipeline');
      const [keys, values] = await Promise.all([
        index.getAllKeys(record.pipelineId),
        index.getAll(record.pipelineId),
      ]);
      // The run just added always stays: after the wall clock went back, stored runs can look
      // newer than it, and it must not be dropped as "the oldest" the moment it was stored.
      const ordered = values
        .map((v, i) => ({ key: keys[i], start: startOf(v) }))
        .filter((o) => o.key !== record.runId)
        .sort((a, b) => b.start - a.start);
      for (const old of ordered.slice(RUNS_KEPT_PER_PIPELINE - 1)) {
        if (old.key !== undefined) await store.delete(old.key);
      }
    });
    if (!r.ok) {
      const why = r.error.reason === 'quota' ? "the browser's storage is full" : r.error.detail;
      throw new Error(`Run record ${record.runId} not stored: ${why}.`);
    }
  }

  /** Runs of one pipeline, newest first; damaged records are set aside and reported. */
  async list(pipelineId: string): Promise<RunList> {
    const tx = this.db.transaction(EXECUTIONS_STORE, 'readonly');
    const index = tx.store.index('byPipeline');
    const [keys, values] = await Promise.all([
      index.getAllKeys(pipelineId),
      index.getAll(pipelineId),
      tx.done,
    ]);
    const runs: RunHistoryRecord[] = [];
    const corrupt: RunCorruptReport[] = [];
    let newer = 0;
    for (let i = 0; i < values.length; i++) {
      if (isNewerRecord(values[i])) {
        newer++;
        continue;
      }
      const c = checkExecutionRecord(values[i]);
      if (c.ok) runs.push(await asSeenNow(c.value));
      else {
        const report: RunCorruptReport = {
          store: EXECUTIONS_STORE,
          key: String(keys[i]),
          reason: c.error,
        };
        await this.setAside(report, values[i]);
        corrupt.push(report);
      }
    }
    runs.sort((a, b) => b.start - a.start);
    return newer > 0 ? { runs, corrupt, newer } : { runs, corrupt };
  }

  /** One run by id: undefined when absent or newer; an error (and set aside) when damaged. */
  async get(
    runId: string,
  ): Promise<
    { ok: true; value: RunHistoryRecord | undefined } | { ok: false; error: RunCorruptReport }
  > {
    const value: unknown = await this.db.get(EXECUTIONS_STORE, runId);
    if (value === undefined || isNewerRecord(value)) return { ok: true, value: undefined };
    const c = checkExecutionRecord(value);
    if (c.ok) return { ok: true, value: await asSeenNow(c.value) };
    const report: RunCorruptReport = { store: EXECUTIONS_STORE, key: runId, reason: c.error };
    await this.setAside(report, value);
    return { ok: false, error: report };
  }

  /** Moves a damaged record into quarantine, atomically. */
  private async setAside(report: RunCorruptReport, record: unknown): Promise<void> {
    const tx = this.db.transaction([EXECUTIONS_STORE, 'quarantine'], 'readwrite');
    await Promise.all([
      tx.objectStore(EXECUTIONS_STORE).delete(report.key),
      tx.objectStore('quarantine').add({ ...report, at: Date.now(), record }),
      tx.done,
    ]);
  }
}

function startOf(v: unknown): number {
  const s = typeof v === 'object' && v !== null ? (v as { start?: unknown }).start : undefined;
  return typeof s === 'number' && Number.isFinite(s) ? s : 0;
}

/** A started run whose tab is gone (closed, reloaded, crashed) is shown as interrupted. */
async function asSeenNow(r: RunHistoryRecord): Promise<RunHistoryRecord> {
  if (r.progress !== 'running' || (await runIsLive(r.runId, r.end))) return r;
  return { ...r, progress: 'interrupted' };
}
