/**
 * One attempt at a segment: the host the runner reports to, and what happens after the worker was
 * lost. Successful nodes count at once (their output is complete whatever happens next); a node
 * whose failure is itself a worker crash, and the descendants it skipped, are held back until the
 * attempt ends, because a retry may still run them. After a crash the node to blame is the one
 * that reported the crash, else the last node whose operator code started on the thread, else the
 * first unfinished node; it gets at most `maxAttempts` attempts, every other unfinished node of the
 * segment that does not depend on it runs again.
 */
import type { PetroflowError } from '../model/errors.ts';
import type { IpcChunk } from './ipc.ts';
import type { Plan, PlannedNode } from './plan.ts';
import { crashedTooOften, isRetryable, retryReason } from './retry.ts';
import type { RunState } from './run-state.ts';
import type { Segment } from './segments.ts';
import type { NodeReport, SegmentHost } from './task.ts';

/** What an attempt needs from its run. */
export interface AttemptDeps {
  readonly state: RunState;
  readonly plan: Plan;
  readonly readFile: (name: string) => Promise<Uint8Array>;
  /** Records a node that finished with its complete output. */
  readonly done: (report: NodeReport, chunks: readonly IpcChunk[]) => void;
}

/** Applies a non-success report to the run state. */
function applyReport(state: RunState, r: NodeReport): void {
  if (r.status === 'failed' && r.error) state.failed(r.nodeId, r.error);
  else if (r.status === 'cancelled' && r.error) state.failed(r.nodeId, r.error, true);
  else state.skipped(r.nodeId, r.reason ?? 'skipped', r.status === 'cancelled');
}

/** The reports and breadcrumbs of one attempt at one segment. */
export class Attempt {
  private readonly chunks = new Map<string, IpcChunk[]>();
  private readonly held = new Map<string, NodeReport>();
  /** Warnings of this attempt, kept until the node's outcome is final (a retry repeats them). */
  private readonly warnings = new Map<string, string[]>();
  private lastActive: string | undefined;
  /** The host the segment runner reports to. */
  readonly host: SegmentHost;

  constructor(
    private readonly seg: Segment,
    private readonly deps: AttemptDeps,
  ) {
    const { state } = deps;
    for (const id of seg.nodes) this.chunks.set(id, []);
    this.host = {
      started: (id, at) => Promise.resolve(state.running(id, at)),
      progress: (id, rows) => Promise.resolve(state.progress(id, rows)),
      output: (id, chunk) => Promise.resolve(void this.chunks.get(id)?.push(chunk)),
      warn: (id, message) => {
        const list = this.warnings.get(id) ?? [];
        list.push(message);
        this.warnings.set(id, list);
        return Promise.resolve();
      },
      readFile: (name) => deps.readFile(name),
      active: (id) => {
        this.lastActive = id;
      },
      finished: (r) => {
        const parent = seg.parent.get(r.nodeId);
        if (r.status === 'done') deps.done(r, this.chunks.get(r.nodeId) ?? []);
        else if (r.status === 'failed' && isRetryable(r.error)) this.held.set(r.nodeId, r);
        else if (r.status === 'skipped' && parent !== undefined && this.held.has(parent))
          this.held.set(r.nodeId, r);
        else applyReport(state, r);
        if (!this.held.has(r.nodeId)) this.flush(r.nodeId);
        this.chunks.delete(r.nodeId);
        return Promise.resolve();
      },
    };
  }

  /** Records the node's warnings of this attempt with the run. */
  private flush(id: string): void {
    for (const m of this.warnings.get(id) ?? []) this.deps.state.warn(id, m);
    this.warnings.delete(id);
  }

  /** Applies the held-back reports and warnings: the attempt will not be retried. */
  settle(): void {
    for (const r of this.held.values()) applyReport(this.deps.state, r);
    this.held.clear();
    for (const id of [...this.warnings.keys()]) this.flush(id);
  }

  private blame(): { id: string; error?: PetroflowError } | undefined {
    for (const r of this.held.values())
      if (r.status === 'failed' && r.error) return { id: r.nodeId, error: r.error };
    const { state } = this.deps;
    if (this.lastActive !== undefined && !state.isFinal(this.lastActive))
      return { id: this.lastActive };
    const first = this.seg.nodes.find((id) => !state.isFinal(id));
    return first === undefined ? undefined : { id: first };
  }

  /**
   * After the worker was lost (`fatal`): blames a node, fails it if it used up its attempts (and
   * skips what depends on it), and returns the unfinished nodes to run again, queued again.
   */
  afterCrash(fatal: PetroflowError, maxAttempts: number): string[] {
    const { state, plan } = this.deps;
    const blamed = this.blame();
    this.held.clear();
    if (!blamed) return [];
    const error = blamed.error ?? fatal;
    const crashes = state.crashed(blamed.id, error);
    const blocked = new Set<string>();
    const retry: string[] = [];
    for (const id of this.seg.nodes) {
      const parent = this.seg.parent.get(id);
      if (state.isFinal(id)) {
        if (state.status(id) === 'failed' || state.status(id) === 'skipped') blocked.add(id);
      } else if (parent !== undefined && blocked.has(parent)) {
        state.skipped(id, state.blockedBy(parent) ?? `upstream node '${parent}' failed`);
        blocked.add(id);
      } else if (id === blamed.id && crashes >= maxAttempts) {
        const n = (plan.nodes.get(id) as PlannedNode).node;
        state.failed(
          id,
          crashedTooOften({ nodeId: id, op: n.op, version: n.version }, state.crashesOf(id)),
        );
        blocked.add(id);
      } else retry.push(id);
    }
    // A node run again repeats its warnings: only the final attempt's are kept.
    for (const id of retry) this.warnings.delete(id);
    for (const id of [...this.warnings.keys()]) this.flush(id);
    for (const id of retry) {
      const next = (state.records.get(id)?.attempts ?? 0) + 1;
      state.requeued(id, retryReason(blamed.id, error, next));
    }
    return retry;
  }
}
