/**
 * The fused chain driver. For each input batch of a chain (chains.ts) it inserts the batch into a
 * stage of the worker's DuckDB once and computes every step in one query (fused-sql.ts), building
 * each node's output as the node itself would (fused-batch.ts); a `sql` tail then queries the
 * staged rows through a view instead of a fresh Arrow insert. Every node still reports its own
 * start, rows, output chunks and end. Whenever the fused result cannot stand for the unfused one
 * (an error, an unsupported type, a filter mismatch) the batch, and every later one, runs node by
 * node with the operators' own transforms, so errors, nulls and types stay exactly theirs. When the
 * run keeps no step's output and a tail reads the chain, batches are only staged and checked once
 * at the end (deferred.ts); if that check does not hold, they are replayed the eager way.
 */
import type { RecordBatch } from 'apache-arrow';
import type { PetroflowError } from '../../model/errors.ts';
import { PetroflowException } from '../../model/errors.ts';
import { bindDepthFilter } from '../../operators/tables/filter-depth.ts';
import { bindExpression } from '../../operators/tables/math-expression.ts';
import type { RunContext, SqlEngine } from '../../operators/types.ts';
import type { NodeIo } from '../node-io.ts';
import { Stopped } from '../node-io.ts';
import type { TaskNode } from '../task.ts';
import type { Chain } from './chains.ts';
import { DeferredRun } from './deferred.ts';
import { isCancel } from './fatal.ts';
import type { BoundStep, StepOutput } from './fused-batch.ts';
import { fusedOutputs, plainStep } from './fused-batch.ts';
import { FusedState } from './fused-state.ts';
import { runTail } from './tail.ts';

/** What the segment runner lends the chain driver. */
export interface ChainDeps {
  readonly ios: ReadonlyMap<string, NodeIo>;
  ctxFor(tn: TaskNode): RunContext;
  readonly input: AsyncIterable<RecordBatch> | Iterable<RecordBatch>;
  /** Stops the chain's input channel (its producer must not wait on a chain that stopped). */
  abandon(): void;
  sql(): Promise<SqlEngine>;
  readonly signal: AbortSignal;
  enter(nodeId: string): void;
  /** Counts batches handed from a chain node to the next (edge statistics). */
  handed(to: string, batches: number): void;
}

/** Runs `chain`; resolves to the error that makes the thread untrustworthy, if any. */
export async function runChain(chain: Chain, deps: ChainDeps): Promise<PetroflowError | undefined> {
  const { steps, tail } = chain;
  const io = (tn: TaskNode): NodeIo => deps.ios.get(tn.nodeId) as NodeIo;
  for (const tn of [...steps, ...(tail ? [tail] : [])]) io(tn).started();
  const bound: (BoundStep | undefined)[] = steps.map(() => undefined);
  const bind = (i: number, input: RecordBatch): BoundStep => {
    const known = bound[i];
    if (known) return known;
    const tn = steps[i] as TaskNode;
    const ctx = deps.ctxFor(tn);
    const step: BoundStep | PetroflowError = (() => {
      if (chain.kinds[i] === 'expression') {
        const r = bindExpression(input.schema, tn.params, ctx);
        return r.ok ? { kind: 'expression', bound: r.value } : r.error;
      }
      const r = bindDepthFilter(input.schema, tn.params, ctx);
      return r.ok ? { kind: 'filter', bound: r.value } : r.error;
    })();
    if (!('kind' in step)) throw new PetroflowException(step);
    bound[i] = step;
    return step;
  };
  const fused = new FusedState(chain, deps);
  let alive = steps.length;
  let tailAlive = tail !== undefined;
  let fatal: PetroflowError | undefined;
  const tailInput: RecordBatch[] = [];

  /** Node `i` failed with `e`: it reports so, its chain descendants are skipped. */
  const failFrom = async (i: number, e: unknown): Promise<void> => {
    const id = (steps[i] as TaskNode).nodeId;
    fatal ??= await io(steps[i] as TaskNode).end(e, deps.signal);
    const why = new Stopped(`upstream node '${id}' failed`);
    for (let j = i + 1; j < alive; j++) await io(steps[j] as TaskNode).end(why, deps.signal);
    if (tail && tailAlive) await io(tail).end(why, deps.signal);
    tailAlive = false;
    alive = i;
  };

  /** The batch node by node through the operators' own transforms. */
  const plain = async (batch: RecordBatch): Promise<StepOutput[]> => {
    const outs: StepOutput[] = [];
    let cur = batch;
    for (let i = 0; i < alive; i++) {
      try {
        deps.enter((steps[i] as TaskNode).nodeId);
        const out = await plainStep(bind(i, cur), cur);
        cur = out.batch;
        outs.push(out);
      } catch (e) {
        if (isCancel(e, deps.signal)) throw e;
        await failFrom(i, e);
        break;
      }
    }
    return outs;
  };

  const fusedBatch = async (batch: RecordBatch): Promise<StepOutput[] | undefined> => {
    if (alive < steps.length) return undefined;
    return fused.guard(batch, deps.signal, async () => {
      deps.enter((steps[0] as TaskNode).nodeId);
      const result = await fused.values(batch, deps.signal);
      return result && fusedOutputs(batch, result, steps.length, bind);
    });
  };

  /** One input batch the eager way: computed (fused or node by node), emitted, handed on. */
  const eager = async (batch: RecordBatch): Promise<void> => {
    let outs = fused.on ? await fusedBatch(batch) : undefined;
    if (!outs) {
      if (batch.numRows > 0) fused.off();
      outs = await plain(batch);
    }
    for (const [i, { batch: out, derived }] of outs.entries()) {
      await io(steps[i] as TaskNode).emit(out, derived);
      const next = i + 1 < steps.length ? steps[i + 1] : tailAlive ? tail : undefined;
      if (next) {
        io(next).rowsIn += out.numRows;
        deps.handed(next.nodeId, 1);
      }
    }
    if (tailAlive && outs.length === steps.length)
      tailInput.push((outs[outs.length - 1] as StepOutput).batch);
  };

  // No step output is kept and a tail reads the chain: stage only, compute at the end (deferred.ts).
  const deferred =
    tail !== undefined && steps.every((tn) => io(tn).discards)
      ? new DeferredRun(chain, fused, deps, bind)
      : undefined;

  try {
    for await (const batch of deps.input) {
      deps.signal.throwIfAborted();
      const first = io(steps[0] as TaskNode);
      first.rowsIn += batch.numRows;
      if (deferred) {
        await deferred.stage(batch);
        first.report(first.rowsIn);
        continue;
      }
      await eager(batch);
      if (alive === 0) {
        deps.abandon();
        break;
      }
    }
    deps.signal.throwIfAborted();
    const settled = await deferred?.settle();
    if (settled) {
      for (const [i, tn] of steps.entries()) {
        const rows = settled.found.rows[i] as number;
        io(tn).rowsOut = rows;
        const next = steps[i + 1] ?? tail;
        if (next) {
          io(next).rowsIn = rows;
          deps.handed(next.nodeId, (deferred as DeferredRun).held.length);
        }
        await io(tn).done();
      }
      fatal ??= await runTail(tail as TaskNode, {
        io: io(tail as TaskNode),
        deps,
        fused,
        input: () => (deferred as DeferredRun).replay(),
        schema: settled.schema,
      });
      return fatal;
    }
    if (deferred) {
      // The deferred result does not stand: every held batch the eager way (fused while that
      // holds, else node by node), so statuses and errors are the eager ones.
      if (fused.on) await fused.restart();
      for (const batch of deferred.take()) {
        await eager(batch);
        if (alive === 0) break;
      }
    }
    for (let i = 0; i < alive; i++) await io(steps[i] as TaskNode).done();
    if (tail && tailAlive)
      fatal ??= await runTail(tail, { io: io(tail), deps, fused, input: tailInput });
  } catch (e) {
    deps.abandon();
    for (const tn of [...steps, ...(tail ? [tail] : [])])
      if (!io(tn).ended) fatal ??= await io(tn).end(e, deps.signal);
  } finally {
    await fused.close();
  }
  return fatal;
}
