/**
 * What a LAS 2.0 write leaves out of the file a table was read from. LAS 2.0 holds one data
 * section, so the other data sets of a LAS 3.0 file (cores, tops, tests...) or repeated ~Curve/~A
 * pairs cannot be written; the reader records them in the schema (`DATA_SETS_KEY`) so the writer
 * can say so instead of dropping them silently.
 */
import type { Table } from 'apache-arrow';
import { DATA_SETS_KEY } from './arrow.ts';

/** Data sections named in a warning at most; the rest are counted. */
const LISTED = 5;

/** `[{ title, line }]` from the schema metadata; anything else (hand-made metadata) is ignored. */
function dataSets(table: Table): { title: string; line: number }[] {
  const raw = table.schema.metadata.get(DATA_SETS_KEY);
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (x: unknown): x is { title: string; line: number } =>
        typeof x === 'object' &&
        x !== null &&
        'title' in x &&
        typeof x.title === 'string' &&
        'line' in x &&
        typeof x.line === 'number',
    );
  } catch {
    return [];
  }
}

/**
 * Warnings for `writeLas(table)`: one when the file the table was read from had data sections
 * besides the table's (LAS 2.0 cannot hold them; only the table is written). Empty otherwise.
 */
export function lasWriteWarnings(table: Table): string[] {
  const sets = dataSets(table);
  if (sets.length === 0) return [];
  const file = table.schema.metadata.get('las.file') || 'the source file';
  const named = sets.slice(0, LISTED).map((s) => `~${s.title} at line ${s.line}`);
  if (sets.length > LISTED) named.push(`${sets.length - LISTED} more`);
  const what = sets.length === 1 ? 'another data section' : `${sets.length} other data sections`;
  return [
    `${file} has ${what} (${named.join(', ')}) that LAS 2.0 cannot hold: only the main log table is written, the rest is left out`,
  ];
}
