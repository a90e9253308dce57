/**
 * Builds a row-wise operator from a formula description: the column checks, the output schema and
 * the per-batch transform are the same for every petrophysics formula, so they live here once.
 */
import type { RecordBatch, Schema } from 'apache-arrow';
import { petroflowError, type PetroflowError } from '../../model/errors.ts';
import { err, ok, type Result } from '../../model/result.ts';
import {
  float64Data,
  float64Field,
  numericColumnIndex,
  readFloat64,
  withColumns,
  withFields,
} from '../columns.ts';
import type { ParamsDefinition } from '../params.ts';
import type { RowwiseOperator } from '../types.ts';
import { inPort, outPort, withDefaults } from './shared.ts';
import { unitProblem, valueProblem, type Quantity } from './units.ts';

/** One column a formula writes. */
export interface OutputSpec {
  readonly name: string;
  readonly unit: string;
  readonly description: string;
}

/** What a formula operator declares; `defineRowwise` turns it into a `RowwiseOperator`. */
export interface RowwiseSpec<P> {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly reference: string;
  readonly category?: string;
  readonly params: ParamsDefinition<P>;
  /** Input columns as [parameter name, column name], in the order `compute` receives them. */
  columns(p: Required<P>): readonly (readonly [string, string])[];
  /** What the column parameters measure, so a column in another unit is refused or warned about. */
  readonly quantities?: Readonly<Partial<Record<string, Quantity>>>;
  /** A parameter problem the schema cannot express (e.g. grMax <= grMin), as [param, message]. */
  check?(p: Required<P>): readonly [string, string] | undefined;
  outputs(p: Required<P>): readonly OutputSpec[];
  /** The formula over whole columns; NaN encodes null in and out (non-finite output is null). */
  compute(p: Required<P>, inputs: readonly Float64Array[]): readonly Float64Array[];
}

/** Makes a version 1.0.0 stable row-wise operator from a formula description. */
export function defineRowwise<P>(spec: RowwiseSpec<P>): RowwiseOperator<P> {
  const where = { op: spec.id };
  const prepare = (
    schema: Schema,
    raw: P,
  ): Result<{ out: Schema; p: Required<P>; inputs: string[] }, PetroflowError> => {
    const p = withDefaults(spec.params, raw);
    const values = p as Record<string, unknown>;
    const inputs: string[] = [];
    // Columns first: a missing column is shown even while a parameter is still empty.
    for (const [param, name] of spec.columns(p)) {
      if (typeof name !== 'string') continue; // an empty column parameter is reported below
      const at = numericColumnIndex(schema, param, name, where);
      if (!at.ok) return at;
      const quantity = spec.quantities?.[param];
      const wrongUnit = quantity && unitProblem(schema, param, name, quantity, where);
      if (wrongUnit) return err(wrongUnit);
      inputs.push(name);
    }
    const missing = spec.params.schema.required.find((name) => values[name] === undefined);
    if (missing !== undefined) {
      const about = spec.params.schema.properties[missing]?.description ?? '';
      return err(
        petroflowError('BAD_PARAMS', `Parameter "${missing}" is required: ${about}`, {
          ...where,
          field: `params.${missing}`,
        }),
      );
    }
    const problem = spec.check?.(p);
    if (problem) {
      return err(
        petroflowError('BAD_PARAMS', `Parameter "${problem[0]}": ${problem[1]}`, {
          ...where,
          field: `params.${problem[0]}`,
        }),
      );
    }
    const fields = spec.outputs(p).map((o) => float64Field(o.name, o.unit, o.description));
    return ok({ out: withFields(schema, fields), p, inputs });
  };
  return {
    kind: 'rowwise',
    id: spec.id,
    version: '1.0.0',
    channel: 'stable',
    title: spec.title,
    category: spec.category ?? 'Petrophysics',
    description: spec.description,
    reference: spec.reference,
    params: spec.params,
    inputs: () => inPort,
    outputs: outPort,
    outputSchema(inputs, params) {
      const schema = inputs['in'];
      if (!schema) return undefined;
      const r = prepare(schema, params);
      return r.ok ? ok(r.value.out) : r;
    },
    bind(schema, params, ctx) {
      const r = prepare(schema, params);
      if (!r.ok) return err({ ...r.error, nodeId: ctx.nodeId });
      const { out, p, inputs } = r.value;
      const names = spec.outputs(p).map((o) => o.name);
      const checks = spec.columns(p).flatMap(([param, name], k) => {
        const quantity = spec.quantities?.[param];
        return quantity ? [{ k, param, name, quantity }] : [];
      });
      const warned = new Set<string>();
      return ok((batch: RecordBatch) => {
        const cols = inputs.map((name) => readFloat64(batch, name).values);
        // Each implausible column is reported once per run (the first batch that shows it).
        for (const check of checks) {
          if (warned.has(check.param)) continue;
          const problem = valueProblem(
            cols[check.k]!,
            check.param,
            check.name,
            check.quantity,
            spec.id,
          );
          if (problem === undefined) continue;
          warned.add(check.param);
          ctx.warn(problem);
        }
        const results = spec.compute(p, cols);
        const added = new Map(names.map((name, k) => [name, float64Data(results[k]!)]));
        return withColumns(batch, out, added);
      });
    },
  };
}
