/**
 * Shared pieces of the engine benchmarks: validated pipelines from a compact description, an
 * in-memory FileProvider whose names can be re-bound (a new name defeats the cache, so a run is a
 * full run), and a run that fails loudly when any node fails.
 */
import { createHash } from 'node:crypto';
import type { Engine, FileProvider, RunSummary } from '../src/engine/types.ts';
import type { Pipeline } from '../src/model/pipeline.ts';
import { validatePipeline } from '../src/model/validate.ts';
import { builtinRegistry } from '../src/operators/index.ts';

/** A node as benchmarks write it (every operator at 1.0.0). */
export interface NodeSpec {
  readonly id: string;
  readonly op: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

/** A validated pipeline from nodes and `from->to[:port]` edges; throws on any problem. */
export function buildPipeline(
  name: string,
  nodes: readonly NodeSpec[],
  edges: readonly string[],
): Pipeline {
  const doc = {
    format: 'petroflow.pipeline',
    formatVersion: 1,
    id: `bench-${name}`,
    name,
    nodes: nodes.map((n) => ({ id: n.id, op: n.op, version: '1.0.0', params: n.params ?? {} })),
    edges: edges.map((e) => {
      const [from = '', rest = ''] = e.split('->');
      const [to = '', port = 'in'] = rest.split(':');
      return { from, fromPort: 'out', to, toPort: port };
    }),
  };
  const v = validatePipeline(doc, builtinRegistry);
  if (!v.ok) throw new Error(`bench pipeline ${name}: ${v.error.map((e) => e.message).join('; ')}`);
  return v.value;
}

/**
 * A FileProvider over in-memory bytes; `bind` adds a name (hashes are computed once per buffer).
 * With `handOver`, each bound buffer is given up on its first read (`readsFresh`, like the app's
 * and the CLI's providers): bind a copy per run, made outside the timed part, and read it once.
 */
export function bytesFiles(
  handOver = false,
): FileProvider & { bind(name: string, bytes: Uint8Array): void } {
  const files = new Map<string, Uint8Array>();
  const hashes = new Map<string, string>();
  const taken = new Set<string>();
  const get = (name: string): Uint8Array => {
    const b = files.get(name);
    if (!b) throw new Error(`bench: no file '${name}'`);
    return b;
  };
  const known = new WeakMap<Uint8Array, string>();
  return {
    bind(name, bytes) {
      files.set(name, bytes);
      taken.delete(name);
      const h = known.get(bytes) ?? createHash('sha256').update(bytes).digest('hex');
      known.set(bytes, h);
      hashes.set(name, h);
    },
    names: () => [...files.keys()].sort(),
    read: (name) => {
      if (!handOver) return Promise.resolve(get(name));
      if (taken.has(name)) throw new Error(`bench: '${name}' was handed over already`);
      taken.add(name);
      return Promise.resolve(get(name));
    },
    hash: (name) => {
      get(name);
      return Promise.resolve(hashes.get(name) as string);
    },
    readsFresh: handOver,
  };
}

/** Runs and throws with every failed node's message unless the run is done. */
export async function runChecked(
  engine: Engine,
  pipeline: Pipeline,
  files: FileProvider,
): Promise<RunSummary> {
  const summary = await engine.run(pipeline, files);
  if (summary.status !== 'done') {
    const failed = Object.entries(summary.nodes)
      .filter(([, n]) => n.status === 'failed')
      .map(([id, n]) => `${id}: ${n.error?.message ?? '?'}`);
    throw new Error(`bench run of ${pipeline.name} ${summary.status}: ${failed.join('; ')}`);
  }
  return summary;
}

/** Count of nodes that ran (not served from the cache) in a run. */
export function nodesRun(summary: RunSummary): number {
  return Object.values(summary.nodes).filter((n) => n.status === 'done').length;
}
