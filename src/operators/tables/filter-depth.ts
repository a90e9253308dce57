/**
 * `filter.depth`: keeps the rows whose index lies between `top` and `base` (inclusive), whichever
 * way the index runs; row-wise, batch by batch, schema and metadata unchanged.
 */
import { Float64, type RecordBatch, type Schema } from 'apache-arrow';
import type { PetroflowError } from '../../model/errors.ts';
import { err, ok, type Result } from '../../model/result.ts';
import { numericColumnIndex, readFloat64 } from '../columns.ts';
import { column, defineParams, num } from '../params.ts';
import { storedAs, toStored } from '../precision.ts';
import type { RowwiseOperator } from '../types.ts';
import { coalesceBatches } from './arrow-concat.ts';
import {
  indexColumn,
  inPort,
  outPort,
  paramError,
  completeParams,
  type ParamsType,
} from './shared.ts';

const ID = 'filter.depth';

const params = defineParams({
  index: column({
    title: 'Index',
    description: 'The depth (or time) column to filter on; empty means the first column.',
    optional: true,
  }),
  top: num({
    title: 'Top',
    description: 'Shallowest index value kept (same unit as the index, e.g. m or ft); inclusive.',
  }),
  base: num({
    title: 'Base',
    description:
      'Deepest index value kept (same unit as the index); inclusive. Top and base may be given in either order.',
  }),
});

/** Parameters of `filter.depth`. */
export type FilterDepthParams = ParamsType<typeof params>;

function check(
  schema: Schema,
  raw: FilterDepthParams,
): Result<{ index: string; lo: number; hi: number }, PetroflowError> {
  const complete = completeParams(params, raw, ID);
  if (!complete.ok) return complete;
  const p = complete.value;
  const index = indexColumn(schema, ID, p.index);
  if (!index.ok) return index;
  const numeric = numericColumnIndex(schema, 'index', index.value, { op: ID });
  if (!numeric.ok) return numeric;
  if (!Number.isFinite(p.top)) return err(paramError(ID, 'top', 'must be a number.'));
  if (!Number.isFinite(p.base)) return err(paramError(ID, 'base', 'must be a number.'));
  return ok({ index: index.value, ...depthBounds(schema, index.value, p.top, p.base) });
}

/**
 * The inclusive window of `top` and `base` (either order) as `index` is compared with it, here and
 * in the engine's fused chains: a FLOAT index holds 1480.1 as 1480.0999755859375, so the bounds
 * are rounded to the index's precision.
 */
export function depthBounds(
  schema: Schema,
  index: string,
  top: number,
  base: number,
): { lo: number; hi: number } {
  const at = storedAs(schema, index);
  return { lo: toStored(Math.min(top, base), at), hi: toStored(Math.max(top, base), at) };
}

/**
 * A bound `filter.depth`: the per-batch transform, plus its parts for the engine's fused path
 * (src/engine/fusion), which checks its own SQL mask against `mask` and reuses `keep`.
 */
export interface BoundDepthFilter {
  /** 1 for each row kept: a finite, non-null index with lo <= index <= hi. */
  readonly mask: (batch: RecordBatch) => Uint8Array;
  /** The rows of `batch` where `mask` is 1 (slices, joined when there are several runs). */
  readonly transform: (batch: RecordBatch) => RecordBatch;
}

/** The rows of `batch` in `runs` (`[start, end)`, ascending): slices, joined when several. */
export function keepRuns(
  batch: RecordBatch,
  runs: readonly (readonly [number, number])[],
): RecordBatch {
  if (runs.length === 0) return batch.slice(0, 0);
  if (runs.length === 1) return batch.slice(runs[0]![0], runs[0]![1]);
  const parts = runs.map(([s, e]) => batch.slice(s, e));
  return coalesceBatches(batch.schema, parts, { rows: Infinity, bytes: Infinity })[0]!;
}

/** The runs `[start, end)` of 1s in a 0/1 mask. */
export function runsOf(mask: Uint8Array): [number, number][] {
  const runs: [number, number][] = [];
  let start = -1;
  for (let i = 0; i <= mask.length; i++) {
    const keep = i < mask.length && mask[i] === 1;
    if (keep && start < 0) start = i;
    else if (!keep && start >= 0) {
      runs.push([start, i]);
      start = -1;
    }
  }
  return runs;
}

/** The kept rows of `batch` by a 0/1 mask: runs of kept rows joined by slices (no copy for one run). */
export function keepRows(batch: RecordBatch, mask: Uint8Array): RecordBatch {
  return keepRuns(batch, runsOf(mask));
}

/** The mask of a single-chunk Float64 index in one pass (the common case), else undefined. */
function float64Mask(
  batch: RecordBatch,
  index: string,
  lo: number,
  hi: number,
): Uint8Array | undefined {
  const at = batch.schema.fields.findIndex((f) => f.name === index);
  const d = batch.data.children[at];
  if (!d || !(d.type instanceof Float64)) return undefined;
  const values = d.values as Float64Array;
  const bitmap = d.nullCount > 0 ? (d.nullBitmap as Uint8Array | undefined) : undefined;
  const out = new Uint8Array(d.length);
  for (let i = 0; i < d.length; i++) {
    const v = values[i]!;
    // NaN fails both comparisons and lo, hi are finite, so only finite values pass.
    const present =
      bitmap === undefined || ((bitmap[(d.offset + i) >> 3]! >> ((d.offset + i) & 7)) & 1) === 1;
    out[i] = present && v >= lo && v <= hi ? 1 : 0;
  }
  return out;
}

/** Checks the parameters against the input schema and binds them (see `BoundDepthFilter`). */
export function bindDepthFilter(
  schema: Schema,
  p: FilterDepthParams,
  ctx: { readonly nodeId: string },
): Result<BoundDepthFilter, PetroflowError> {
  const c = check(schema, p);
  if (!c.ok) return err({ ...c.error, nodeId: ctx.nodeId });
  const { index, lo, hi } = c.value;
  const mask = (batch: RecordBatch): Uint8Array => {
    const fast = float64Mask(batch, index, lo, hi);
    if (fast) return fast;
    const { values, valid } = readFloat64(batch, index);
    const out = new Uint8Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      out[i] = valid[i] === 1 && v >= lo && v <= hi ? 1 : 0;
    }
    return out;
  };
  return ok({ mask, transform: (b) => keepRows(b, mask(b)) });
}

/** `filter.depth` 1.0.0. */
export const filterDepth: RowwiseOperator<FilterDepthParams> = {
  kind: 'rowwise',
  id: ID,
  version: '1.0.0',
  channel: 'stable',
  title: 'Depth interval',
  category: 'Tables',
  description:
    'Keeps the rows with top <= index <= base (inclusive), whether the index increases or decreases down the table; rows with a null index are dropped. Columns and their metadata are unchanged. Against a 32-bit (or 16-bit) float index, such as a Parquet FLOAT, top and base are first rounded to that precision, so a depth the file holds as 1480.1 is inside a window that starts at 1480.1.',
  params,
  inputs: () => inPort,
  outputs: outPort,
  outputSchema: (inputs, p) => {
    const schema = inputs.in;
    if (!schema) return undefined;
    const c = check(schema, p);
    return c.ok ? ok(schema) : c;
  },
  bind: (schema, p, ctx) => {
    const bound = bindDepthFilter(schema, p, ctx);
    return bound.ok ? ok(bound.value.transform) : bound;
  },
};
