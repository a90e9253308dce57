/**
 * Test helpers only (no production code imports this): an in-memory `FileAccess` with `*`/`?`
 * globs, and a `RunContext` that records warnings and progress.
 */
import type { RecordBatch, Table } from 'apache-arrow';
import { parseRangedFileName } from '../file-range.ts';
import type { FileAccess, InputFile, RunContext, SqlEngine } from '../types.ts';

function globRegExp(pattern: string): RegExp {
  const body = [...pattern]
    .map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`);
}

/** Files held in memory by name; `match` supports `*` and `?`. */
export function memoryFiles(files: Readonly<Record<string, Uint8Array | string>>): FileAccess {
  const names = Object.keys(files).sort();
  return {
    match: (pattern) => names.filter((n) => globRegExp(pattern).test(n)),
    read: (name): Promise<InputFile> => {
      const content = files[name];
      if (content === undefined) return Promise.reject(new Error(`no file ${name}`));
      const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
      return Promise.resolve({ name, bytes });
    },
  };
}

/** An SqlEngine for tests that must not reach SQL. */
export const noSql: SqlEngine = {
  query: () => Promise.reject(new Error('SQL is not available in this test')),
  readCsv: () => Promise.reject(new Error('SQL is not available in this test')),
};

/** A RunContext that records what the operator reported. */
export interface RecordingContext extends RunContext {
  readonly warnings: string[];
  readonly progressed: number[];
}

/** Makes a RecordingContext over the given files and SQL engine. */
export function testContext(
  options: { files?: FileAccess; sql?: SqlEngine; signal?: AbortSignal } = {},
): RecordingContext {
  const warnings: string[] = [];
  const progressed: number[] = [];
  return {
    nodeId: 'n1',
    signal: options.signal ?? new AbortController().signal,
    files: options.files ?? memoryFiles({}),
    sql: options.sql ?? noSql,
    progress: (rows) => progressed.push(rows),
    warn: (message) => warnings.push(message),
    warnings,
    progressed,
  };
}

/** Collects an async stream of batches. */
export async function collect(stream: AsyncIterable<RecordBatch>): Promise<RecordBatch[]> {
  const out: RecordBatch[] = [];
  for await (const b of stream) out.push(b);
  return out;
}

/** Column values of a table or batch as a plain array (nulls as null). */
export function values(t: Table | RecordBatch, name: string): unknown[] {
  const col = t.getChild(name);
  if (!col) throw new Error(`no column ${name}`);
  return [...col].map((v: unknown) => (typeof v === 'bigint' ? Number(v) : v));
}

/**
 * Files served whole or by ranged names as `petroflow run` serves them (so source.csv streams
 * them); counts the ranged reads.
 */
export function rangedFiles(
  files: Readonly<Record<string, Uint8Array | string>>,
): FileAccess & { ranges: number } {
  const whole = memoryFiles(files);
  const access = {
    ranges: 0,
    match: (pattern: string) => whole.match(pattern),
    read: async (request: string): Promise<InputFile> => {
      const r = parseRangedFileName(request);
      if (!r) return whole.read(request);
      access.ranges++;
      const { bytes } = await whole.read(r.name);
      return { name: r.name, bytes: bytes.slice(r.offset, r.offset + r.length) };
    },
  };
  return access;
}
