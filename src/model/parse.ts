/** Reading a pipeline from text (a file, a share link): size, syntax, depth and key checks, then validation. */
import type { PetroflowError } from './errors.ts';
import { petroflowError } from './errors.ts';
import { MAX_JSON_DEPTH } from './json-clone.ts';
import { scanJson } from './json-scan.ts';
import type { FormatMigration } from './migrate.ts';
import { PIPELINE_MIGRATIONS } from './migrate.ts';
import type { Pipeline } from './pipeline.ts';
import type { Result } from './result.ts';
import { err } from './result.ts';
import { validatePipeline } from './validate.ts';
import type { ListableCatalogue } from './validate-nodes.ts';

/** Largest pipeline text read, in UTF-16 code units (about 2 MiB of ASCII). */
export const MAX_PIPELINE_TEXT = 2 * 1024 * 1024;

/** Parses and validates pipeline JSON text; every problem is reported, syntax errors with line and column. */
export function parsePipelineText(
  text: string,
  catalogue: ListableCatalogue,
  migrations: Readonly<Record<number, FormatMigration>> = PIPELINE_MIGRATIONS,
): Result<Pipeline, PetroflowError[]> {
  if (text.length > MAX_PIPELINE_TEXT) {
    const mib = (text.length / 1024 / 1024).toFixed(1);
    return err([
      petroflowError(
        'PIPELINE_INVALID',
        `pipeline: the text is ${mib} MiB; the limit is 2 MiB. Is this really a pipeline file?`,
      ),
    ]);
  }
  const problem = scanJson(text, MAX_JSON_DEPTH);
  if (problem) {
    const what = problem.kind === 'syntax' ? 'not valid JSON: ' : '';
    return err([
      petroflowError('PIPELINE_INVALID', `${what}${problem.message}`, { line: problem.line }),
    ]);
  }
  return validatePipeline(JSON.parse(text) as unknown, catalogue, migrations);
}
