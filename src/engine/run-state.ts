/**
 * The bookkeeping of one run: per-node records, the events they emit, and the summary and spans
 * built from them at the end. Kept apart from the dispatch loop so each stays small.
 */
import type { PetroflowError } from '../model/errors.ts';
import type { Plan, PlannedNode } from './plan.ts';
import { now } from './segment-runner.ts';
import type { EdgeStats } from './task.ts';
import type { NodeEvent, NodeSpan, NodeStatus, RunOptions, RunSummary } from './types.ts';

/** Everything recorded about one node in one run. */
export interface NodeRecord {
  status: NodeStatus;
  spanStatus: NodeSpan['status'];
  start: number;
  end: number;
  rowsIn: number;
  rowsOut: number;
  bytes: number;
  worker: number | null;
  cacheHit: boolean;
  error?: PetroflowError;
  reason?: string;
  warnings: string[];
  /** Warnings past MAX_NODE_WARNINGS, counted but not kept. */
  warningsLeftOut: number;
  /** Times dispatched to an executor in this run. */
  attempts: number;
  /** Worker crashes and timeouts blamed on this node, the latest last. */
  crashes: PetroflowError[];
  /** True once an attempt has started (the span keeps the first attempt's start). */
  started: boolean;
}

/**
 * The most warnings a node keeps in one run: a glob over 500 LAS files with the same header slip
 * would otherwise give 500 lines in the summary, the run record and the editor.
 */
export const MAX_NODE_WARNINGS = 100;

/** A node's warnings as the summary lists them: the first MAX_NODE_WARNINGS, then a count. */
function listedWarnings(r: { warnings: string[]; warningsLeftOut: number }): string[] {
  if (r.warningsLeftOut === 0) return r.warnings;
  const n = r.warningsLeftOut;
  return [...r.warnings, `... and ${n} more ${n === 1 ? 'warning' : 'warnings'} not listed.`];
}

/** Records of a run, with event emission. */
export class RunState {
  readonly records = new Map<string, NodeRecord>();
  readonly edges: EdgeStats[] = [];
  readonly start = now();

  constructor(
    readonly plan: Plan,
    private readonly options: RunOptions,
  ) {}

  /** Emits an event to the run's listener (a throwing listener cannot break the run). */
  emit(event: NodeEvent): void {
    try {
      this.options.onEvent?.(event);
    } catch {
      // A listener's bug must not stop the run.
    }
  }

  private record(id: string): NodeRecord {
    let r = this.records.get(id);
    if (!r) {
      const t = now();
      r = {
        status: 'idle',
        spanStatus: 'skipped',
        start: t,
        end: t,
        rowsIn: 0,
        rowsOut: 0,
        bytes: 0,
        worker: null,
        cacheHit: false,
        warnings: [],
        warningsLeftOut: 0,
        attempts: 0,
        crashes: [],
        started: false,
      };
      this.records.set(id, r);
    }
    return r;
  }

  /** True once the node reached a final state. */
  isFinal(id: string): boolean {
    const s = this.records.get(id)?.status;
    return s === 'done' || s === 'cached' || s === 'failed' || s === 'skipped';
  }

  /** Status of a node so far. */
  status(id: string): NodeStatus {
    return this.records.get(id)?.status ?? 'idle';
  }

  queued(id: string): void {
    this.record(id).status = 'queued';
    this.emit({ nodeId: id, status: 'queued' });
  }

  running(id: string, at: number): void {
    const r = this.record(id);
    r.status = 'running';
    if (!r.started) r.start = at;
    r.started = true;
    this.emit({ nodeId: id, status: 'running', rows: 0, attempt: Math.max(1, r.attempts) });
  }

  /** Counts one more dispatch of the node; returns the attempt number (1 = first). */
  attempt(id: string): number {
    return ++this.record(id).attempts;
  }

  /** The node goes back to the queue after a worker crash or timeout (`reason` says which). */
  requeued(id: string, reason: string): void {
    const r = this.record(id);
    r.status = 'queued';
    this.emit({ nodeId: id, status: 'queued', attempt: r.attempts + 1, reason });
  }

  /** Blames one worker crash or timeout on the node; returns how many it has caused. */
  crashed(id: string, error: PetroflowError): number {
    const r = this.record(id);
    r.crashes.push(error);
    return r.crashes.length;
  }

  /** The crashes and timeouts blamed on the node so far. */
  crashesOf(id: string): readonly PetroflowError[] {
    return this.records.get(id)?.crashes ?? [];
  }

  progress(id: string, rows: number): void {
    if (this.status(id) === 'running') this.emit({ nodeId: id, status: 'running', rows });
  }

  cached(id: string, rows: number, bytes: number): void {
    Object.assign(this.record(id), { status: 'cached', spanStatus: 'cached', cacheHit: true });
    Object.assign(this.record(id), { rowsOut: rows, bytes });
    this.emit({ nodeId: id, status: 'cached', rows });
  }

  done(id: string, r: Pick<NodeRecord, 'start' | 'end' | 'rowsIn' | 'rowsOut' | 'bytes'>): void {
    const rec = this.record(id);
    const start = rec.started ? rec.start : r.start;
    Object.assign(rec, r, { start, status: 'done', spanStatus: 'done', started: true });
    this.emit({ nodeId: id, status: 'done', rows: r.rowsOut, ms: r.end - r.start });
  }

  failed(id: string, error: PetroflowError, cancelled = false): void {
    const r = this.record(id);
    if (!r.started) r.start = now();
    Object.assign(r, { status: 'failed', spanStatus: cancelled ? 'cancelled' : 'failed', error });
    r.end = now();
    this.emit({ nodeId: id, status: 'failed', error });
  }

  skipped(id: string, reason: string, cancelled = false): void {
    const r = this.record(id);
    Object.assign(r, {
      status: 'skipped',
      spanStatus: cancelled ? 'cancelled' : 'skipped',
      reason,
    });
    r.start = r.end = now();
    this.emit({ nodeId: id, status: 'skipped', reason });
  }

  warn(id: string, message: string): void {
    const r = this.record(id);
    if (r.warnings.length < MAX_NODE_WARNINGS) r.warnings.push(message);
    else r.warningsLeftOut++;
  }

  /** The reason a consumer of `id` is skipped, or undefined while `id` can still deliver. */
  blockedBy(id: string): string | undefined {
    const r = this.records.get(id);
    if (r?.status === 'failed') return `upstream node '${id}' failed`;
    if (r?.status === 'skipped') return r.reason ?? `upstream node '${id}' was skipped`;
    return undefined;
  }

  /** The run summary (nodes in scope, spans in plan order). */
  summary(runId: string, cancelled: boolean): RunSummary {
    const nodes: Record<string, RunSummary['nodes'][string]> = {};
    const spans: NodeSpan[] = [];
    let failed = false;
    for (const id of this.plan.order) {
      const r = this.record(id);
      const p = this.plan.nodes.get(id) as PlannedNode;
      if (r.status === 'failed') failed = true;
      nodes[id] = {
        status: r.status,
        rows: r.rowsOut,
        ms: Math.max(0, r.end - r.start),
        cached: r.cacheHit,
        ...(r.error ? { error: r.error } : {}),
        ...(r.reason ? { reason: r.reason } : {}),
        ...(r.warnings.length > 0 ? { warnings: listedWarnings(r) } : {}),
        attempts: r.attempts,
      };
      spans.push({
        nodeId: id,
        op: p.node.op,
        version: p.node.version,
        start: r.start,
        end: r.end,
        rowsIn: r.rowsIn,
        rowsOut: r.rowsOut,
        bytes: r.bytes,
        worker: r.worker,
        cacheHit: r.cacheHit,
        status: r.spanStatus,
        ...(r.error ? { error: r.error } : {}),
        attempts: r.attempts,
      });
    }
    const status = cancelled ? 'cancelled' : failed ? 'failed' : 'done';
    return { runId, status, start: this.start, end: now(), nodes, spans, edges: this.edges };
  }
}
