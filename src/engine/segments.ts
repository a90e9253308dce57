/**
 * Grouping the nodes to execute into segments (task.ts). A row-wise node joins the segment of its
 * one input when that input also executes in this run: the chain streams batch by batch inside one
 * worker through bounded channels, with no worker-to-worker hop per batch and no way to deadlock
 * on a small pool (a streaming edge never needs two workers at once). Sources, blocking operators
 * (which gather their whole input anyway) and row-wise nodes whose input is already finished
 * (cached) start a new segment. Segments depend on each other only through finished outputs, so a
 * pool of any size runs every plan, and independent segments run in parallel. The one exception
 * to "blocking starts a segment": a `sql` node that ends a chain of DuckDB-backed steps joins it
 * (see `fusableTail`).
 */
import type { Plan, PlannedNode } from './plan.ts';
import { isTailOperator, stepKind } from './fusion/steps.ts';

/** A group of nodes executed as one task. */
export interface Segment {
  readonly head: string;
  /** Head first, then row-wise descendants in topological order. */
  readonly nodes: readonly string[];
  /** Parent inside the segment of each non-head node. */
  readonly parent: ReadonlyMap<string, string>;
  /** Nodes outside the segment whose finished outputs the head reads. */
  readonly needs: readonly string[];
}

/**
 * A one-input `sql` node whose input is a DuckDB-backed step consumed by nothing else: it joins
 * its parent's segment, so the fused chain (fusion/) hands it the rows inside the worker's DuckDB.
 */
function fusableTail(plan: Plan, p: PlannedNode): boolean {
  const input = p.inputs[0];
  if (!input || p.inputs.length !== 1 || !isTailOperator(p.operator)) return false;
  const parent = plan.nodes.get(input.from);
  return (
    parent !== undefined && stepKind(parent.operator) !== undefined && parent.consumers.length === 1
  );
}

/** Splits `execute` (node ids in plan order) into segments. */
export function buildSegments(plan: Plan, execute: ReadonlySet<string>): Segment[] {
  const segmentOf = new Map<
    string,
    { head: string; nodes: string[]; parent: Map<string, string> }
  >();
  const list: { head: string; nodes: string[]; parent: Map<string, string> }[] = [];
  for (const id of plan.order) {
    if (!execute.has(id)) continue;
    const p = plan.nodes.get(id) as PlannedNode;
    const input = p.inputs[0];
    const streams =
      (p.operator?.kind === 'rowwise' || fusableTail(plan, p)) &&
      p.inputs.length === 1 &&
      input &&
      execute.has(input.from);
    if (streams) {
      const seg = segmentOf.get(input.from);
      if (seg) {
        seg.nodes.push(id);
        seg.parent.set(id, input.from);
        segmentOf.set(id, seg);
        continue;
      }
    }
    const seg = { head: id, nodes: [id], parent: new Map<string, string>() };
    list.push(seg);
    segmentOf.set(id, seg);
  }
  return list.map((s) => ({
    head: s.head,
    nodes: s.nodes,
    parent: s.parent,
    needs: [...new Set((plan.nodes.get(s.head) as PlannedNode).inputs.map((i) => i.from))],
  }));
}
