/**
 * `stats.describe`: one row per numeric column with count, nulls, min, max, mean and the 5th, 50th
 * and 95th percentiles. Percentiles use linear interpolation between closest ranks (numpy's
 * default): for sorted values x[0..n-1], h = (n - 1) p, result x[floor h] + (h - floor h)
 * (x[floor h + 1] - x[floor h]).
 */
import {
  Field,
  Float64,
  Int32,
  Schema,
  Table,
  Utf8,
  makeData,
  vectorFromArray,
  type DataType,
} from 'apache-arrow';
import { PetroflowException, type PetroflowError } from '../../model/errors.ts';
import { err, ok, type Result } from '../../model/result.ts';
import { float64Data, isNumericType, numericColumnIndex, readTableFloat64 } from '../columns.ts';
import { columns, defineParams } from '../params.ts';
import type { BlockingOperator } from '../types.ts';
import { batchFromColumns } from './arrow-util.ts';
import { completeParams, inPort, outPort, type ParamsType } from './shared.ts';

const ID = 'stats.describe';

const params = defineParams({
  columns: columns({
    title: 'Columns',
    description: 'The numeric columns to describe; empty means every numeric column.',
    optional: true,
  }),
});

/** Parameters of `stats.describe`. */
export type StatsDescribeParams = ParamsType<typeof params>;

const STATS = ['min', 'max', 'mean', 'p05', 'p50', 'p95'] as const;

/** The result schema (fixed). */
export const describeSchema = new Schema([
  new Field('column', new Utf8(), false),
  new Field('count', new Int32(), false, new Map([['description', 'non-null values']])),
  new Field('nulls', new Int32(), false, new Map([['description', 'null or non-finite values']])),
  ...STATS.map((s) => new Field(s, new Float64(), true)),
]);

/** Percentile `p` (0..1) of ascending `sorted` values by linear interpolation (numpy default). */
export function percentile(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  const b = sorted[Math.min(lo + 1, n - 1)]!;
  return a + (h - lo) * (b - a);
}

/** Neumaier's compensated sum of `values`, each multiplied by `scale`. */
function compensatedSum(values: Float64Array, scale: number): number {
  let sum = 0;
  let lost = 0;
  for (const raw of values) {
    const v = raw * scale;
    const t = sum + v;
    lost += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  return sum + lost;
}

/**
 * The mean of finite `values`: a compensated sum (exact to the last digits for a million depth
 * samples), and when that overflows (values near 1e308) the sum of value / n, which cannot.
 */
export function mean(values: Float64Array): number {
  const n = values.length;
  if (n === 0) return NaN;
  const sum = compensatedSum(values, 1);
  return Number.isFinite(sum) ? sum / n : compensatedSum(values, 1 / n);
}

function chosen(schema: Schema, raw: StatsDescribeParams): Result<string[], PetroflowError> {
  const p = completeParams(params, raw, ID);
  if (!p.ok) return p;
  const list = p.value.columns ?? [];
  if (list.length === 0) {
    return ok(schema.fields.filter((f) => isNumericType(f.type as DataType)).map((f) => f.name));
  }
  for (const name of list) {
    const at = numericColumnIndex(schema, 'columns', name, { op: ID });
    if (!at.ok) return at;
  }
  return ok([...list]);
}

function describe(table: Table, names: readonly string[]): Table {
  const counts = new Int32Array(names.length);
  const nulls = new Int32Array(names.length);
  const stats = STATS.map(() => new Float64Array(names.length));
  names.forEach((name, k) => {
    const col = readTableFloat64(table, name);
    const sorted = col.values.filter((_, i) => col.valid[i] === 1).sort();
    const n = sorted.length;
    counts[k] = n;
    nulls[k] = table.numRows - n;
    const row = [sorted[0] ?? NaN, sorted[n - 1] ?? NaN, mean(sorted)];
    row.push(percentile(sorted, 0.05), percentile(sorted, 0.5), percentile(sorted, 0.95));
    row.forEach((v, s) => (stats[s]![k] = v));
  });
  const children = [
    vectorFromArray([...names], new Utf8()).data[0]!,
    makeData({ type: new Int32(), length: names.length, nullCount: 0, data: counts }),
    makeData({ type: new Int32(), length: names.length, nullCount: 0, data: nulls }),
    ...stats.map((s) => float64Data(s)),
  ];
  return new Table([batchFromColumns(describeSchema, children, names.length)]);
}

/** `stats.describe` 1.0.0. */
export const statsDescribe: BlockingOperator<StatsDescribeParams> = {
  kind: 'blocking',
  id: ID,
  version: '1.0.0',
  channel: 'stable',
  title: 'Describe columns',
  category: 'Summaries',
  description:
    'One row per numeric column: column, count (non-null values), nulls, min, max, mean, p05, p50, p95. Percentiles interpolate linearly between the closest ranks (as numpy does by default); NaN and infinite values count as nulls.',
  params,
  inputs: () => inPort,
  outputs: outPort,
  outputSchema: (inputs, p) => {
    const schema = inputs.in;
    if (!schema) return undefined;
    const names = chosen(schema, p);
    return names.ok ? ok(describeSchema) : err(names.error);
  },
  run: (inputs, p, ctx) => {
    const table = inputs.in;
    if (!table) return Promise.reject(new Error('stats.describe: missing input "in".'));
    const names = chosen(table.schema, p);
    if (!names.ok)
      return Promise.reject(new PetroflowException({ ...names.error, nodeId: ctx.nodeId }));
    return Promise.resolve(describe(table, names.value));
  },
};
