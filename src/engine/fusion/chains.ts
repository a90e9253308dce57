/**
 * Finding the chains of a segment that the fused runner drives: a path of `math.expression` /
 * `filter.depth` steps, each but the last with that next step as its only in-segment consumer,
 * optionally ending in a one-input `sql` tail (segments.ts puts such a tail in its parent's
 * segment). A chain is fused when it holds an expression and at least two nodes: one alone gains
 * nothing from fusion.
 */
import type { OperatorLookup } from '../plan.ts';
import type { SegmentTask, TaskNode } from '../task.ts';
import type { StepKind } from './steps.ts';
import { isTailOperator, stepKind } from './steps.ts';

/** A chain of a segment: steps in order, and the optional `sql` tail. */
export interface Chain {
  readonly steps: readonly TaskNode[];
  readonly kinds: readonly StepKind[];
  readonly tail?: TaskNode;
}

/** The chains of `task` worth fusing (disjoint; each starts at its first step). */
export function findChains(task: SegmentTask, operators: OperatorLookup): Chain[] {
  const kindOf = (n: TaskNode): StepKind | undefined =>
    stepKind(operators.operator(n.op, n.version));
  const children = (n: TaskNode): TaskNode[] => task.nodes.filter((c) => c.parent === n.nodeId);
  const byId = new Map(task.nodes.map((n) => [n.nodeId, n]));
  const chains: Chain[] = [];
  for (const n of task.nodes) {
    if (kindOf(n) === undefined) continue;
    const parent = n.parent === null ? undefined : byId.get(n.parent);
    // A step continuing its parent's chain is not a start.
    if (parent && kindOf(parent) !== undefined && children(parent).length === 1) continue;
    const steps = [n];
    let tail: TaskNode | undefined;
    for (;;) {
      const last = steps[steps.length - 1] as TaskNode;
      const next = children(last);
      const only = next.length === 1 ? next[0] : undefined;
      if (only && kindOf(only) !== undefined) steps.push(only);
      else {
        if (
          only &&
          only.port !== undefined &&
          isTailOperator(operators.operator(only.op, only.version))
        )
          tail = only;
        break;
      }
    }
    const kinds = steps.map((s) => kindOf(s) as StepKind);
    if (kinds.includes('expression') && steps.length + (tail ? 1 : 0) >= 2)
      chains.push({ steps, kinds, ...(tail ? { tail } : {}) });
  }
  return chains;
}
