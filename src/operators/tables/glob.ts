/** Listing of matches for source operators, and the FILE_NOT_FOUND error naming what exists. */
import { petroflowError, PetroflowException } from '../../model/errors.ts';
import type { FileAccess } from '../types.ts';

/** How many available names the error lists (a library may hold thousands of files). */
const SHOWN = 20;

/** The names matching `pattern`, or FILE_NOT_FOUND listing the available files. */
export function matchFiles(
  files: FileAccess,
  pattern: string,
  where: { nodeId: string; op: string },
): readonly string[] {
  const names = files.match(pattern);
  if (names.length > 0) return names;
  const available = files.match('*');
  const shown = available.slice(0, SHOWN).join(', ');
  const more = available.length > SHOWN ? ` and ${available.length - SHOWN} more` : '';
  const list = available.length > 0 ? `${shown}${more}` : '(no files added yet)';
  throw new PetroflowException(
    petroflowError(
      'FILE_NOT_FOUND',
      `No file matches "${pattern}". Available files: ${list}. Add the file, or change the "file" parameter to one of these names or a glob such as *.las.`,
      { ...where, field: 'params.file' },
    ),
  );
}
