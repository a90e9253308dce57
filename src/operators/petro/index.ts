/** Petrophysics and summary operators (spec/operators.md, "Petrophysics", "Summaries"). */
import type { AnyOperator } from '../types.ts';

/** Every version of every petrophysics and summary operator. */
export const petroOperators: readonly AnyOperator[] = [];
