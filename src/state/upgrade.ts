/**
 * Operator version upgrades: what a node could move to on the followed channel, what changes on the
 * way (each version's `migration.changes`), and the migrated node. Nothing upgrades by itself.
 */
import type { Channel } from '../operators/types.ts';
import type { OperatorRegistry } from '../operators/registry.ts';
import { compareVersions } from '../operators/registry.ts';
import type { PipelineNode } from '../model/pipeline.ts';
import { err, ok, type Result } from '../model/result.ts';

/** One version step of an upgrade and what it changes for the user. */
export interface UpgradeStep {
  readonly version: string;
  readonly changes: string;
}

/** An upgrade a node can take. */
export interface UpgradeOffer {
  readonly from: string;
  readonly to: string;
  readonly steps: readonly UpgradeStep[];
}

/** The newest version of the node's operator on `channel`, when newer than the pinned one. */
export function upgradeOffer(
  registry: OperatorRegistry,
  node: PipelineNode,
  channel: Channel,
): UpgradeOffer | undefined {
  const latest = registry.latest(node.op, channel);
  if (!latest || compareVersions(latest.version, node.version) <= 0) return undefined;
  const steps = registry
    .versions(node.op)
    .filter((v) => compareVersions(v, node.version) > 0 && compareVersions(v, latest.version) <= 0)
    .map((v) => ({
      version: v,
      changes:
        registry.operator(node.op, v)?.migration?.changes ?? 'No parameter changes described.',
    }));
  return { from: node.version, to: latest.version, steps };
}

/** Applies every step's parameter migration in order and pins the node to the new version. */
export function applyUpgrade(
  registry: OperatorRegistry,
  node: PipelineNode,
  offer: UpgradeOffer,
): Result<PipelineNode, string> {
  let params: Record<string, unknown> = { ...node.params };
  let prev = node.version;
  for (const step of offer.steps) {
    const op = registry.operator(node.op, step.version);
    if (!op) return err(`Operator ${node.op} has no version ${step.version}.`);
    const m = op.migration;
    if (m && m.from === prev) {
      try {
        params = m.migrate(params);
      } catch (e) {
        return err(
          `Upgrading "${node.id}" to ${node.op} ${step.version} failed: ${e instanceof Error ? e.message : String(e)}.`,
        );
      }
    }
    prev = step.version;
  }
  return ok({ ...node, version: offer.to, params });
}

/** Parameters of a new node: every schema default filled in. */
export function defaultParams(registry: OperatorRegistry, op: string, version: string) {
  const schema = registry.operator(op, version)?.params.schema;
  const out: Record<string, unknown> = {};
  for (const [k, p] of Object.entries(schema?.properties ?? {})) {
    if (p.default !== undefined) out[k] = structuredClone(p.default);
  }
  return out;
}

/** One parameter an upgrade adds, removes or changes (undefined = absent on that side). */
export interface ParamChange {
  readonly name: string;
  readonly before: unknown;
  readonly after: unknown;
}

/**
 * What the offered upgrade would do to this node's parameters (applying the migrations to a copy),
 * so the user sees the change before accepting it; empty when nothing changes or a migration fails.
 */
export function upgradeParamChanges(
  registry: OperatorRegistry,
  node: PipelineNode,
  offer: UpgradeOffer,
): ParamChange[] {
  const next = applyUpgrade(registry, node, offer);
  if (!next.ok) return [];
  const before = node.params;
  const after = next.value.params;
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return names
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => ({ name: k, before: before[k], after: after[k] }));
}
