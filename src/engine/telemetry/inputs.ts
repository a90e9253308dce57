/**
 * Which input files a run read, with their content hashes: the `inputHashes` of a run record.
 * A file counts when a node of the run that read its files (not skipped, not cancelled before it
 * started) names it (or matches it by glob) in a file parameter (`x-widget: file`), the same rule
 * the node fingerprints use.
 */
import type { OperatorCatalogue } from '../../model/catalogue.ts';
import type { Pipeline } from '../../model/pipeline.ts';
import { matchFiles } from '../glob.ts';
import type { FileProvider, RunSummary } from '../types.ts';

/** What is needed of the catalogue (an OperatorRegistry or the model's catalogue). */
export type ParamsSchemaLookup = Pick<OperatorCatalogue, 'get'>;

/** Names of the parameters of `op@version` whose schema marks them as file names. */
export function fileParamNames(
  catalogue: ParamsSchemaLookup,
  op: string,
  version: string,
): string[] {
  const props = catalogue.get(op, version)?.paramsSchema.properties;
  if (typeof props !== 'object' || props === null) return [];
  return Object.entries(props as Record<string, unknown>)
    .filter(
      ([, s]) =>
        typeof s === 'object' &&
        s !== null &&
        (s as Record<string, unknown>)['x-widget'] === 'file',
    )
    .map(([name]) => name);
}

/**
 * True when a node's result rests on its files: it ran (done or failed), came from the cache (a
 * result made from files with these hashes), or was stopped by a cancel after it started. A
 * node skipped, or cancelled before it started, read nothing.
 */
function readItsFiles(span: RunSummary['spans'][number]): boolean {
  if (span.status === 'skipped') return false;
  if (span.status === 'cancelled') return (span.attempts ?? 1) > 0;
  return true;
}

/**
 * Which nodes read their files: those of a run's spans (see `readItsFiles`), or the ids given (a
 * run that is only starting: every node it will run).
 */
export type FileReaders = Pick<RunSummary, 'spans'> | ReadonlySet<string>;

/** File names the given nodes read, sorted and unique. */
export function inputFileNames(
  pipeline: Pipeline,
  readers: FileReaders,
  names: readonly string[],
  catalogue: ParamsSchemaLookup,
): string[] {
  const ran =
    'spans' in readers ? new Set(readers.spans.filter(readItsFiles).map((s) => s.nodeId)) : readers;
  const out = new Set<string>();
  for (const node of pipeline.nodes) {
    if (!ran.has(node.id)) continue;
    for (const name of fileParamNames(catalogue, node.op, node.version)) {
      const value = node.params[name];
      if (typeof value === 'string') for (const f of matchFiles(value, names)) out.add(f);
    }
  }
  return [...out].sort();
}

/**
 * Content hashes (hex SHA-256, from `files.hash`) of the files the run read, by name. A file that
 * cannot be read any more is left out: its node failed, and the record says so.
 */
export async function inputFileHashes(
  pipeline: Pipeline,
  readers: FileReaders,
  files: FileProvider,
  catalogue: ParamsSchemaLookup,
): Promise<Record<string, string>> {
  const names = inputFileNames(pipeline, readers, files.names(), catalogue);
  const entries = await Promise.all(
    names.map(async (n): Promise<[string, string] | undefined> => {
      try {
        return [n, await files.hash(n)];
      } catch {
        return undefined;
      }
    }),
  );
  return Object.fromEntries(entries.filter((e) => e !== undefined));
}
