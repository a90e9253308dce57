/**
 * What every version of `summary.netpay` shares: the column parameters, resolving them against the
 * input schema, and the summary table. A version adds its own parameters and rounding on top.
 */
import { DataType, Field, type Schema, type Table } from 'apache-arrow';
import { PetroflowException, type PetroflowError } from '../../model/errors.ts';
import { err, ok, type Result } from '../../model/result.ts';
import { float64Data, float64Field, numericColumnIndex, readTableFloat64 } from '../columns.ts';
import { column, columns } from '../params.ts';
import type { BlockingOperator, ParamMigration } from '../types.ts';
import type { ParamsDefinition } from '../params.ts';
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
import { asWritten, storedAs } from '../precision.ts';
import type { GroupSteps } from './netpay-steps.ts';
import { wellKey } from './well-key.ts';
import { phiParam, swParam } from './saturation-params.ts';
import { unitProblem, valueProblem } from './units.ts';

/** The well column: depth steps are taken within a well, never across two (see `groupSteps`). */
const WELL = 'WELL';

/** The column parameters of every version (spec/operators.md, "Summaries"). */
export const netpayColumnParams = {
  index: column({
    title: 'Depth index',
    description: 'Depth (or time) index column; empty means the first column of the input.',
    optional: true,
  }),
  phi: phiParam,
  sw: swParam,
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
};

/** The parameters every version reads (a version may have more). */
export interface NetpayColumns {
  readonly index?: string;
  readonly phi?: string;
  readonly sw?: string;
  readonly pay?: string;
  readonly groupBy?: readonly string[];
}

interface Resolved {
  readonly index: string;
  readonly phi: string;
  readonly sw: string;
  readonly pay: string;
  readonly groups: Field[];
  readonly out: Field[];
}

const where = { op: 'summary.netpay' };

/** Resolved columns of a run: the index, the groups and the output schema, or a parameter error. */
function resolve(
  schema: Schema,
  raw: NetpayColumns,
  p: Required<NetpayColumns>,
): Result<Resolved, PetroflowError> {
  const index = raw.index ?? schema.fields[0]?.name;
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
    const wrongUnit = param !== 'index' && unitProblem(schema, param, name, 'fraction', where);
    if (wrongUnit) return err(wrongUnit);
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
  return ok({ index, phi: p.phi, sw: p.sw, pay: p.pay, groups, out });
}

/**
 * A warning when rows of a group repeat a depth of the same well: each still counts as a sample of
 * thickness h, so gross and net count that depth twice (overlapping runs stacked, a join that
 * matched a sample twice).
 */
function duplicateWarning(
  stats: readonly { readonly steps: GroupSteps }[],
  groups: readonly { readonly first: number }[],
  keys: readonly unknown[][],
  r: Resolved,
): string | undefined {
  let total = 0;
  let at = -1;
  stats.forEach((s, k) => {
    total += s.steps.duplicates;
    if (at < 0 && s.steps.duplicates > 0) at = k;
  });
  if (total === 0) return undefined;
  const s = stats[at]!.steps;
  const group = r.groups.map((g, k) => `${g.name} ${String(keys[k]![groups[at]!.first])}`);
  const where = group.length
    ? ` (first in group ${group.join(', ')}, at ${r.index} ${s.firstDuplicate})`
    : ` (first at ${r.index} ${s.firstDuplicate})`;
  return `${total} ${total === 1 ? 'row repeats' : 'rows repeat'} the depth of another row of the same well and group${where}; each counts as a sample of thickness h, so gross, net and hcpv count that depth more than once. Remove the repeated rows first (e.g. a sql node with SELECT DISTINCT, or keep one logging run per depth).`;
}

function summarise(
  table: Table,
  r: Resolved,
  decimals: number | undefined,
  warn: (message: string) => void,
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
  // A FLOAT index (1480.1 held as 1480.0999755859375) is read as the file shows it, or its steps
  // would be 0.0999756 and 0.1000977 and h off by 2e-4 (precision.ts).
  const cols = {
    index: asWritten(readTableFloat64(table, r.index).values, storedAs(table.schema, r.index)),
    phi: readTableFloat64(table, r.phi).values,
    sw: readTableFloat64(table, r.sw).values,
    pay: readTableFloat64(table, r.pay).values,
    wells: table.schema.fields.some((f) => f.name === WELL)
      ? columnValues(table, WELL).map(wellKey)
      : undefined,
  };
  for (const [param, name, values] of [
    ['phi', r.phi, cols.phi],
    ['sw', r.sw, cols.sw],
  ] as const) {
    const problem = valueProblem(values, param, name, 'fraction', 'summary.netpay');
    if (problem !== undefined) warn(problem);
  }
  const stats = ordered.map((g) => groupStats(g.rows, cols, decimals));
  const repeated = duplicateWarning(stats, ordered, keys, r);
  if (repeated !== undefined) warn(repeated);
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

/** What distinguishes one version of `summary.netpay` from another. */
export interface NetpayVersion<P extends NetpayColumns> {
  readonly version: string;
  readonly description: string;
  readonly params: ParamsDefinition<P>;
  /** Decimal places of h, gross and net for these params; undefined means no rounding (1.0.0). */
  decimals(params: Required<P>): number | undefined;
  readonly migration?: ParamMigration;
}

/** Builds one version of `summary.netpay` (blocking; plain TypeScript over Arrow, no DuckDB). */
export function netpayOperator<P extends NetpayColumns>(v: NetpayVersion<P>): BlockingOperator<P> {
  const common: ParamsDefinition<NetpayColumns> = v.params;
  return {
    kind: 'blocking',
    id: 'summary.netpay',
    version: v.version,
    channel: 'stable',
    title: 'Net pay summary',
    category: 'Summaries',
    description: v.description,
    reference: 'Worthington & Cosentino 2005 (SPE REE 8(4))',
    params: v.params,
    ...(v.migration ? { migration: v.migration } : {}),
    inputs: () => [
      { name: 'in', description: 'Log samples with porosity, saturation and pay flag.' },
    ],
    outputs: [
      {
        name: 'out',
        description: 'One row per group with gross, net, ntg, phi_avg, sw_avg, hcpv.',
      },
    ],
    outputSchema(inputs, raw) {
      const schema = inputs['in'];
      if (!schema) return undefined;
      const r = resolve(schema, raw, withDefaults(common, raw));
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
      const r = resolve(table.schema, raw, withDefaults(common, raw));
      if (!r.ok) return Promise.reject(new PetroflowException({ ...r.error, nodeId: ctx.nodeId }));
      return Promise.resolve(
        summarise(table, r.value, v.decimals(withDefaults(v.params, raw)), (m) => ctx.warn(m)),
      );
    },
  };
}
