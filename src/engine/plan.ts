/**
 * Planning a run from a validated pipeline: which nodes are in scope ("run to here" keeps only the
 * target's ancestors), their inputs and consumers, a topological order, and which nodes are skipped
 * because they or an ancestor are disabled. Engine-internal: the model's graph helpers were not
 * available when this was written, and the engine needs per-port inputs anyway.
 */
import type { PetroflowError } from '../model/errors.ts';
import { petroflowError } from '../model/errors.ts';
import type { Pipeline, PipelineNode } from '../model/pipeline.ts';
import type { Result } from '../model/result.ts';
import { err, ok } from '../model/result.ts';
import type { AnyOperator } from '../operators/types.ts';

/** Lookup of operator versions (the OperatorRegistry satisfies it). */
export interface OperatorLookup {
  operator(id: string, version: string): AnyOperator | undefined;
}

/** One input of a node: which upstream node and port feeds which of its ports. */
export interface NodeInput {
  readonly port: string;
  readonly from: string;
  readonly fromPort: string;
}

/** A node in scope of a run. */
export interface PlannedNode {
  readonly node: PipelineNode;
  /** Undefined when this build does not know the operator version (the node fails). */
  readonly operator: AnyOperator | undefined;
  /** Inputs sorted by port name. */
  readonly inputs: readonly NodeInput[];
  /** Nodes in scope that consume this node's output. */
  readonly consumers: readonly string[];
}

/** What a run will consider. */
export interface Plan {
  /** Node ids in scope, in a topological order (inputs before consumers). */
  readonly order: readonly string[];
  readonly nodes: ReadonlyMap<string, PlannedNode>;
  /** Nodes in scope that will not run, with the reason (disabled, or an ancestor disabled). */
  readonly skipped: ReadonlyMap<string, string>;
}

/** Ancestors of `id` (not including it) following edges backwards. */
function ancestorsOf(pipeline: Pipeline, id: string): Set<string> {
  const seen = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    const cur = stack.pop() as string;
    for (const e of pipeline.edges) {
      if (e.to === cur && !seen.has(e.from)) {
        seen.add(e.from);
        stack.push(e.from);
      }
    }
  }
  return seen;
}

/** Kahn's algorithm over the nodes in scope; ties keep pipeline order, so plans are stable. */
function topoOrder(ids: readonly string[], nodes: Map<string, PlannedNode>): string[] | undefined {
  const indegree = new Map(ids.map((id) => [id, nodes.get(id)?.inputs.length ?? 0]));
  const ready = ids.filter((id) => indegree.get(id) === 0);
  const order: string[] = [];
  while (ready.length > 0) {
    const id = ready.shift() as string;
    order.push(id);
    for (const c of nodes.get(id)?.consumers ?? []) {
      const d = (indegree.get(c) ?? 0) - 1;
      indegree.set(c, d);
      if (d === 0) ready.push(c);
    }
  }
  return order.length === ids.length ? order : undefined;
}

/** Plans a run of `pipeline`, or of `target` and its ancestors only. */
export function planRun(
  pipeline: Pipeline,
  operators: OperatorLookup,
  target?: string,
): Result<Plan, PetroflowError> {
  const byId = new Map(pipeline.nodes.map((n) => [n.id as string, n]));
  if (target !== undefined && !byId.has(target)) {
    return err(
      petroflowError('PIPELINE_INVALID', `Cannot run to node '${target}': no such node.`, {
        nodeId: target,
      }),
    );
  }
  const scope = target === undefined ? null : new Set([target, ...ancestorsOf(pipeline, target)]);
  const ids = pipeline.nodes.map((n) => n.id as string).filter((id) => !scope || scope.has(id));
  const inScope = new Set(ids);
  const nodes = new Map<string, PlannedNode>();
  for (const id of ids) {
    const node = byId.get(id) as PipelineNode;
    const inputs = pipeline.edges
      .filter((e) => e.to === id && inScope.has(e.from))
      .map((e) => ({ port: e.toPort, from: e.from, fromPort: e.fromPort }))
      .sort((a, b) => (a.port < b.port ? -1 : a.port > b.port ? 1 : 0));
    const consumers = [
      ...new Set(pipeline.edges.filter((e) => e.from === id && inScope.has(e.to)).map((e) => e.to)),
    ];
    nodes.set(id, { node, operator: operators.operator(node.op, node.version), inputs, consumers });
  }
  const order = topoOrder(ids, nodes);
  if (!order) {
    return err(
      petroflowError('PIPELINE_CYCLE', 'The pipeline has a cycle; remove one of its edges.', {}),
    );
  }
  const skipped = new Map<string, string>();
  for (const id of order) {
    const p = nodes.get(id) as PlannedNode;
    if (p.node.disabled) {
      skipped.set(id, 'disabled');
      continue;
    }
    const off = p.inputs.find((i) => skipped.has(i.from));
    if (off) skipped.set(id, `upstream node '${off.from}' is disabled`);
  }
  return ok({ order, nodes, skipped });
}
