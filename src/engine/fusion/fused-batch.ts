/**
 * Turning one fused query result into every step's output batch, exactly as the unfused nodes
 * would have made them: expression values go through the node's own `withValues`, filters apply
 * their own JavaScript mask, and the SQL keep flags are checked against those masks (a mismatch
 * throws, and the caller falls back to the unfused path for the batch).
 */
import type { Data, RecordBatch, Table, Vector } from 'apache-arrow';
import type { BoundDepthFilter } from '../../operators/tables/filter-depth.ts';
import type { BoundExpression } from '../../operators/tables/math-expression.ts';
import { concatData } from '../../operators/tables/arrow-concat.ts';
import { keepRuns, runsOf } from '../../operators/tables/filter-depth.ts';
import type { Derivation } from '../node-io.ts';
import { keepColumn, valueColumn } from './fused-sql.ts';

/** A step bound to its input schema. */
export type BoundStep =
  | { readonly kind: 'expression'; readonly bound: BoundExpression }
  | { readonly kind: 'filter'; readonly bound: BoundDepthFilter };

/** A step's output batch and how it derives from the step's input (for shared emits). */
export interface StepOutput {
  readonly batch: RecordBatch;
  readonly derived: Derivation;
}

/** Runs one step the operator's own way on `input`. */
export async function plainStep(step: BoundStep, input: RecordBatch): Promise<StepOutput> {
  if (step.kind === 'expression') {
    const batch = await step.bound.transform(input);
    return { batch, derived: { from: input, columns: [step.bound.output] } };
  }
  const runs = runsOf(step.bound.mask(input));
  return { batch: keepRuns(input, runs), derived: { from: input, runs } };
}

/** Thrown when the fused result cannot stand for the unfused one (the batch is redone unfused). */
export class FusionMismatch extends Error {}

/** One `Data` holding a result column (DuckDB results may arrive in several chunks). */
function column(result: Table, name: string): Data {
  const v: Vector | null = result.getChild(name);
  if (!v || v.data.length === 0) throw new FusionMismatch(`no column ${name}`);
  return concatData(v.data as readonly Data[]);
}

/** The rows of `data` in `runs` (`[start, end)`, ascending): slices, joined when several. */
export function runsData(data: Data, runs: readonly (readonly [number, number])[]): Data {
  if (runs.length === 0) return data.slice(0, 0);
  const parts = runs.map(([s, e]) => data.slice(s, e - s));
  return parts.length === 1 ? parts[0]! : concatData(parts);
}

/**
 * One filter over the fused batch: the rows where `kept` (runs over the batch rows, undefined:
 * all) and the operator's `mask` (over the kept rows) both hold, checked row by row against the
 * SQL flags `sql`. Returns the new kept runs over the batch rows.
 */
function filterRuns(
  rows: number,
  kept: readonly (readonly [number, number])[] | undefined,
  mask: Uint8Array,
  sql: Data,
): [number, number][] {
  const bits = sql.values as Uint8Array;
  const nulls = sql.nullCount > 0 ? (sql.nullBitmap as Uint8Array | undefined) : undefined;
  const out: [number, number][] = [];
  let start = -1;
  let run = 0;
  let at = 0;
  for (let r = 0; r <= rows; r++) {
    let inside = r < rows;
    if (kept && inside) {
      while (run < kept.length && kept[run]![1] <= r) run++;
      inside = run < kept.length && kept[run]![0] <= r;
    }
    const keep = inside && mask[at] === 1;
    if (inside) at++;
    if (r < rows) {
      const b = sql.offset + r;
      const set = ((bits[b >> 3]! >> (b & 7)) & 1) === 1;
      const valid = nulls === undefined || ((nulls[b >> 3]! >> (b & 7)) & 1) === 1;
      if ((set && valid) !== keep) throw new FusionMismatch(`filter row ${r}`);
    }
    if (keep && start < 0) start = r;
    else if (!keep && start >= 0) {
      out.push([start, r]);
      start = -1;
    }
  }
  return out;
}

/**
 * Every step's output for `batch` from the fused `result`; `bind(i, schema)` binds step `i` on
 * its input schema the first time (and throws the node's own error when that fails).
 */
export function fusedOutputs(
  batch: RecordBatch,
  result: Table,
  count: number,
  bind: (i: number, input: RecordBatch) => BoundStep,
): StepOutput[] {
  if (result.numRows !== batch.numRows) throw new FusionMismatch('row count');
  const outs: StepOutput[] = [];
  let cur = batch;
  // Kept rows of `batch` so far, as runs (undefined: all).
  let kept: [number, number][] | undefined;
  for (let i = 0; i < count; i++) {
    const step = bind(i, cur);
    const input = cur;
    if (step.kind === 'expression') {
      const values = column(result, valueColumn(i));
      cur = step.bound.withValues(cur, kept ? runsData(values, kept) : values);
      outs.push({ batch: cur, derived: { from: input, columns: [step.bound.output] } });
    } else {
      const mask = step.bound.mask(cur);
      if (mask.length !== cur.numRows) throw new FusionMismatch('mask length');
      kept = filterRuns(batch.numRows, kept, mask, column(result, keepColumn(i)));
      const local = runsOf(mask);
      cur = keepRuns(cur, local);
      outs.push({ batch: cur, derived: { from: input, runs: local } });
    }
  }
  return outs;
}
