/**
 * `sql`: runs a DuckDB query over its inputs, each visible as a table named after its port (ports
 * are named by the user). Blocking. Result columns that keep an input column's name and type keep
 * its field metadata (unit, description), so `SELECT DEPT, GR FROM logs` stays documented.
 */
import { Field, RecordBatch, Schema, Table, type DataType } from 'apache-arrow';
import { defineParams, names, text } from '../params.ts';
import type { BlockingOperator, PortSpec } from '../types.ts';
import { sameType } from './arrow-util.ts';
import { caseClashWarning } from './case-clash.ts';
import { atNode, outPort, withDefaults, type ParamsType } from './shared.ts';

const ID = 'sql';

/** The rule for user-named input ports (they become SQL table names). */
export const PORT_NAME_PATTERN = '^[A-Za-z_][A-Za-z0-9_]{0,63}$';

const params = defineParams({
  query: text({
    title: 'Query',
    description:
      'A DuckDB SQL query; each input is a table named after its port, e.g. SELECT * FROM input WHERE GR < 75. Only the input tables can be read: files, URLs and extensions are locked.',
    minLength: 1,
    maxLength: 100_000,
    widget: 'sql',
  }),
  inputs: names({
    title: 'Input tables',
    description:
      'Names of the input ports, one per table the query reads (letters, digits and _, not starting with a digit).',
    default: ['input'],
    pattern: PORT_NAME_PATTERN,
    minItems: 1,
    maxItems: 16,
  }),
});

/** Parameters of `sql`. */
export type SqlParams = ParamsType<typeof params>;

function ports(p: SqlParams): readonly PortSpec[] {
  return (p.inputs ?? ['input']).map((name) => ({
    name,
    description: `The table visible to the query as ${name}.`,
  }));
}

/** `result` with metadata copied from input fields of the same name and type (first input wins). */
export function restoreMetadata(result: Table, inputs: readonly Schema[]): Table {
  const fields = result.schema.fields.map((f) => {
    if (f.metadata.size > 0) return f;
    for (const schema of inputs) {
      const src = schema.fields.find((s) => s.name === f.name);
      if (src && sameType(src.type as DataType, f.type as DataType)) {
        return new Field(f.name, f.type, f.nullable, src.metadata);
      }
    }
    return f;
  });
  if (fields.every((f, i) => f === result.schema.fields[i])) return result;
  const schema = new Schema(fields, result.schema.metadata);
  if (result.batches.length === 0) return new Table(schema);
  return new Table(result.batches.map((b) => new RecordBatch(schema, b.data)));
}

/** The query text of `sql` parameters (defaults filled in; throws BAD_PARAMS when missing). */
export function sqlQueryText(raw: SqlParams): string {
  return withDefaults(params, raw, ID).query;
}

/** Adds the node (and the `query` parameter) to an error of a `sql` node's query. */
export function sqlError(e: unknown, nodeId: string): unknown {
  return atNode(e, nodeId, ID, 'params.query');
}

/** `sql` 1.0.0. */
export const sql: BlockingOperator<SqlParams> = {
  kind: 'blocking',
  id: ID,
  version: '1.0.0',
  channel: 'stable',
  title: 'SQL query',
  category: 'Tables',
  description:
    'Runs a DuckDB SQL query over the inputs, each visible as a table named after its port (default one port, input). Joins, GROUP BY, window functions and ORDER BY are all available; the query can read only its input tables.',
  params,
  inputs: ports,
  outputs: outPort,
  outputSchema: () => undefined,
  run: async (inputs, raw, ctx) => {
    const p = withDefaults(params, raw, ID);
    for (const [name, t] of Object.entries(inputs)) {
      const w = caseClashWarning(
        name,
        t.schema.fields.map((f) => f.name),
      );
      if (w) ctx.warn(w);
    }
    let result: Table;
    try {
      result = await ctx.sql.query(p.query, inputs, ctx.signal);
    } catch (e) {
      throw sqlError(e, ctx.nodeId);
    }
    return restoreMetadata(
      result,
      Object.values(inputs).map((t) => t.schema),
    );
  },
};
