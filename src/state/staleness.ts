/**
 * Which nodes' results are out of date: each node gets a signature of what its output depends on
 * (operator, version, parameters, disabled flag, its inputs' signatures and ports, and the content
 * hashes of the files it reads), taken from the pipeline a run started with and from the graph as
 * it is now. A result whose signatures differ no longer matches the graph on screen (a parameter
 * changed, an upstream node changed, a file was replaced or removed), whether the change came
 * after the run or while it ran. The same facts as the engine's fingerprints, computed
 * synchronously (no SHA-256) because it runs on every edit.
 */
import { canonicalJson } from '../engine/canonical.ts';
import { matchFiles } from '../engine/glob.ts';
import { hash64 } from '../model/hash64.ts';
import type { PipelineNode } from '../model/pipeline.ts';
import type { OperatorRegistry } from '../operators/registry.ts';
import type { GraphDoc } from './doc.ts';

/** A file as staleness sees it: its name and content hash. */
export interface HashedName {
  readonly name: string;
  readonly hash: string;
}

/** A node's own part of its signature, kept per node object (unchanged nodes are shared). */
const ownText = new WeakMap<PipelineNode, string>();

function ownPart(node: PipelineNode): string {
  let text = ownText.get(node);
  if (text === undefined) {
    text = canonicalJson({
      op: node.op,
      version: node.version,
      params: node.params,
      disabled: node.disabled === true,
    });
    ownText.set(node, text);
  }
  return text;
}

/** The files a node reads: matches of its file parameters (every file for a source without one). */
function filesOf(
  node: PipelineNode,
  registry: OperatorRegistry,
  files: readonly HashedName[],
): string {
  const op = registry.operator(node.op, node.version);
  if (!op) return '';
  const props = op.params.schema.properties ?? {};
  const params = Object.entries(props)
    .filter(([, s]) => s['x-widget'] === 'file')
    .map(([name]) => name);
  if (params.length === 0 && op.kind !== 'source') return '';
  const names = files.map((f) => f.name);
  const matched =
    params.length === 0
      ? names
      : params.flatMap((p) => {
          const v = node.params[p];
          return typeof v === 'string' ? matchFiles(v, names) : [];
        });
  const byName = new Map(files.map((f) => [f.name, f.hash]));
  return [...new Set(matched)]
    .sort()
    .map((n) => `${n}\u0000${byName.get(n) ?? ''}`)
    .join('\u0001');
}

/** The signature of every node of `doc` (nodes on a cycle get none: they cannot run). */
export function nodeSignatures(
  doc: GraphDoc,
  registry: OperatorRegistry,
  files: readonly HashedName[],
): Map<string, string> {
  const nodes = new Map(doc.nodes.map((n) => [n.id as string, n]));
  const inputs = new Map<string, string[]>();
  for (const e of doc.edges) {
    const list = inputs.get(e.to) ?? [];
    list.push(`${e.toPort}\u0000${e.from}\u0000${e.fromPort}`);
    inputs.set(e.to, list);
  }
  const out = new Map<string, string>();
  const visiting = new Set<string>();
  const sign = (id: string): string | undefined => {
    const done = out.get(id);
    if (done !== undefined) return done;
    const node = nodes.get(id);
    if (!node || visiting.has(id)) return undefined;
    visiting.add(id);
    const ins: string[] = [];
    for (const edge of (inputs.get(id) ?? []).sort()) {
      const [port, from, fromPort] = edge.split('\u0000');
      const upstream = sign(from ?? '');
      if (upstream === undefined) {
        visiting.delete(id);
        return undefined;
      }
      ins.push(`${port ?? ''}\u0000${upstream}\u0000${fromPort ?? ''}`);
    }
    visiting.delete(id);
    const sig = hash64(
      `${ownPart(node)}\u0002${ins.join('\u0001')}\u0002${filesOf(node, registry, files)}`,
    );
    out.set(id, sig);
    return sig;
  };
  for (const id of nodes.keys()) sign(id);
  return out;
}

/**
 * True when `a` and `b` give every node the same signature whatever the files: same edges and, node
 * by node, the same operator, version, parameters and disabled flag (moves and labels do not
 * count). Cheap (reference checks), so dragging nodes does not recompute signatures.
 */
export function sameSignatures(a: GraphDoc, b: GraphDoc): boolean {
  if (a === b) return true;
  if (a.edges !== b.edges || a.nodes.length !== b.nodes.length) return false;
  return a.nodes.every((n, i) => {
    const m = b.nodes[i];
    if (n === m) return true;
    return (
      m !== undefined &&
      n.id === m.id &&
      n.op === m.op &&
      n.version === m.version &&
      n.params === m.params &&
      n.disabled === m.disabled
    );
  });
}

/**
 * Nodes whose last result (their signature when it was produced, in `ranWith`) no longer matches
 * their signature in `now`.
 */
export function staleNodes(
  ranWith: Readonly<Record<string, string>>,
  now: ReadonlyMap<string, string>,
): Set<string> {
  const stale = new Set<string>();
  for (const [id, sig] of Object.entries(ranWith)) if (now.get(id) !== sig) stale.add(id);
  return stale;
}
