/**
 * The key that matches a well across tables. Well names reach Petroflow through different readers:
 * a LAS header gives text ("1001", sometimes padded with spaces), while a tops CSV of numeric well
 * ids is sniffed by DuckDB as BIGINT (1001n) or DOUBLE; a key by type would keep them apart and
 * leave every sample without a zone. So a well is matched by its text, trimmed.
 */
import { valueKey } from './tables.ts';

/** Key of a well value: numbers, bigints and strings by their trimmed text; nulls and others as `valueKey`. */
export function wellKey(v: unknown): string {
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint') {
    return `w:${String(v).trim()}`;
  }
  return valueKey(v);
}
