/**
 * Printing a list of problems as one line each (pipeline-format.md section 4) without flooding a
 * terminal or a log: a document with 20 000 bad edges would print 20 000 lines, so the first
 * `MAX_PROBLEM_LINES` are printed, then one line that counts the rest.
 */
import type { CliIO } from '../io.ts';

/** Problems printed one per line before the rest are counted in a single line. */
export const MAX_PROBLEM_LINES = 100;

/**
 * Writes `<prefix>: <problem>` for each problem to stderr, up to `max` lines, then
 * `<prefix>: ... and N more problems (T total)` when some were left out.
 */
export function printProblems(
  io: CliIO,
  prefix: string,
  problems: readonly string[],
  max: number = MAX_PROBLEM_LINES,
): void {
  const shown = problems.length > max ? problems.slice(0, max) : problems;
  for (const line of shown) io.err(`${prefix}: ${line}`);
  const rest = problems.length - shown.length;
  if (rest > 0)
    io.err(
      `${prefix}: ... and ${rest} more problem${rest === 1 ? '' : 's'} (${problems.length} total); fix the ones above and validate again to see the rest`,
    );
}
