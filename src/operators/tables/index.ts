/** Sources and general table operators (spec/operators.md, "Sources and general tables"). */
import type { AnyOperator } from '../types.ts';
import { filterDepth } from './filter-depth.ts';
import { mathExpression } from './math-expression.ts';
import { resample } from './resample.ts';
import { sourceCsv, sourceCsvV110 } from './source-csv.ts';
import { sourceLas, sourceLasV110, sourceLasV120 } from './source-las.ts';
import { sql } from './sql.ts';
import { statsDescribe } from './stats-describe.ts';

/** Every version of every table operator. */
export const tableOperators: readonly AnyOperator[] = [
  sourceLas,
  sourceLasV110,
  sourceLasV120,
  sourceCsv,
  sourceCsvV110,
  filterDepth,
  mathExpression,
  sql,
  statsDescribe,
  resample,
];
