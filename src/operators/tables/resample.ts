/**
 * `resample`: values on a regular index grid, index = first + k x step (running the way the index
 * runs), per well when a WELL column exists. Numeric columns are interpolated linearly between the
 * two neighbouring samples (null if either is null; a grid point on a sample takes that sample).
 * Text and other columns take the value of the sample at or before the grid point in the data's
 * order (a step: nothing is invented). Numeric columns come out as Float64 with their metadata.
 */
import {
  Field,
  Float64,
  Schema,
  Table,
  vectorFromArray,
  type DataType,
  type RecordBatch,
} from 'apache-arrow';
import { PetroflowException, type PetroflowError } from '../../model/errors.ts';
import { err, ok, type Result } from '../../model/result.ts';
import {
  float64Data,
  isNumericType,
  numericColumnIndex,
  readTableFloat64,
  type NumericColumn,
} from '../columns.ts';
import { column, defineParams, num, oneOf } from '../params.ts';
import type { BlockingOperator, RunContext } from '../types.ts';
import { batchFromColumns } from './arrow-util.ts';
import {
  completeParams,
  indexColumn,
  inPort,
  outPort,
  paramError,
  type ParamsType,
} from './shared.ts';
import { MAX_GRID_POINTS, regularGrid, type Grid } from './resample-grid.ts';

const ID = 'resample';
const WELL = 'WELL';

const params = defineParams({
  index: column({
    title: 'Index',
    description:
      'The depth (or time) column to resample on; empty means the first column. It must be strictly increasing or decreasing within each well.',
    optional: true,
  }),
  step: num({
    title: 'Step',
    description:
      'Spacing of the new index, in the unit of the index (e.g. 0.5 for half a metre); greater than 0.',
    exclusiveMinimum: 0,
  }),
  method: oneOf(['linear'] as const, {
    title: 'Method',
    description: 'linear: straight line between the two samples around each new index value.',
    default: 'linear',
  }),
});

/** Parameters of `resample`. */
export type ResampleParams = ParamsType<typeof params>;

interface Checked {
  readonly index: string;
  readonly step: number;
  readonly out: Schema;
}

function outSchema(schema: Schema): Schema {
  const fields = schema.fields.map((f) =>
    isNumericType(f.type as DataType) ? new Field(f.name, new Float64(), true, f.metadata) : f,
  );
  return new Schema(fields, schema.metadata);
}

function check(schema: Schema, raw: ResampleParams): Result<Checked, PetroflowError> {
  const p = completeParams(params, raw, ID);
  if (!p.ok) return p;
  const index = indexColumn(schema, ID, p.value.index);
  if (!index.ok) return index;
  const numeric = numericColumnIndex(schema, 'index', index.value, { op: ID });
  if (!numeric.ok) return numeric;
  if (!(p.value.step > 0) || !Number.isFinite(p.value.step)) {
    return err(paramError(ID, 'step', `must be a number greater than 0 (got ${p.value.step}).`));
  }
  return ok({ index: index.value, step: p.value.step, out: outSchema(schema) });
}

/** Row numbers of each well, in order of first appearance (one group when there is no WELL). */
function wellGroups(table: Table): { well: string; rows: number[] }[] {
  const col = table.getChild(WELL);
  if (!col) return [{ well: '', rows: Array.from({ length: table.numRows }, (_, i) => i) }];
  const groups = new Map<string, number[]>();
  for (let i = 0; i < table.numRows; i++) {
    const key = String(col.get(i) as unknown);
    const list = groups.get(key) ?? [];
    list.push(i);
    groups.set(key, list);
  }
  return [...groups].map(([well, rows]) => ({ well, rows }));
}

function interpolate(col: NumericColumn, grid: Grid): Float64Array {
  const out = new Float64Array(grid.x.length);
  for (let k = 0; k < grid.x.length; k++) {
    const a = grid.below[k]!;
    const b = grid.above[k]!;
    const w = grid.weight[k]!;
    if (w === 0) out[k] = col.valid[a] ? col.values[a]! : NaN;
    else if (w === 1) out[k] = col.valid[b] ? col.values[b]! : NaN;
    else if (!col.valid[a] || !col.valid[b]) out[k] = NaN;
    else out[k] = col.values[a]! + w * (col.values[b]! - col.values[a]!);
  }
  return out;
}

function resampleGroup(
  table: Table,
  c: Checked,
  rows: number[],
  well: string,
  ctx: RunContext,
  room: number,
): RecordBatch | undefined {
  const index = readTableFloat64(table, c.index);
  const kept = rows.filter((r) => index.valid[r] === 1);
  if (kept.length < rows.length) {
    ctx.warn(
      `${rows.length - kept.length} rows${well ? ` of well ${well}` : ''} have no ${c.index} value and were skipped.`,
    );
  }
  if (kept.length === 0) return undefined;
  const grid = regularGrid(
    kept.map((r) => index.values[r]!),
    c.step,
    room,
  );
  if (!grid.ok) {
    const where = well ? ` in well ${well}` : '';
    throw new PetroflowException({
      ...paramError(ID, grid.error.param, `${c.index}${where}: ${grid.error.message}`),
      nodeId: ctx.nodeId,
    });
  }
  const g = grid.value;
  const children = c.out.fields.map((f) => {
    if (f.name === c.index) return float64Data(Float64Array.from(g.x));
    if (f.type instanceof Float64) {
      const col = readTableFloat64(table, f.name);
      const sub: NumericColumn = {
        values: Float64Array.from(kept, (r) => col.values[r]!),
        valid: Uint8Array.from(kept, (r) => col.valid[r]!),
        nullCount: 0,
      };
      return float64Data(interpolate(sub, g));
    }
    const src = table.getChild(f.name)!;
    const picked = g.below.map((a, k) => (g.weight[k] === 1 ? g.above[k]! : a));
    return vectorFromArray(
      picked.map((p) => src.get(kept[p]!) as unknown),
      f.type as DataType,
    ).data[0]!;
  });
  return batchFromColumns(c.out, children, g.x.length);
}

function run(table: Table | undefined, p: ResampleParams, ctx: RunContext): Table {
  if (!table) throw new Error('resample: missing input "in".');
  const c = check(table.schema, p);
  if (!c.ok) throw new PetroflowException({ ...c.error, nodeId: ctx.nodeId });
  const batches: RecordBatch[] = [];
  let made = 0;
  for (const { well, rows } of wellGroups(table)) {
    const b = resampleGroup(table, c.value, rows, well, ctx, MAX_GRID_POINTS - made);
    if (b) batches.push(b);
    made += b?.numRows ?? 0;
  }
  return batches.length > 0 ? new Table(batches) : new Table(c.value.out);
}

/** `resample` 1.0.0. */
export const resample: BlockingOperator<ResampleParams> = {
  kind: 'blocking',
  id: ID,
  version: '1.0.0',
  channel: 'stable',
  title: 'Resample',
  category: 'Tables',
  description:
    'Puts the table on a regular index: index = first + k x step, from the first to the last sample, per well when a WELL column exists. Numeric columns are interpolated linearly between the two neighbouring samples (null if either is null) and come out as Float64; text columns take the value of the sample at or before the new index value.',
  params,
  inputs: () => inPort,
  outputs: outPort,
  outputSchema: (inputs, p) => {
    const schema = inputs.in;
    if (!schema) return undefined;
    const c = check(schema, p);
    return c.ok ? ok(c.value.out) : c;
  },
  // The executor turns a throw (e.g. a non-monotonic index) into a rejection.
  run: (inputs, p, ctx) => new Promise((resolve) => resolve(run(inputs.in, p, ctx))),
};
