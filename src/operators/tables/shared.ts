/** Small pieces shared by the table operators: ports, defaults, error helpers. */
import type { Schema } from 'apache-arrow';
import { petroflowError, PetroflowException, type PetroflowError } from '../../model/errors.ts';
import { err, ok, type Result } from '../../model/result.ts';
import type { ParamsDefinition } from '../params.ts';
import type { PortSpec } from '../types.ts';

/** The single input port `in`. */
export const inPort: readonly PortSpec[] = [{ name: 'in', description: 'The input table.' }];
/** The single output port `out`. */
export const outPort: readonly PortSpec[] = [{ name: 'out', description: 'The result table.' }];

export type { ParamsType } from '../params.ts';

/**
 * `params` with every schema default filled in (the engine fills them on load; tests may not);
 * a missing required parameter is a BAD_PARAMS error naming it.
 */
export function completeParams<P>(
  def: ParamsDefinition<P>,
  params: P,
  op: string,
): Result<Required<P>, PetroflowError> {
  const out: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(def.schema.properties)) {
    if (schema.default !== undefined) out[name] = schema.default;
  }
  const merged: Record<string, unknown> = { ...out, ...(params as Record<string, unknown>) };
  for (const name of def.schema.required) {
    if (merged[name] === undefined) {
      const about = def.schema.properties[name]?.description ?? '';
      return err(paramError(op, name, `is required. ${about}`));
    }
  }
  return ok(merged as Required<P>);
}

/** `completeParams` for code paths that report by throwing (`run`, `read`). */
export function withDefaults<P>(def: ParamsDefinition<P>, params: P, op: string): Required<P> {
  return unwrap(completeParams(def, params, op));
}

/** A BAD_PARAMS error about parameter `param` of operator `op`. */
export function paramError(
  op: string,
  param: string,
  message: string,
  nodeId?: string,
): PetroflowError {
  return petroflowError('BAD_PARAMS', `Parameter "${param}": ${message}`, {
    op,
    field: `params.${param}`,
    ...(nodeId ? { nodeId } : {}),
  });
}

/** Throws a `Result` error (for code paths of `run`/`read`, which report by throwing). */
export function unwrap<T>(r: Result<T, PetroflowError>): T {
  if (!r.ok) throw new PetroflowException(r.error);
  return r.value;
}

/**
 * The index column: parameter `index` when given, else the first column. Errors name the
 * parameter and list the columns.
 */
export function indexColumn(
  schema: Schema,
  op: string,
  index: string | undefined,
): Result<string, PetroflowError> {
  const names = schema.fields.map((f) => f.name);
  const available = names.join(', ') || '(none)';
  if (index === undefined || index === '') {
    const first = names[0];
    return first === undefined
      ? err(paramError(op, 'index', 'the input has no columns, so there is no index column.'))
      : ok(first);
  }
  return names.includes(index)
    ? ok(index)
    : err(
        paramError(
          op,
          'index',
          `column "${index}" is not in the input. Available columns: ${available}.`,
        ),
      );
}

/** Adds the node id (and op) to an error thrown by the SQL engine. */
export function atNode(e: unknown, nodeId: string, op: string, field: string): unknown {
  if (!(e instanceof PetroflowException)) return e;
  return new PetroflowException({ ...e.detail, nodeId, op, field: e.detail.field ?? field });
}
