/**
 * The lock-down run on every fresh DuckDB instance before any user SQL (stack-facts order): no
 * extension installs or loads, a memory limit, no file or network access except the one internal
 * CSV slot, and finally the configuration locked so SQL cannot undo any of it.
 */
import { petroflowError, PetroflowException } from '../../model/errors.ts';

/**
 * The only file name DuckDB may read after lock-down: `readCsv` registers the CSV bytes under it,
 * reads them and puts an empty buffer back, so user SQL (never run at the same time) sees nothing.
 */
export const CSV_SLOT = 'petroflow-internal-csv-slot.csv';

const memoryLimitPattern = /^\d{1,6}(\.\d{1,3})?\s?(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/;

/** Checks a `memory_limit` value (it is spliced into SQL, so only plain sizes pass). */
export function checkMemoryLimit(limit: string): string {
  if (!memoryLimitPattern.test(limit)) {
    throw new PetroflowException(
      petroflowError(
        'INTERNAL',
        `DuckDB memory limit "${limit}" is not a size such as 512MB or 2GB.`,
      ),
    );
  }
  return limit;
}

/** The lock-down statements, in the order they must run. */
export function lockdownStatements(memoryLimit: string): readonly string[] {
  return [
    // Reads of the CSV slot must not be served from a cache of an earlier file.
    'SET enable_external_file_cache=false',
    `SET allowed_paths=['${CSV_SLOT}']`,
    'SET autoinstall_known_extensions=false',
    'SET autoload_known_extensions=false',
    'SET allow_community_extensions=false',
    // CREATE PERSISTENT SECRET would outlive the query (temporary ones are dropped by the reset).
    'SET allow_persistent_secrets=false',
    `SET memory_limit='${checkMemoryLimit(memoryLimit)}'`,
    'SET enable_external_access=false',
    'SET lock_configuration=true',
  ];
}
