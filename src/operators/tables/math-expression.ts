/**
 * `math.expression`: the input plus one column computed by a SQL scalar expression over the
 * columns, evaluated in the worker's DuckDB batch by batch (a projection keeps row order). Untouched
 * columns are passed through unchanged, metadata included. Only the columns the expression names
 * are sent to DuckDB. A Float64 result that is NaN or infinite (RT / 0, exp(1000)) is null, as
 * everywhere in Petroflow (non-finite numbers count as missing), whatever the batch size.
 */
import type { Schema } from 'apache-arrow';
import { DataType, Field, Float64, Table, type Data, type RecordBatch } from 'apache-arrow';
import { petroflowError, PetroflowException, type PetroflowError } from '../../model/errors.ts';
import { err, ok, type Result } from '../../model/result.ts';
import { withColumns, withFields } from '../columns.ts';
import { defineParams, text } from '../params.ts';
import type { RowwiseOperator, RunContext } from '../types.ts';
import { finiteFloat64, sameType, singleData, typeName } from './arrow-util.ts';
import {
  caseShadowed,
  columnsProblem,
  expressionProblem,
  referencedColumns,
} from './expression-check.ts';
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

function check(
  raw: MathExpressionParams,
  schema: Schema,
): Result<Required<MathExpressionParams>, PetroflowError> {
  const p = completeParams(params, raw, ID);
  if (!p.ok) return p;
  const names = schema.fields.map((f) => f.name);
  const problem =
    expressionProblem(p.value.expression) ?? columnsProblem(p.value.expression, names);
  if (problem) return err(paramError(ID, 'expression', problem));
  if (p.value.output.trim() === '')
    return err(paramError(ID, 'output', 'give the new column a name.'));
  return p;
}

function fieldFor(name: string, type: DataType, expression: string): Field {
  return new Field(name, type, true, new Map([['description', `= ${expression}`]]));
}

/** What to do about DuckDB's out-of-range errors, which stop the whole run at one bad row. */
function rangeAdvice(message: string): string | undefined {
  if (/logarithm of (zero|a negative)|square root of a negative|undefined outside/i.test(message))
    return "Some row has a value outside the function's domain (e.g. 0 or a negative value under ln, log10 or sqrt). Guard it so that row gives null, e.g. CASE WHEN RT > 0 THEN ln(RT) END.";
  if (/Overflow in .* of (U?INT|U?TINYINT|U?SMALLINT|U?BIGINT|HUGEINT)/i.test(message))
    return 'An integer result is too large for its type. Compute in floating point, e.g. CAST(N AS DOUBLE) * 2.';
  return undefined;
}

function rowwiseError(detail: PetroflowError): PetroflowError {
  const advice = rangeAdvice(detail.message);
  if (advice) return { ...detail, message: `${detail.message.replace(/[.!]?$/, '.')} ${advice}` };
  if (!/GROUP BY|aggregate/i.test(detail.message)) return detail;
  return {
    ...detail,
    message: `Aggregate functions (sum, avg, count...) are not allowed: the expression is computed row by row. Use stats.describe or the sql operator. DuckDB said: ${detail.message}`,
  };
}

/**
 * Evaluates `sql` over the columns the expression names (less to copy into DuckDB); should that
 * fail (a name the text scan missed), over every column, whose outcome then counts.
 */
async function evaluate(
  sql: string,
  batch: RecordBatch,
  used: readonly string[] | undefined,
  shadowed: ReadonlySet<string>,
  ctx: RunContext,
): Promise<Table> {
  const names = batch.schema.fields.map((f) => f.name);
  // Of columns differing only in case, only the one the expression spells goes to DuckDB.
  const visible = names.flatMap((n, i) => (shadowed.has(n) ? [] : [i]));
  const all = new Table([visible.length < names.length ? batch.selectAt(visible) : batch]);
  const wanted = used?.filter((n) => !shadowed.has(n));
  if (wanted === undefined || wanted.length === visible.length)
    return ctx.sql.query(sql, { input: all }, ctx.signal);
  const some =
    wanted.length > 0 ? wanted.map((n) => names.indexOf(n)).filter((i) => i >= 0) : [visible[0]!];
  try {
    // selectAt, not select: apache-arrow 21's select leaves holes in the children for any
    // selection but the leading columns (RecordBatch.select indexes children by position).
    return await ctx.sql.query(sql, { input: new Table([batch.selectAt(some)]) }, ctx.signal);
  } catch (e) {
    if (ctx.signal.aborted) throw e;
    return ctx.sql.query(sql, { input: all }, ctx.signal);
  }
}

/**
 * A bound `math.expression`: the per-batch transform, plus what the engine's fused path
 * (src/engine/fusion) needs to compute the same output from a column it evaluated itself.
 */
export interface BoundExpression {
  /** The column the expression's values go to. */
  readonly output: string;
  /** Evaluates the expression over one batch in the worker's DuckDB (the operator's own path). */
  readonly transform: (batch: RecordBatch) => Promise<RecordBatch>;
  /** The output batch for `batch` given the expression's values (one `Data` of as many rows). */
  readonly withValues: (batch: RecordBatch, values: Data) => RecordBatch;
}

function outputBuilder(schema: Schema, p: Required<MathExpressionParams>, nodeId: string) {
  let out: Schema | undefined;
  return (batch: RecordBatch, values: Data): RecordBatch => {
    const type: DataType = values.type;
    if (
      DataType.isList(type) ||
      DataType.isLargeList(type) ||
      DataType.isStruct(type) ||
      DataType.isUnion(type) ||
      DataType.isFixedSizeList(type) ||
      DataType.isMap(type)
    ) {
      throw new PetroflowException({
        ...paramError(
          ID,
          'expression',
          `gives a ${typeName(type)} (several values in one cell, e.g. from "GR, RT" or list_value), not one value per row. Write one value, e.g. GR + RT, or use the sql operator.`,
        ),
        nodeId,
      });
    }
    if (!out || !sameType(out.fields.find((f) => f.name === p.output)!.type as DataType, type)) {
      out = withFields(schema, [fieldFor(p.output, type, p.expression)]);
    }
    return withColumns(batch, out, new Map([[p.output, finiteFloat64(values)]]));
  };
}

function transform(
  schema: Schema,
  p: Required<MathExpressionParams>,
  ctx: RunContext,
  withValues: (batch: RecordBatch, values: Data) => RecordBatch,
) {
  // A projection keeps the rows in insertion order (DuckDB's preserve_insertion_order, which the
  // lock-down leaves on and locks); the row count is checked below.
  const sql = `SELECT (${p.expression}) AS ${VALUE} FROM input`;
  // The first batch also selects rowid, so an aggregate (avg(GR)) fails to bind, even on a
  // batch of one row; later batches skip that column.
  const firstSql = `SELECT (${p.expression}) AS ${VALUE}, rowid AS ${VALUE}_row FROM input`;
  let checked = false;
  const names = schema.fields.map((f) => f.name);
  const used = referencedColumns(p.expression, names);
  const shadowed = caseShadowed(p.expression, names);
  return async (batch: RecordBatch): Promise<RecordBatch> => {
    let result: Table;
    const columns = checked ? 1 : 2;
    try {
      result = await evaluate(checked ? sql : firstSql, batch, used, shadowed, ctx);
      checked = true;
    } catch (e) {
      const located = atNode(e, ctx.nodeId, ID, 'params.expression');
      if (located instanceof PetroflowException)
        throw new PetroflowException(rowwiseError(located.detail));
      throw located;
    }
    const column = result.getChildAt(0);
    if (result.numCols !== columns) {
      // COLUMNS('G.*') expands to one value per matching column: only one can be the output.
      throw new PetroflowException(
        petroflowError(
          'SQL_ERROR',
          `The expression gives ${result.numCols - columns + 1} values per row (COLUMNS(...) or * matched several columns); it must give one. Name the column, e.g. GR * 2.`,
          { nodeId: ctx.nodeId, op: ID, field: 'params.expression' },
        ),
      );
    }
    if (!column || result.numRows !== batch.numRows) {
      // Without ORDER BY rowid an aggregate (avg(GR)) runs fine and gives one row: say why.
      throw new PetroflowException(
        petroflowError(
          'SQL_ERROR',
          `Aggregate functions (sum, avg, count...) and functions that make rows (unnest, generate_series) are not allowed: the expression is computed row by row, and it gave ${result.numRows} rows for ${batch.numRows}. Use stats.describe or the sql operator.`,
          { nodeId: ctx.nodeId, op: ID, field: 'params.expression' },
        ),
      );
    }
    return withValues(batch, singleData(column));
  };
}

/** Checks the parameters against the input schema and binds them (see `BoundExpression`). */
export function bindExpression(
  schema: Schema,
  raw: MathExpressionParams,
  ctx: RunContext,
): Result<BoundExpression, PetroflowError> {
  const p = check(raw, schema);
  if (!p.ok) return err({ ...p.error, nodeId: ctx.nodeId });
  const withValues = outputBuilder(schema, p.value, ctx.nodeId);
  return ok({
    output: p.value.output,
    transform: transform(schema, p.value, ctx, withValues),
    withValues,
  });
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
    const p = check(raw, schema);
    if (!p.ok) return p;
    return ok(withFields(schema, [fieldFor(p.value.output, new Float64(), p.value.expression)]));
  },
  bind: (schema, raw, ctx) => {
    const bound = bindExpression(schema, raw, ctx);
    return bound.ok ? ok(bound.value.transform) : bound;
  },
};
