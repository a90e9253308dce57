/**
 * The operators the fused path knows how to compute inside DuckDB, recognised by identity (a test
 * registry's look-alike operator of the same id is never fused): `math.expression` and
 * `filter.depth` as chain steps, and a one-input `sql` as the chain's last node (its tail).
 */
import { filterDepth } from '../../operators/tables/filter-depth.ts';
import { mathExpression } from '../../operators/tables/math-expression.ts';
import { sql } from '../../operators/tables/sql.ts';
import type { AnyOperator } from '../../operators/types.ts';

/** Kinds of chain steps. */
export type StepKind = 'expression' | 'filter';

const steps = new Map<unknown, StepKind>([
  [mathExpression, 'expression'],
  [filterDepth, 'filter'],
]);

/** The step kind of an operator, or undefined when it cannot be part of a fused chain. */
export function stepKind(op: AnyOperator | undefined): StepKind | undefined {
  return op === undefined ? undefined : steps.get(op);
}

/** True for the operator a fused chain may end with (the built-in `sql`). */
export function isTailOperator(op: AnyOperator | undefined): boolean {
  return op !== undefined && op === (sql as unknown);
}
