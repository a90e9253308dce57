/** Checks edges: endpoints exist, ports exist, one edge per input port, no self-loops, no cycles. */
import { findCycles } from './graph.ts';
import { didYouMean } from './suggest.ts';
import type { NodeFacts, Problems } from './validate-context.ts';
import { isObject, str } from './validate-context.ts';

interface Edge {
  readonly index: number;
  readonly from: string;
  readonly fromPort: string;
  readonly to: string;
  readonly toPort: string;
}

function label(e: Edge): string {
  return `edges[${e.index}] (${e.from}.${e.fromPort} -> ${e.to}.${e.toPort})`;
}

function portProblem(
  kind: 'input' | 'output',
  node: string,
  f: NodeFacts,
  port: string,
  known: readonly string[],
): string {
  const list = known.length > 0 ? known.join(', ') : 'none';
  return `node '${node}' (${f.op ?? '?'}) has no ${kind} port '${port}'; its ${kind}s: ${list}${didYouMean(port, known)}`;
}

/** Reports every edge problem and every cycle (one per strongly connected group of nodes). */
export function checkEdges(
  edges: readonly unknown[],
  facts: ReadonlyMap<string, NodeFacts>,
  problems: Problems,
): void {
  const intoPort = new Map<string, Edge>();
  const graphEdges: { from: string; to: string }[] = [];
  const ids = [...facts.entries()].sort((a, b) => a[1].index - b[1].index).map(([id]) => id);
  edges.forEach((raw, index) => {
    if (!isObject(raw)) return;
    const [from, fromPort, to, toPort] = [
      str(raw, 'from'),
      str(raw, 'fromPort'),
      str(raw, 'to'),
      str(raw, 'toPort'),
    ];
    if (from === undefined || fromPort === undefined || to === undefined || toPort === undefined)
      return;
    const e: Edge = { index, from, fromPort, to, toPort };
    const src = facts.get(from);
    const dst = facts.get(to);
    if (!src)
      problems.at(
        'BAD_EDGE',
        `edges[${index}].from`,
        `${label(e)} comes from node '${from}', which does not exist${didYouMean(from, ids)}`,
        dst ? to : undefined,
      );
    if (!dst)
      problems.at(
        'BAD_EDGE',
        `edges[${index}].to`,
        `${label(e)} goes to node '${to}', which does not exist${didYouMean(to, ids)}`,
        src ? from : undefined,
      );
    if (src?.outputs && !src.outputs.includes(fromPort))
      problems.at(
        'BAD_EDGE',
        `edges[${index}].fromPort`,
        `${label(e)}: ${portProblem('output', from, src, fromPort, src.outputs)}`,
        from,
      );
    if (dst?.inputs && !dst.inputs.includes(toPort))
      problems.at(
        'BAD_EDGE',
        `edges[${index}].toPort`,
        `${label(e)}: ${portProblem('input', to, dst, toPort, dst.inputs)}`,
        to,
      );
    if (from === to) {
      problems.at(
        'PIPELINE_CYCLE',
        `edges[${index}]`,
        `${label(e)} connects node '${from}' to itself; a node cannot feed its own input, remove this edge`,
        from,
      );
      return;
    }
    if (dst) {
      const key = `${to}\u0000${toPort}`;
      const first = intoPort.get(key);
      if (first)
        problems.at(
          'BAD_EDGE',
          `edges[${index}].toPort`,
          `${label(e)}: input '${toPort}' of node '${to}' already has an edge (${label(first)}); an input takes one edge, remove one of them`,
          to,
        );
      else intoPort.set(key, e);
    }
    if (src && dst) graphEdges.push({ from, to });
  });
  const nodes = ids.map((id) => ({ id }));
  for (const cycle of findCycles(nodes, graphEdges)) {
    const path = [...cycle, cycle[0]].join(' -> ');
    problems.at(
      'PIPELINE_CYCLE',
      'edges',
      `nodes ${path} form a cycle; data cannot flow in a loop, remove one of these edges`,
      cycle[0],
    );
  }
}
