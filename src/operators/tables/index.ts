/** Sources and general table operators (spec/operators.md, "Sources and general tables"). */
import type { AnyOperator } from '../types.ts';

/** Every version of every table operator. */
export const tableOperators: readonly AnyOperator[] = [];
