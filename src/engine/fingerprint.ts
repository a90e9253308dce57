/**
 * Node fingerprints: SHA-256 over the operator id and version, the canonical parameters, the input
 * port names with their upstream fingerprints and ports, and, for any node with a file parameter
 * (sources), the name and content hash of every file it matches. Equal fingerprint = equal output,
 * which is what the cache relies on.
 */
import type { PetroflowError } from '../model/errors.ts';
import { petroflowError } from '../model/errors.ts';
import type { Result } from '../model/result.ts';
import { err, ok } from '../model/result.ts';
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

/** A file that could not be hashed. */
class HashFailure extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`cannot hash '${file}': ${reason}`);
  }
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
  return Promise.all(
    unique.map(async (n) => {
      try {
        return [n, await files.hash(n)] as [string, string];
      } catch (e) {
        throw new HashFailure(n, e instanceof Error ? e.message : String(e));
      }
    }),
  );
}

/** Fingerprints of a plan, and the nodes whose files could not be hashed. */
export interface PlanFingerprints {
  /** Fingerprint of every planned node that is not skipped and could be fingerprinted. */
  readonly fingerprints: Map<string, string>;
  /** Nodes that cannot run because a file they match could not be read to hash it. */
  readonly failures: Map<string, PetroflowError>;
}

/** Hashes a node's files, or says which file could not be read and what to do. */
async function hashesOrError(
  p: PlannedNode,
  files: FileProvider,
): Promise<Result<[string, string][], PetroflowError>> {
  try {
    return ok(await fileHashes(p, files));
  } catch (e) {
    const { file, reason } = e instanceof HashFailure ? e : { file: '?', reason: String(e) };
    const n = p.node;
    return err(
      petroflowError(
        'FILE_NOT_FOUND',
        `Node '${n.id}' (${n.op}@${n.version}): cannot read file '${file}' (${reason}). Check that it still exists and is readable, or bind it again, then run again.`,
        { nodeId: n.id, op: n.op },
      ),
    );
  }
}

/**
 * Fingerprints of every planned node that is not skipped, computed in topological order. A node
 * whose file cannot be hashed gets no fingerprint but a failure (its descendants are fingerprinted
 * without it and are skipped when it fails), so one unreadable file does not sink the whole run.
 */
export async function fingerprintPlan(plan: Plan, files: FileProvider): Promise<PlanFingerprints> {
  const out = new Map<string, string>();
  const failures = new Map<string, PetroflowError>();
  for (const id of plan.order) {
    if (plan.skipped.has(id)) continue;
    const p = plan.nodes.get(id) as PlannedNode;
    const hashed = await hashesOrError(p, files);
    if (!hashed.ok) {
      failures.set(id, hashed.error);
      continue;
    }
    const text = canonicalJson({
      op: p.node.op,
      version: p.node.version,
      params: p.node.params,
      inputs: p.inputs.map((i) => ({ port: i.port, from: out.get(i.from), fromPort: i.fromPort })),
      files: hashed.value,
    });
    out.set(id, await sha256Hex(text));
  }
  return { fingerprints: out, failures };
}
