/**
 * The examples shipped with the app (public/examples/index.json): sample files to add to the
 * library and pipeline templates to open. Every fetched document is validated before use.
 */
import { parsePipelineText } from '../model/parse.ts';
import type { OperatorRegistry } from '../operators/registry.ts';
import { err, ok, type Result } from '../model/result.ts';
import type { AppStore } from './store.ts';

/** One entry of the examples index. */
export interface ExampleEntry {
  readonly name: string;
  readonly description: string;
  readonly file: string;
}

/** The examples index. */
export interface ExampleIndex {
  readonly files: readonly ExampleEntry[];
  readonly templates: readonly ExampleEntry[];
}

const BASE = 'examples/';

function entries(v: unknown): ExampleEntry[] {
  if (!Array.isArray(v)) return [];
  return v.filter(
    (e): e is ExampleEntry =>
      typeof e === 'object' &&
      e !== null &&
      typeof (e as Record<string, unknown>).name === 'string' &&
      typeof (e as Record<string, unknown>).description === 'string' &&
      typeof (e as Record<string, unknown>).file === 'string' &&
      !/^([a-z]+:|\/|.*\.\.)/i.test(String((e as Record<string, unknown>).file)),
  );
}

/** Loads the examples index (empty lists when the build ships none). */
export async function fetchExamples(base = BASE): Promise<ExampleIndex> {
  try {
    const res = await fetch(`${base}index.json`);
    if (!res.ok) return { files: [], templates: [] };
    const json = (await res.json()) as Record<string, unknown>;
    return { files: entries(json.files), templates: entries(json.templates) };
  } catch {
    return { files: [], templates: [] };
  }
}

/** Validates pipeline JSON text (file import or template) and opens it as a new pipeline. */
export async function importPipelineText(
  store: AppStore,
  registry: OperatorRegistry,
  text: string,
  source: string,
): Promise<Result<void, string>> {
  const parsed = parsePipelineText(text, registry);
  if (!parsed.ok) {
    const lines = parsed.error
      .slice(0, 5)
      .map((e) => (e.line ? `line ${e.line}: ${e.message}` : e.message));
    const msg = `${source} is not a pipeline Petroflow can open: ${lines.join('; ')}`;
    store.getState().notify({ kind: 'error', message: msg });
    return err(msg);
  }
  await store.getState().importPipeline(parsed.value);
  return ok(undefined);
}

/** Opens a template of the examples as a new pipeline. */
export async function openTemplate(
  store: AppStore,
  registry: OperatorRegistry,
  entry: ExampleEntry,
  base = BASE,
): Promise<Result<void, string>> {
  const res = await fetch(`${base}${entry.file}`);
  if (!res.ok) return err(`Template ${entry.name} could not be loaded (${res.status}).`);
  return importPipelineText(store, registry, await res.text(), `Template “${entry.name}”`);
}

/** Adds the example data files to the file library. */
export async function addExampleFiles(
  store: AppStore,
  index: ExampleIndex,
  base = BASE,
): Promise<void> {
  const pending = await Promise.all(
    index.files.map(async (f) => {
      const res = await fetch(`${base}${f.file}`);
      return {
        name: f.file.split('/').pop() ?? f.file,
        bytes: new Uint8Array(await res.arrayBuffer()),
      };
    }),
  );
  await store.getState().addFiles(pending);
}
