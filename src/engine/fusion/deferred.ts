/**
 * The deferred path of a fused chain: when a run keeps none of the steps' outputs (retain.ts) and
 * the chain ends in a `sql` tail, each input batch is only staged; the steps' values are never
 * exported. At the end, one aggregate query computes every value (so its errors are the ones the
 * steps would raise) and, per filter, the count and two position checksums of the rows it keeps,
 * which must equal those of the operators' own masks (row counts come from those masks). Then the
 * tail reads the stage. Whenever any of this does not hold, the caller replays the held input
 * batches the eager way, so results, statuses and errors stay exactly those of the node-by-node run.
 */
import type { Data, RecordBatch, Schema, Table } from 'apache-arrow';
import { bindDepthFilter } from '../../operators/tables/filter-depth.ts';
import type { RunContext } from '../../operators/types.ts';
import type { TaskNode } from '../task.ts';
import type { Chain } from './chains.ts';
import type { ChainSql, FusedStep } from './fused-sql.ts';
import type { BoundStep } from './fused-batch.ts';
import { plainStep } from './fused-batch.ts';
import { ROW_HASH, evaluateSql } from './fused-sql.ts';
import type { FusedState } from './fused-state.ts';
import { isFatal } from './fatal.ts';

/** What the deferred checks found: rows out of each step, and each expression's value type. */
export interface Deferred {
  /** Rows out of each step, in chain order. */
  readonly rows: readonly number[];
  /** A zero-row `Data` of each expression step's value type (undefined for filters). */
  readonly types: readonly (Data | undefined)[];
}

/**
 * True when the filters can be checked on the input batches themselves: no filter reads a column
 * an earlier expression of the chain writes.
 */
export function filtersReadInput(steps: readonly FusedStep[]): boolean {
  const written = new Set<string>();
  for (const s of steps) {
    if (s.kind === 'expression') written.add(s.output);
    else if (written.has(s.index)) return false;
  }
  return true;
}

/** What the check reads from the fused chain's state (FusedState). */
export interface StagedChain {
  readonly steps: readonly FusedStep[] | undefined;
  readonly tailReady: boolean;
  selectAll(sql: (plan: ChainSql, table: string) => string, signal: AbortSignal): Promise<Table>;
}

/**
 * Checks the staged chain; the rows out of each step when the deferred result stands for the eager
 * one, else undefined (an error the values raise, a filter the SQL disagrees with, a bind error).
 */
export async function checkDeferred(
  chain: Chain,
  fused: StagedChain,
  held: readonly RecordBatch[],
  ctxFor: (i: number) => RunContext,
  signal: AbortSignal,
): Promise<Deferred | undefined> {
  const steps = fused.steps;
  if (!steps || !fused.tailReady || !filtersReadInput(steps)) return undefined;
  const total = held.reduce((n, b) => n + b.numRows, 0);
  const found = await fused.selectAll((plan, t) => evaluateSql(plan, t), signal);
  const num = (name: string): number => Number(found.getChild(name)?.get(0));
  if (num('n') !== total) return undefined;
  // Rows kept so far per staged row (cumulative over the filters), checked against the SQL's
  // count, position sum and position-hash sum of the rows each filter keeps.
  const kept = new Uint8Array(total).fill(1);
  const rows: number[] = [];
  let current = total;
  for (const [i, s] of steps.entries()) {
    if (s.kind === 'filter') {
      const tn = chain.steps[i];
      if (!tn) return undefined;
      let [count, sum, hash, at] = [0, 0, 0, 0];
      for (const batch of held) {
        const bound = bindDepthFilter(batch.schema, tn.params, ctxFor(i));
        if (!bound.ok) return undefined;
        const mask = bound.value.mask(batch);
        for (let r = 0; r < batch.numRows; r++, at++) {
          const keep = kept[at] === 1 && mask[r] === 1;
          kept[at] = keep ? 1 : 0;
          if (!keep) continue;
          count++;
          sum += at;
          hash += (at * ROW_HASH.factor) % ROW_HASH.modulus;
        }
      }
      if (count !== num(`c${i}`) || sum !== num(`s${i}`) || hash !== num(`h${i}`)) return undefined;
      current = count;
    }
    rows.push(current);
  }
  const types = steps.map((s, i) => {
    const d = s.kind === 'expression' ? found.getChild(`m${i}`)?.data[0] : undefined;
    return d?.slice(0, 0);
  });
  if (steps.some((s, i) => s.kind === 'expression' && !types[i])) return undefined;
  return { rows, types };
}

/** What a deferred run needs from its chain's driver (chain-runner.ts). */
export interface DeferredDeps {
  ctxFor(tn: TaskNode): RunContext;
  enter(nodeId: string): void;
  readonly signal: AbortSignal;
}

/** The deferred side of one chain run: staging, the final check, the tail's input on demand. */
export class DeferredRun {
  /** The input batches, kept for the check (and a replay) until the chain ends. */
  readonly held: RecordBatch[] = [];

  constructor(
    private readonly chain: Chain,
    private readonly fused: FusedState,
    private readonly deps: DeferredDeps,
    /** Binds step `i` on its input (the driver's, so a replay reuses the same binding). */
    private readonly bind: (i: number, input: RecordBatch) => BoundStep,
  ) {}

  /** Stages one input batch (fusion goes off for good when that cannot be done). */
  async stage(batch: RecordBatch): Promise<void> {
    this.held.push(batch);
    const { fused, deps } = this;
    await fused.guard(batch, deps.signal, async () => {
      deps.enter((this.chain.steps[0] as TaskNode).nodeId);
      // A batch that cannot be staged turns fusion off (stageOnly does).
      await fused.stageOnly(batch, deps.signal);
      return undefined;
    });
  }

  /** The deferred result and the tail's input schema, or undefined to replay eagerly. */
  async settle(): Promise<{ found: Deferred; schema: Schema } | undefined> {
    const { fused, deps, chain } = this;
    const first = this.held[0];
    if (!fused.on || !first) return undefined;
    try {
      const ctx = (i: number) => deps.ctxFor(chain.steps[i] as TaskNode);
      const found = await checkDeferred(chain, fused, this.held, ctx, deps.signal);
      if (!found) return undefined;
      // The tail's input schema: the steps' outputs of no rows (values of the found types).
      let cur = first.slice(0, 0);
      for (const [i, t] of found.types.entries()) {
        const step = this.bind(i, cur);
        if (step.kind === 'expression') cur = step.bound.withValues(cur, t as Data);
      }
      return { found, schema: cur.schema };
    } catch (e) {
      if (isFatal(e, deps.signal)) throw e;
      return undefined;
    }
  }

  /** The tail's input computed node by node from the held batches (when its query failed). */
  async replay(): Promise<RecordBatch[]> {
    const out: RecordBatch[] = [];
    for (const b of this.held) {
      let cur = b;
      for (let i = 0; i < this.chain.steps.length; i++)
        cur = (await plainStep(this.bind(i, cur), cur)).batch;
      out.push(cur);
    }
    return out;
  }

  /** Hands the held batches over (for the eager replay) and forgets them. */
  take(): RecordBatch[] {
    return this.held.splice(0);
  }
}
