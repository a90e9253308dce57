/**
 * `math.expression`: the input plus one column computed by a SQL scalar expression over the
 * columns, evaluated in the worker's DuckDB batch by batch (row order kept by rowid). Untouched
 * columns are passed through unchanged, metadata included.
 */
import type { Schema } from 'apache-arrow';
import { Field, Float64, Table, type DataType, type RecordBatch } from 'apache-arrow';
import { petroflowError, PetroflowException, type PetroflowError } from '../../model/errors.ts';
import { err, ok, type Result } from '../../model/result.ts';
import { withColumns, withFields } from '../columns.ts';
import { defineParams, text } from '../params.ts';
import type { RowwiseOperator, RunContext } from '../types.ts';
import { sameType, singleData } from './arrow-util.ts';
import { expressionProblem } from './expression-check.ts';
import { atNode, completeParams, inPort, outPort, paramError, type ParamsType } from './shared.ts';

const ID = 'math.expression';
const VALUE = '__petroflow_value';

const params = defineParams({
  expression: text({
    title: 'Expression',
    description:
      'A SQL scalar expression over the columns of one row, e.g. GR * 0.5, (NPHI + PHID) / 2, CASE WHEN RT > 10 THEN 1 ELSE 0 END, ln(RT). Quote names with spaces as "my col". A null input gives null.',
    minLength: 1,
    maxLength: 10_000,
    widget: 'expression',
  }),
  output: text({
    title: 'Output column',
    description: 'Name of the new column; an existing column of that name is replaced in place.',
    minLength: 1,
    maxLength: 256,
  }),
});

/** Parameters of `math.expression`. */
export type MathExpressionParams = ParamsType<typeof params>;

function check(raw: MathExpressionParams): Result<Required<MathExpressionParams>, PetroflowError> {
  const p = completeParams(params, raw, ID);
  if (!p.ok) return p;
  const problem = expressionProblem(p.value.expression);
  if (problem) return err(paramError(ID, 'expression', problem));
  if (p.value.output.trim() === '')
    return err(paramError(ID, 'output', 'give the new column a name.'));
  return p;
}

function fieldFor(name: string, type: DataType, expression: string): Field {
  return new Field(name, type, true, new Map([['description', `= ${expression}`]]));
}

function rowwiseError(detail: PetroflowError): PetroflowError {
  if (!/GROUP BY|aggregate/i.test(detail.message)) return detail;
  return {
    ...detail,
    message: `Aggregate functions (sum, avg, count...) are not allowed: the expression is computed row by row. Use stats.describe or the sql operator. DuckDB said: ${detail.message}`,
  };
}

function transform(schema: Schema, p: Required<MathExpressionParams>, ctx: RunContext) {
  const sql = `SELECT (${p.expression}) AS ${VALUE} FROM input ORDER BY rowid`;
  let out: Schema | undefined;
  return async (batch: RecordBatch): Promise<RecordBatch> => {
    let result: Table;
    try {
      result = await ctx.sql.query(sql, { input: new Table([batch]) }, ctx.signal);
    } catch (e) {
      const located = atNode(e, ctx.nodeId, ID, 'params.expression');
      if (located instanceof PetroflowException)
        throw new PetroflowException(rowwiseError(located.detail));
      throw located;
    }
    const column = result.getChildAt(0);
    if (!column || result.numRows !== batch.numRows) {
      throw new PetroflowException(
        petroflowError(
          'INTERNAL',
          `The expression gave ${result.numRows} rows for ${batch.numRows}.`,
          {
            nodeId: ctx.nodeId,
            op: ID,
          },
        ),
      );
    }
    const type = column.type as DataType;
    if (!out || !sameType(out.fields.find((f) => f.name === p.output)!.type as DataType, type)) {
      out = withFields(schema, [fieldFor(p.output, type, p.expression)]);
    }
    return withColumns(batch, out, new Map([[p.output, singleData(column)]]));
  };
}

/** `math.expression` 1.0.0. */
export const mathExpression: RowwiseOperator<MathExpressionParams> = {
  kind: 'rowwise',
  id: ID,
  version: '1.0.0',
  channel: 'stable',
  title: 'Expression',
  category: 'Tables',
  description:
    'Adds (or replaces) one column computed by a SQL scalar expression over the columns of each row, evaluated by DuckDB, e.g. GR * 0.5 or CASE WHEN PHIE > 0.1 THEN 1 ELSE 0 END. Nulls propagate as in SQL. Aggregates, window functions and subqueries are not allowed; use the sql operator for those.',
  params,
  inputs: () => inPort,
  outputs: outPort,
  // The column names are known before running; the new column's type is provisional (Float64,
  // the type of most expressions) until DuckDB has evaluated it.
  outputSchema: (inputs, raw) => {
    const schema = inputs.in;
    if (!schema) return undefined;
    const p = check(raw);
    if (!p.ok) return p;
    return ok(withFields(schema, [fieldFor(p.value.output, new Float64(), p.value.expression)]));
  },
  bind: (schema, raw, ctx) => {
    const p = check(raw);
    if (!p.ok) return err({ ...p.error, nodeId: ctx.nodeId });
    return ok(transform(schema, p.value, ctx));
  },
};
