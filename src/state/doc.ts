/**
 * The editable graph as an immutable value, and the pure edits on it. Every edit returns a new
 * document sharing unchanged nodes, so undo is a stack of documents and cannot corrupt anything.
 */
import type { NodeId } from '../model/ids.ts';
import { isNodeId } from '../model/ids.ts';
import type { PipelineEdge, PipelineNode, Position } from '../model/pipeline.ts';

/** The part of a pipeline that graph edits change (and undo restores). */
export interface GraphDoc {
  readonly nodes: readonly PipelineNode[];
  readonly edges: readonly PipelineEdge[];
}

/** The empty graph. */
export const emptyDoc: GraphDoc = { nodes: [], edges: [] };

/** A node id not used in `doc`, derived from the operator id (`petro.vshale` -> `vshale-1`). */
export function freshNodeId(
  doc: GraphDoc,
  op: string,
  taken: ReadonlySet<string> = new Set(),
): NodeId {
  const base =
    (op.split('.').pop() ?? 'node').replace(/[^A-Za-z0-9_-]/g, '').slice(0, 50) || 'node';
  const used = new Set([...doc.nodes.map((n) => n.id as string), ...taken]);
  for (let i = 1; ; i++) {
    const id = `${base}-${i}`;
    if (!used.has(id) && isNodeId(id)) return id;
  }
}

/** Adds a node. */
export function addNode(doc: GraphDoc, node: PipelineNode): GraphDoc {
  return { ...doc, nodes: [...doc.nodes, node] };
}

/** Removes nodes and every edge touching them. */
export function removeNodes(doc: GraphDoc, ids: ReadonlySet<string>): GraphDoc {
  if (ids.size === 0) return doc;
  return {
    nodes: doc.nodes.filter((n) => !ids.has(n.id)),
    edges: doc.edges.filter((e) => !ids.has(e.from) && !ids.has(e.to)),
  };
}

/** The stable key of an edge (also its React Flow id). */
export function edgeKey(e: PipelineEdge): string {
  return `${e.from}:${e.fromPort}->${e.to}:${e.toPort}`;
}

/** Adds an edge (the caller has checked it with `checkConnection`). */
export function addEdge(doc: GraphDoc, edge: PipelineEdge): GraphDoc {
  return { ...doc, edges: [...doc.edges, edge] };
}

/** Removes edges by key. */
export function removeEdges(doc: GraphDoc, keys: ReadonlySet<string>): GraphDoc {
  if (keys.size === 0) return doc;
  return { ...doc, edges: doc.edges.filter((e) => !keys.has(edgeKey(e))) };
}

/** Replaces one node through `f` (identity kept for every other node). */
export function updateNode(
  doc: GraphDoc,
  id: string,
  f: (n: PipelineNode) => PipelineNode,
): GraphDoc {
  let changed = false;
  const nodes = doc.nodes.map((n) => {
    if (n.id !== id) return n;
    const next = f(n);
    changed ||= next !== n;
    return next;
  });
  return changed ? { ...doc, nodes } : doc;
}

/** Moves nodes (positions rounded to whole pixels so files diff well). */
export function moveNodes(doc: GraphDoc, positions: ReadonlyMap<string, Position>): GraphDoc {
  if (positions.size === 0) return doc;
  let changed = false;
  const nodes = doc.nodes.map((n) => {
    const p = positions.get(n.id);
    if (!p) return n;
    const position = { x: Math.round(p.x), y: Math.round(p.y) };
    if (n.position && n.position.x === position.x && n.position.y === position.y) return n;
    changed = true;
    return { ...n, position };
  });
  return changed ? { ...doc, nodes } : doc;
}

/** Removes edges whose input port no longer exists (after a parameter or version change). */
export function dropDanglingEdges(
  doc: GraphDoc,
  portsOf: (n: PipelineNode) => { inputs: readonly string[]; outputs: readonly string[] },
): GraphDoc {
  const byId = new Map(doc.nodes.map((n) => [n.id as string, n]));
  const edges = doc.edges.filter((e) => {
    const from = byId.get(e.from);
    const to = byId.get(e.to);
    if (!from || !to) return false;
    return portsOf(from).outputs.includes(e.fromPort) && portsOf(to).inputs.includes(e.toPort);
  });
  return edges.length === doc.edges.length ? doc : { ...doc, edges };
}

/**
 * Copies nodes (and the edges among them) as new nodes with fresh ids, offset so the copy is
 * visible next to the original. Returns the new document and the ids of the pasted nodes.
 */
export function pasteNodes(
  doc: GraphDoc,
  clip: GraphDoc,
  offset: Position = { x: 40, y: 40 },
): { doc: GraphDoc; ids: NodeId[] } {
  const rename = new Map<string, NodeId>();
  const taken = new Set<string>();
  for (const n of clip.nodes) {
    const id = freshNodeId(doc, n.op, taken);
    taken.add(id);
    rename.set(n.id, id);
  }
  const nodes = clip.nodes.map((n) => ({
    ...n,
    id: rename.get(n.id) as NodeId,
    position: { x: (n.position?.x ?? 0) + offset.x, y: (n.position?.y ?? 0) + offset.y },
  }));
  const edges = clip.edges
    .filter((e) => rename.has(e.from) && rename.has(e.to))
    .map((e) => ({ ...e, from: rename.get(e.from) as NodeId, to: rename.get(e.to) as NodeId }));
  return {
    doc: { nodes: [...doc.nodes, ...nodes], edges: [...doc.edges, ...edges] },
    ids: nodes.map((n) => n.id),
  };
}

/** The sub-graph of the given nodes (for copy). */
export function subgraph(doc: GraphDoc, ids: ReadonlySet<string>): GraphDoc {
  return {
    nodes: doc.nodes.filter((n) => ids.has(n.id)),
    edges: doc.edges.filter((e) => ids.has(e.from) && ids.has(e.to)),
  };
}

/**
 * A view of the document that keeps its identity while only positions change, so checks that do
 * not depend on positions (issues, columns) are not recomputed on every drag frame.
 */
export function createLogicView(): (doc: GraphDoc) => GraphDoc {
  let last: GraphDoc | undefined;
  return (doc) => {
    const prev = last;
    if (
      prev &&
      prev.edges === doc.edges &&
      prev.nodes.length === doc.nodes.length &&
      prev.nodes.every((n, i) => {
        const m = doc.nodes[i];
        return (
          m === n ||
          (m !== undefined &&
            m.id === n.id &&
            m.op === n.op &&
            m.version === n.version &&
            m.params === n.params &&
            m.disabled === n.disabled &&
            m.label === n.label)
        );
      })
    ) {
      return prev;
    }
    last = doc;
    return doc;
  };
}

/** The first spot at or below `near` where a node of about 230 x 110 pixels overlaps no other. */
export function freePosition(doc: GraphDoc, near: Position): Position {
  const p = { x: Math.round(near.x), y: Math.round(near.y) };
  const taken = doc.nodes.map((n) => n.position).filter((q): q is Position => q !== undefined);
  for (
    let i = 0;
    i < 200 && taken.some((q) => Math.abs(q.x - p.x) < 230 && Math.abs(q.y - p.y) < 110);
    i++
  ) {
    p.y += 120;
  }
  return p;
}
