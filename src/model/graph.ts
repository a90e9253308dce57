/**
 * Graph helpers shared by validation, the engine (run order) and the editor (highlighting what a
 * change affects). All iterative (no recursion depth limit) and linear in nodes + edges, except
 * `topologicalOrder`, which adds a log factor for its deterministic tie-break.
 */
import type { Result } from './result.ts';
import { err, ok } from './result.ts';

/** The minimum a node must have for graph helpers. */
export interface GraphNode<Id extends string = string> {
  readonly id: Id;
}

/** The minimum an edge must have for graph helpers. */
export interface GraphEdge<Id extends string = string> {
  readonly from: Id;
  readonly to: Id;
}

/** Successor (or predecessor) lists in compressed form: the targets of v are adj[off[v]..off[v+1]). */
interface Csr {
  readonly off: Int32Array;
  readonly adj: Int32Array;
}

function targets(g: Csr, v: number): Int32Array {
  return g.adj.subarray(g.off[v], g.off[v + 1]);
}

function csr(n: number, pairs: Int32Array, m: number, forward: boolean): Csr {
  const off = new Int32Array(n + 1);
  for (let k = 0; k < m; k++) {
    const a = (pairs[2 * k + (forward ? 0 : 1)] as number) + 1;
    off[a] = (off[a] as number) + 1;
  }
  for (let v = 0; v < n; v++) off[v + 1] = (off[v + 1] as number) + (off[v] as number);
  const fill = off.slice(0, n);
  const adj = new Int32Array(m);
  for (let k = 0; k < m; k++) {
    const a = pairs[2 * k + (forward ? 0 : 1)] as number;
    const b = pairs[2 * k + (forward ? 1 : 0)] as number;
    const at = fill[a] as number;
    adj[at] = b;
    fill[a] = at + 1;
  }
  return { off, adj };
}

/** Index of each node id and successor/predecessor lists by index; edges to unknown ids are ignored. */
function adjacency<Id extends string>(
  nodes: readonly GraphNode<Id>[],
  edges: readonly GraphEdge<Id>[],
) {
  const index = new Map<string, number>();
  nodes.forEach((n, i) => {
    if (!index.has(n.id)) index.set(n.id, i);
  });
  const pairs = new Int32Array(2 * edges.length);
  let m = 0;
  for (const e of edges) {
    const a = index.get(e.from);
    const b = index.get(e.to);
    if (a === undefined || b === undefined) continue;
    pairs[2 * m] = a;
    pairs[2 * m + 1] = b;
    m++;
  }
  return {
    index,
    next: csr(nodes.length, pairs, m, true),
    prev: () => csr(nodes.length, pairs, m, false),
  };
}

/**
 * One cycle per strongly connected part of the graph that has one (a self-loop counts), each as
 * the nodes in edge order starting from its earliest node in the file: [a, b, c] means a -> b -> c -> a.
 */
export function findCycles<Id extends string>(
  nodes: readonly GraphNode<Id>[],
  edges: readonly GraphEdge<Id>[],
): Id[][] {
  const { next } = adjacency(nodes, edges);
  const comp = components(nodes.length, next);
  const sizes = new Int32Array(nodes.length);
  for (const c of comp) sizes[c] = (sizes[c] as number) + 1;
  const seen = new Set<number>();
  const cycles: Id[][] = [];
  for (let s = 0; s < nodes.length; s++) {
    const c = comp[s] as number;
    if (seen.has(c)) continue;
    if ((sizes[c] as number) < 2 && !targets(next, s).includes(s)) continue;
    seen.add(c);
    cycles.push(cycleThrough(s, comp, next).map((i) => (nodes[i] as GraphNode<Id>).id));
  }
  return cycles;
}

/** Tarjan's strongly connected components with an explicit stack: the component of each node. */
function components(n: number, next: Csr): Int32Array {
  const order = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const comp = new Int32Array(n).fill(-1);
  const scc = new Int32Array(n);
  const workNode = new Int32Array(n);
  const workEdge = new Int32Array(n);
  let sp = 0;
  let counter = 0;
  let comps = 0;
  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue;
    let wp = 0;
    const enter = (v: number): void => {
      order[v] = low[v] = counter++;
      scc[sp++] = v;
      onStack[v] = 1;
      workNode[wp] = v;
      workEdge[wp++] = next.off[v] as number;
    };
    enter(root);
    while (wp > 0) {
      const v = workNode[wp - 1] as number;
      const k = workEdge[wp - 1] as number;
      if (k < (next.off[v + 1] as number)) {
        workEdge[wp - 1] = k + 1;
        const w = next.adj[k] as number;
        if (order[w] === -1) enter(w);
        else if (onStack[w]) low[v] = Math.min(low[v] as number, order[w] as number);
        continue;
      }
      wp--;
      if (wp > 0) {
        const p = workNode[wp - 1] as number;
        low[p] = Math.min(low[p] as number, low[v] as number);
      }
      if (low[v] === order[v]) {
        let w: number;
        do {
          w = scc[--sp] as number;
          onStack[w] = 0;
          comp[w] = comps;
        } while (w !== v);
        comps++;
      }
    }
  }
  return comp;
}

/** A shortest cycle through `s` inside its component (breadth-first search back to `s`). */
function cycleThrough(s: number, comp: Int32Array, next: Csr): number[] {
  const parent = new Int32Array(comp.length).fill(-1);
  const queue = new Int32Array(comp.length);
  let tail = 0;
  queue[tail++] = s;
  for (let q = 0; q < tail; q++) {
    const v = queue[q] as number;
    for (const w of targets(next, v)) {
      if (w === s) {
        const path = [v];
        for (let u = v; u !== s; u = parent[u] as number) path.push(parent[u] as number);
        return path.reverse();
      }
      if (comp[w] === comp[s] && parent[w] === -1 && w !== s) {
        parent[w] = v;
        queue[tail++] = w;
      }
    }
  }
  return [s];
}

/** The nodes of one cycle in order (a -> b -> c -> a is [a, b, c]), or null when there is none. */
export function findCycle<Id extends string>(
  nodes: readonly GraphNode<Id>[],
  edges: readonly GraphEdge<Id>[],
): Id[] | null {
  return findCycles(nodes, edges)[0] ?? null;
}

/**
 * The nodes in an order where every edge goes forward (the run order). Ties are broken by order in
 * the file, so the result is deterministic. On a cycle, the error is one cycle's nodes.
 */
export function topologicalOrder<Id extends string>(
  nodes: readonly GraphNode<Id>[],
  edges: readonly GraphEdge<Id>[],
): Result<Id[], Id[]> {
  const { next } = adjacency(nodes, edges);
  const indeg = new Array<number>(nodes.length).fill(0);
  for (const w of next.adj) indeg[w] = (indeg[w] ?? 0) + 1;
  const heap = new MinHeap();
  indeg.forEach((d, i) => {
    if (d === 0) heap.push(i);
  });
  const out: Id[] = [];
  for (let v = heap.pop(); v !== undefined; v = heap.pop()) {
    out.push((nodes[v] as GraphNode<Id>).id);
    for (const w of targets(next, v)) {
      indeg[w] = (indeg[w] ?? 0) - 1;
      if (indeg[w] === 0) heap.push(w);
    }
  }
  if (out.length < nodes.length) return err(findCycle(nodes, edges) ?? []);
  return ok(out);
}

/** A binary min-heap of numbers (node indexes). */
class MinHeap {
  private readonly a: number[] = [];
  push(x: number): void {
    const a = this.a;
    a.push(x);
    for (let i = a.length - 1; i > 0;) {
      const p = (i - 1) >> 1;
      if ((a[p] as number) <= x) break;
      a[i] = a[p] as number;
      a[p] = x;
      i = p;
    }
  }
  pop(): number | undefined {
    const a = this.a;
    const top = a[0];
    const last = a.pop();
    if (a.length === 0 || last === undefined) return top;
    a[0] = last;
    for (let i = 0; ;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < a.length && (a[l] as number) < (a[m] as number)) m = l;
      if (r < a.length && (a[r] as number) < (a[m] as number)) m = r;
      if (m === i) break;
      [a[i], a[m]] = [a[m] as number, a[i] as number];
      i = m;
    }
    return top;
  }
}

function reach<Id extends string>(
  p: { readonly nodes: readonly GraphNode<Id>[]; readonly edges: readonly GraphEdge<Id>[] },
  start: Id,
  forward: boolean,
): Id[] {
  const { index, next, prev } = adjacency(p.nodes, p.edges);
  const s = index.get(start);
  if (s === undefined) return [];
  const links = forward ? next : prev();
  const seen = new Array<boolean>(p.nodes.length).fill(false);
  const todo = [s];
  seen[s] = true;
  while (todo.length > 0) {
    for (const w of targets(links, todo.pop() as number)) {
      if (!seen[w]) {
        seen[w] = true;
        todo.push(w);
      }
    }
  }
  seen[s] = false;
  return p.nodes.filter((_, i) => seen[i]).map((n) => n.id);
}

/** Every node that feeds `nodeId` directly or indirectly, in file order (not the node itself). */
export function ancestors<Id extends string>(
  pipeline: { readonly nodes: readonly GraphNode<Id>[]; readonly edges: readonly GraphEdge<Id>[] },
  nodeId: Id,
): Id[] {
  return reach(pipeline, nodeId, false);
}

/** Every node fed by `nodeId` directly or indirectly, in file order (not the node itself). */
export function descendants<Id extends string>(
  pipeline: { readonly nodes: readonly GraphNode<Id>[]; readonly edges: readonly GraphEdge<Id>[] },
  nodeId: Id,
): Id[] {
  return reach(pipeline, nodeId, true);
}
