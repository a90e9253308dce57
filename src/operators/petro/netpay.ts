/**
 * `summary.netpay`: net pay per group (well, zone). With h = the median of |index(i+1) - index(i)|
 * over the group's consecutive rows: gross = h rows, net = h (rows with PAY = 1), ntg = net/gross;
 * over PAY = 1 rows: phi_avg = mean PHI, sw_avg = sum(PHI SW)/sum(PHI), hcpv = h sum(PHI (1 - SW)).
 */
import { DataType, Field, type Schema, type Table } from 'apache-arrow';
import { PetroflowException, type PetroflowError } from '../../model/errors.ts';
import { err, ok, type Result } from '../../model/result.ts';
import { float64Data, float64Field, numericColumnIndex, readTableFloat64 } from '../columns.ts';
import { column, columns, defineParams } from '../params.ts';
import type { BlockingOperator } from '../types.ts';
import { withDefaults } from './shared.ts';
import {
  columnExists,
  columnValues,
  compareValues,
  dataOf,
  plainType,
  tableOf,
  valueKey,
} from './tables.ts';
import { groupStats, type GroupStats } from './netpay-stats.ts';

const params = defineParams({
  index: column({
    title: 'Depth index',
    description: 'Depth (or time) index column; empty means the first column of the input.',
    optional: true,
  }),
  phi: column({
    title: 'Porosity',
    description: 'Effective porosity column (v/v).',
    default: 'PHIE',
  }),
  sw: column({
    title: 'Water saturation',
    description: 'Water saturation column (v/v).',
    default: 'SW',
  }),
  pay: column({
    title: 'Pay flag',
    description: 'Pay flag column: 1 is pay, anything else (0, null) is not.',
    default: 'PAY',
  }),
  groupBy: columns({
    title: 'Group by',
    description:
      'Columns that define a group; empty means WELL, plus ZONE when present (each only if the input has it).',
    optional: true,
  }),
});

type Params = typeof params extends { __type?: infer P } ? NonNullable<P> : never;

const where = { op: 'summary.netpay' };

/** Resolved columns of a run: the index, the groups and the output schema, or a parameter error. */
function resolve(
  schema: Schema,
  raw: Params,
): Result<{ index: string; groups: Field[]; out: Field[] }, PetroflowError> {
  const p = withDefaults(params, raw);
  const first = schema.fields[0];
  const index = raw.index ?? first?.name;
  if (index === undefined)
    return err({
      code: 'BAD_PARAMS',
      message: 'The input has no columns; connect a table of log samples.',
      ...where,
    });
  for (const [param, name] of [
    ['index', index],
    ['phi', p.phi],
    ['sw', p.sw],
  ] as const) {
    const at = numericColumnIndex(schema, param, name, where);
    if (!at.ok) return at;
  }
  const payField = columnExists(schema, 'pay', p.pay, where);
  if (!payField.ok) return payField;
  if (!DataType.isBool(payField.value.type)) {
    const at = numericColumnIndex(schema, 'pay', p.pay, where);
    if (!at.ok) return at;
  }
  const names =
    raw.groupBy ?? ['WELL', 'ZONE'].filter((n) => schema.fields.some((f) => f.name === n));
  const groups: Field[] = [];
  for (const name of names) {
    const f = columnExists(schema, 'groupBy', name, where);
    if (!f.ok) return f;
    groups.push(new Field(name, plainType(f.value.type as DataType), true, f.value.metadata));
  }
  const unit = schema.fields.find((f) => f.name === index)?.metadata.get('unit') ?? '';
  const out = [
    ...groups,
    float64Field('gross', unit, 'Gross thickness: h x rows in the group'),
    float64Field('net', unit, 'Net pay thickness: h x rows with PAY = 1'),
    float64Field('ntg', 'v/v', 'Net to gross: net / gross'),
    float64Field('phi_avg', 'v/v', 'Mean porosity of the pay rows'),
    float64Field(
      'sw_avg',
      'v/v',
      'Pore-volume weighted water saturation of the pay rows: sum(PHI SW)/sum(PHI)',
    ),
    float64Field(
      'hcpv',
      unit,
      'Hydrocarbon pore thickness: h x sum(PHI (1 - SW)) over the pay rows',
    ),
  ];
  return ok({ index, groups, out });
}

/** `summary.netpay` 1.0.0 (blocking; plain TypeScript over Arrow, no DuckDB). */
export const netpay: BlockingOperator<Params> = {
  kind: 'blocking',
  id: 'summary.netpay',
  version: '1.0.0',
  channel: 'stable',
  title: 'Net pay summary',
  category: 'Summaries',
  description:
    'One row per group (default WELL, plus ZONE when present), sorted by the group columns (nulls last): gross = h x rows, net = h x rows with PAY = 1, ntg = net/gross, and over the PAY = 1 rows phi_avg = sum(PHI)/count, sw_avg = sum(PHI SW)/sum(PHI), hcpv = h x sum(PHI (1 - SW)), where h is the median of |index(i+1) - index(i)| over consecutive rows of the group. Pay rows with a null PHI are left out of phi_avg, sw_avg and hcpv (and rows with a null SW out of sw_avg and hcpv); a group without pay has net 0, hcpv 0 and null averages; a group with fewer than two index values has a null h, so null gross, net, ntg and hcpv.',
  reference: 'Worthington & Cosentino 2005 (SPE REE 8(4))',
  params,
  inputs: () => [
    { name: 'in', description: 'Log samples with porosity, saturation and pay flag.' },
  ],
  outputs: [
    { name: 'out', description: 'One row per group with gross, net, ntg, phi_avg, sw_avg, hcpv.' },
  ],
  outputSchema(inputs, p) {
    const schema = inputs['in'];
    if (!schema) return undefined;
    const r = resolve(schema, p);
    if (!r.ok) return r;
    return ok(tableOf(r.value.out, [], 0).schema);
  },
  run(inputs, raw, ctx) {
    const table = inputs['in'];
    if (!table)
      return Promise.reject(
        new PetroflowException({
          code: 'BAD_EDGE',
          message: 'Connect a table to the input "in".',
          ...where,
          nodeId: ctx.nodeId,
        }),
      );
    const r = resolve(table.schema, raw);
    if (!r.ok) return Promise.reject(new PetroflowException({ ...r.error, nodeId: ctx.nodeId }));
    const p = withDefaults(params, raw);
    return Promise.resolve(summarise(table, r.value, p));
  },
};

function summarise(
  table: Table,
  r: { index: string; groups: Field[]; out: Field[] },
  p: Required<Params>,
): Table {
  const keys = r.groups.map((g) => columnValues(table, g.name));
  const members = new Map<string, { first: number; rows: number[] }>();
  for (let i = 0; i < table.numRows; i++) {
    const key = keys.map((k) => valueKey(k[i])).join('\u0001');
    const entry = members.get(key);
    if (entry) entry.rows.push(i);
    else members.set(key, { first: i, rows: [i] });
  }
  const ordered = [...members.values()].sort((a, b) => {
    for (const k of keys) {
      const c = compareValues(k[a.first], k[b.first]);
      if (c !== 0) return c;
    }
    return 0;
  });
  const cols = {
    index: readTableFloat64(table, r.index).values,
    phi: readTableFloat64(table, p.phi).values,
    sw: readTableFloat64(table, p.sw).values,
    pay: readTableFloat64(table, p.pay).values,
  };
  const stats: GroupStats[] = ordered.map((g) => groupStats(g.rows, cols));
  const pick = (f: (s: GroupStats) => number) => float64Data(Float64Array.from(stats, f));
  const data = [
    ...r.groups.map((g, k) =>
      dataOf(
        ordered.map((o) => keys[k]![o.first]),
        g.type as DataType,
      ),
    ),
    pick((s) => s.gross),
    pick((s) => s.net),
    pick((s) => s.ntg),
    pick((s) => s.phiAvg),
    pick((s) => s.swAvg),
    pick((s) => s.hcpv),
  ];
  return tableOf(r.out, data, ordered.length);
}
