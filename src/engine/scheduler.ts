/**
 * The scheduler: plans a run, serves unchanged nodes from the cache, and hands ready segments to
 * the executor as its workers free up (at most `slots` at once), so independent branches run at
 * the same time. A failure skips only the failed node's descendants; a lost worker (crash or
 * timeout) runs the segment's unfinished nodes again (retry.ts, attempt.ts); cancellation stops
 * dispatch, cancels running segments and ends the run.
 */
import type { PetroflowError } from '../model/errors.ts';
import { PetroflowException, petroflowError } from '../model/errors.ts';
import type { OutputCache } from './cache.ts';
import type { Executor } from './executor.ts';
import { Slots } from './executor.ts';
import { fingerprintPlan } from './fingerprint.ts';
import { copyBytes, type IpcChunk } from './ipc.ts';
import type { OperatorLookup, PlannedNode } from './plan.ts';
import { planRun } from './plan.ts';
import { RunState } from './run-state.ts';
import type { Segment } from './segments.ts';
import { buildSegments } from './segments.ts';
import type { NodeReport, SegmentResult, SegmentTask } from './task.ts';
import { Attempt } from './attempt.ts';
import { DEFAULT_MAX_ATTEMPTS, isRetryable } from './retry.ts';
import type { FileProvider, RunOptions, RunSummary } from './types.ts';
import type { Pipeline } from '../model/pipeline.ts';

/** What a run needs from its engine. */
export interface RunDeps {
  readonly operators: OperatorLookup;
  readonly executor: Executor;
  readonly cache: OutputCache;
  /** Capacity of every streaming edge, in batches. */
  readonly capacity: number;
  /** Records the fingerprint of a node's output in this run (for `Engine.output`). */
  readonly latest: { set(nodeId: string, fingerprint: string): void };
  /** Attempts a node blamed for worker crashes gets (default `DEFAULT_MAX_ATTEMPTS`). */
  readonly maxAttempts?: number;
}

function perNode(fatal: PetroflowError, p: PlannedNode): PetroflowError {
  return {
    ...fatal,
    nodeId: p.node.id,
    op: p.node.op,
    message: `Node '${p.node.id}' (${p.node.op}@${p.node.version}): ${fatal.message}`,
  };
}

/** Runs `pipeline` and resolves to its summary (rejects only for an unplannable pipeline). */
export async function executeRun(
  pipeline: Pipeline,
  files: FileProvider,
  options: RunOptions,
  deps: RunDeps,
): Promise<RunSummary> {
  const runId = crypto.randomUUID();
  const planned = planRun(pipeline, deps.operators, options.target);
  if (!planned.ok) throw new PetroflowException(planned.error);
  const plan = planned.value;
  const state = new RunState(plan, options);
  const signal = options.signal ?? new AbortController().signal;
  const { fingerprints, failures } = await fingerprintPlan(plan, files);
  const finished = new Map<string, readonly IpcChunk[]>();
  const execute = new Set<string>();
  for (const id of plan.order) {
    const p = plan.nodes.get(id) as PlannedNode;
    const skip = plan.skipped.get(id);
    const fp = fingerprints.get(id) as string;
    const unreadable = failures.get(id);
    const hit = skip === undefined && !unreadable ? deps.cache.get(fp) : undefined;
    if (skip !== undefined) state.skipped(id, skip);
    else if (unreadable) state.failed(id, unreadable);
    else if (hit) {
      finished.set(id, hit.chunks);
      deps.latest.set(id, fp);
      state.cached(id, hit.rows, hit.bytes);
    } else if (!p.operator) {
      state.failed(
        id,
        petroflowError(
          'UNKNOWN_VERSION',
          `Node '${id}': operator ${p.node.op}@${p.node.version} is not available in this build; update Petroflow or change the node's version.`,
          { nodeId: id, op: p.node.op },
        ),
      );
    } else execute.add(id);
  }
  for (const id of plan.order) if (execute.has(id)) state.queued(id);
  const fileNames = files.names();
  const maxAttempts = deps.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const attemptDeps = {
    state,
    plan,
    // The bytes may be transferred to a worker: a copy unless the provider's reads are fresh.
    readFile: async (name: string) => {
      const bytes = await files.read(name);
      return files.readsFresh === true ? bytes : copyBytes(bytes);
    },
    done: (r: NodeReport, out: readonly IpcChunk[]) => {
      finished.set(r.nodeId, out);
      const fp = fingerprints.get(r.nodeId) as string;
      deps.cache.put(fp, out, r.rowsOut);
      deps.latest.set(r.nodeId, fp);
      state.done(r.nodeId, r);
    },
  };

  // At most `slots` segments are handed to the executor at once: their input copies are made only
  // when a worker can take them (a wide fan-out does not copy its input once per consumer up front),
  // and segments still waiting when the run is cancelled never start.
  const gate = new Slots(deps.executor.slots);
  const dispatch = async (seg: Segment): Promise<void> => {
    const admitted = await gate.acquire(signal);
    if (!admitted || signal.aborted) {
      if (admitted) gate.release();
      for (const id of seg.nodes) state.skipped(id, 'cancelled', true);
      return;
    }
    let outcome: [SegmentResult, Attempt];
    try {
      outcome = await attemptSegment(seg);
    } finally {
      gate.release();
    }
    await settleSegment(seg, ...outcome);
  };
  const attemptSegment = async (seg: Segment): Promise<[SegmentResult, Attempt]> => {
    const head = plan.nodes.get(seg.head) as PlannedNode;
    const inputs: Record<string, IpcChunk[]> = {};
    // Copies: the cache keeps its chunks while the copies are transferred to a worker.
    for (const i of head.inputs) inputs[i.port] = (finished.get(i.from) ?? []).map(copyBytes);
    const attempt = Math.max(...seg.nodes.map((id) => state.attempt(id)));
    const task: SegmentTask = {
      taskId: `${runId}:${seg.head}:${attempt}`,
      nodes: seg.nodes.map((id) => {
        const p = plan.nodes.get(id) as PlannedNode;
        const n = p.node;
        const parent = seg.parent.get(id) ?? null;
        const port = parent === null ? undefined : p.inputs[0]?.port;
        const base = { nodeId: id, op: n.op, version: n.version, params: n.params, parent };
        return port === undefined ? base : { ...base, port };
      }),
      inputs,
      fileNames,
      capacity: deps.capacity,
      // A retry after a crash runs unfused, so the crash is blamed on one node.
      fuse: attempt <= 1,
    };
    const log = new Attempt(seg, attemptDeps);
    return [await deps.executor.execute(task, log.host, signal), log];
  };
  const settleSegment = async (
    seg: Segment,
    result: SegmentResult,
    log: Attempt,
  ): Promise<void> => {
    state.edges.push(...result.edges);
    for (const id of seg.nodes) {
      const r = state.records.get(id);
      if (r && state.status(id) !== 'queued') r.worker = result.worker;
    }
    if (!signal.aborted && isRetryable(result.fatal)) {
      const again = log.afterCrash(result.fatal as PetroflowError, maxAttempts);
      await Promise.all(buildSegments(plan, new Set(again)).map((s) => dispatch(s)));
      return;
    }
    log.settle();
    for (const id of seg.nodes) {
      if (state.isFinal(id)) continue;
      const p = plan.nodes.get(id) as PlannedNode;
      if (signal.aborted) {
        state.failed(id, perNode(petroflowError('CANCELLED', 'cancelled.'), p), true);
      } else {
        const fatal =
          result.fatal ?? petroflowError('INTERNAL', 'the worker ended without reporting.');
        state.failed(id, perNode(fatal, p));
      }
    }
  };

  let waiting = buildSegments(plan, execute);
  const running = new Set<Promise<void>>();
  // Woken by any segment that ends (a Promise.race over every running segment would add one
  // reaction to each per turn: quadratic in a 2 000-wide fan-out).
  let wake = (): void => undefined;
  for (;;) {
    const still: Segment[] = [];
    for (const seg of waiting) {
      const blocked = seg.needs.map((n) => state.blockedBy(n)).find((r) => r !== undefined);
      if (signal.aborted) for (const id of seg.nodes) state.skipped(id, 'cancelled', true);
      else if (blocked) for (const id of seg.nodes) state.skipped(id, blocked);
      else if (seg.needs.every((n) => finished.has(n))) {
        const job = dispatch(seg).finally(() => {
          running.delete(job);
          wake();
        });
        running.add(job);
      } else still.push(seg);
    }
    waiting = still;
    if (running.size === 0) break;
    await new Promise<void>((resolve) => (wake = resolve));
  }
  for (const seg of waiting) for (const id of seg.nodes) state.skipped(id, 'not reachable');
  return state.summary(runId, signal.aborted);
}
