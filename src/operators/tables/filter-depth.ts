/**
 * `filter.depth`: keeps the rows whose index lies between `top` and `base` (inclusive), whichever
 * way the index runs; row-wise, batch by batch, schema and metadata unchanged.
 */
import type { RecordBatch, Schema } from 'apache-arrow';
import type { PetroflowError } from '../../model/errors.ts';
import { err, ok, type Result } from '../../model/result.ts';
import { numericColumnIndex, readFloat64 } from '../columns.ts';
import { column, defineParams, num } from '../params.ts';
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
  return ok({ index: index.value, lo: Math.min(p.top, p.base), hi: Math.max(p.top, p.base) });
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
    'Keeps the rows with top <= index <= base (inclusive), whether the index increases or decreases down the table; rows with a null index are dropped. Columns and their metadata are unchanged.',
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
    const c = check(schema, p);
    if (!c.ok) return err({ ...c.error, nodeId: ctx.nodeId });
    const { index, lo, hi } = c.value;
    return ok((batch: RecordBatch) => {
      const { values, valid } = readFloat64(batch, index);
      // Runs of kept rows, joined by slices (a depth window is usually one run: no copy at all).
      const runs: RecordBatch[] = [];
      let start = -1;
      for (let i = 0; i <= values.length; i++) {
        const v = values[i];
        const keep = i < values.length && valid[i] === 1 && v! >= lo && v! <= hi;
        if (keep && start < 0) start = i;
        else if (!keep && start >= 0) {
          runs.push(batch.slice(start, i));
          start = -1;
        }
      }
      if (runs.length === 0) return batch.slice(0, 0);
      return runs.length === 1
        ? runs[0]!
        : coalesceBatches(batch.schema, runs, { rows: Infinity, bytes: Infinity })[0]!;
    });
  },
};
