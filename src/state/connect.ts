/** Checks a proposed connection before it is made, with a reason the user can act on. */
import type { PipelineEdge } from '../model/pipeline.ts';
import { err, ok, type Result } from '../model/result.ts';
import type { GraphDoc } from './doc.ts';
import type { PortLookup } from './ports.ts';

/** The nodes of a path from `start` to `goal` following edges downstream, or undefined. */
export function pathBetween(doc: GraphDoc, start: string, goal: string): string[] | undefined {
  const next = new Map<string, string[]>();
  for (const e of doc.edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const prev = new Map<string, string>();
  const queue = [start];
  const seen = new Set([start]);
  while (queue.length > 0) {
    const cur = queue.shift() as string;
    if (cur === goal) {
      const path = [cur];
      for (let p = prev.get(cur); p !== undefined; p = prev.get(p)) path.unshift(p);
      return path;
    }
    for (const n of next.get(cur) ?? []) {
      if (!seen.has(n)) {
        seen.add(n);
        prev.set(n, cur);
        queue.push(n);
      }
    }
  }
  return undefined;
}

/**
 * Accepts an edge only when both ports exist, the input port is free (an input takes one table)
 * and no cycle would form; otherwise says why.
 */
export function checkConnection(
  doc: GraphDoc,
  edge: PipelineEdge,
  ports: PortLookup,
): Result<PipelineEdge, string> {
  if (edge.from === edge.to) return err(`A node cannot take its own output ("${edge.from}").`);
  const from = doc.nodes.find((n) => n.id === edge.from);
  const to = doc.nodes.find((n) => n.id === edge.to);
  if (!from || !to) return err('Both ends of a connection must be nodes of this pipeline.');
  if (!ports(from).outputs.includes(edge.fromPort)) {
    return err(`Node "${from.id}" has no output port "${edge.fromPort}".`);
  }
  if (!ports(to).inputs.includes(edge.toPort)) {
    return err(`Node "${to.id}" has no input port "${edge.toPort}".`);
  }
  const taken = doc.edges.find((e) => e.to === edge.to && e.toPort === edge.toPort);
  if (taken) {
    return err(
      `Input "${edge.toPort}" of "${to.id}" already takes the table of "${taken.from}": an input takes one table. Remove that connection first.`,
    );
  }
  const back = pathBetween(doc, edge.to, edge.from);
  if (back) {
    return err(
      `This connection would make a cycle (${[...back, edge.to].join(' → ')}): a pipeline must flow one way.`,
    );
  }
  return ok(edge);
}
