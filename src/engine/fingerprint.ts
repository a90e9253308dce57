/**
 * Node fingerprints: SHA-256 over the operator id and version, the canonical parameters, the input
 * port names with their upstream fingerprints and ports, and, for any node with a file parameter
 * (sources), the name and content hash of every file it matches. Equal fingerprint = equal output,
 * which is what the cache relies on.
 */
import type { FileProvider } from './types.ts';
import type { Plan, PlannedNode } from './plan.ts';
import { canonicalJson, sha256Hex } from './canonical.ts';
import { matchFiles } from './glob.ts';

/** Names of the parameters of an operator that name input files (`x-widget: file`). */
export function fileParams(p: PlannedNode): string[] {
  const props = p.operator?.params.schema.properties ?? {};
  return Object.entries(props)
    .filter(([, s]) => s['x-widget'] === 'file')
    .map(([name]) => name);
}

async function fileHashes(p: PlannedNode, files: FileProvider): Promise<[string, string][]> {
  const params = fileParams(p);
  const names = files.names();
  // A source that does not declare its file parameter depends, conservatively, on every file.
  const matched =
    params.length === 0 && p.operator?.kind === 'source'
      ? [...names]
      : params.flatMap((name) => {
          const v = p.node.params[name];
          return typeof v === 'string' ? matchFiles(v, names) : [];
        });
  const unique = [...new Set(matched)].sort();
  return Promise.all(unique.map(async (n) => [n, await files.hash(n)] as [string, string]));
}

/** Fingerprints of every planned node that is not skipped, computed in topological order. */
export async function fingerprintPlan(
  plan: Plan,
  files: FileProvider,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const id of plan.order) {
    if (plan.skipped.has(id)) continue;
    const p = plan.nodes.get(id) as PlannedNode;
    const text = canonicalJson({
      op: p.node.op,
      version: p.node.version,
      params: p.node.params,
      inputs: p.inputs.map((i) => ({ port: i.port, from: out.get(i.from), fromPort: i.fromPort })),
      files: await fileHashes(p, files),
    });
    out.set(id, await sha256Hex(text));
  }
  return out;
}
