/**
 * Auto layout with ELK (layered, top to bottom) using node sizes measured from what is drawn, and
 * ports in order, so edges cross as little as possible. The bundled build runs on the main thread.
 */
import ELK, { type ElkNode } from 'elkjs/lib/elk.bundled.js';

/** A node to place, with its measured size and ordered port names. */
export interface LayoutNode {
  readonly id: string;
  readonly width: number;
  readonly height: number;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
}

/** An edge between ports. */
export interface LayoutEdge {
  readonly from: string;
  readonly fromPort: string;
  readonly to: string;
  readonly toPort: string;
}

let elk: InstanceType<typeof ELK> | undefined;

/** Top-left positions for every node. */
export async function layoutGraph(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
): Promise<Map<string, { x: number; y: number }>> {
  elk ??= new ELK();
  const port = (node: string, side: 'in' | 'out', name: string) =>
    `${node}\u0000${side}\u0000${name}`;
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.layered.spacing.nodeNodeBetweenLayers': '70',
      'elk.spacing.nodeNode': '48',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
      'elk.separateConnectedComponents': 'true',
      'elk.spacing.componentComponent': '80',
    },
    children: nodes.map((n) => ({
      id: n.id,
      width: n.width,
      height: n.height,
      layoutOptions: { 'elk.portConstraints': 'FIXED_ORDER' },
      ports: [
        ...n.inputs.map((p, i) => ({
          id: port(n.id, 'in', p),
          width: 8,
          height: 8,
          layoutOptions: { 'elk.port.side': 'NORTH', 'elk.port.index': String(i) },
        })),
        ...n.outputs.map((p, i) => ({
          id: port(n.id, 'out', p),
          width: 8,
          height: 8,
          layoutOptions: { 'elk.port.side': 'SOUTH', 'elk.port.index': String(i) },
        })),
      ],
    })),
    edges: edges.map((e, i) => ({
      id: `e${i}`,
      sources: [port(e.from, 'out', e.fromPort)],
      targets: [port(e.to, 'in', e.toPort)],
    })),
  };
  const out = await elk.layout(graph);
  const positions = new Map<string, { x: number; y: number }>();
  for (const c of out.children ?? [])
    positions.set(c.id, { x: Math.round(c.x ?? 0), y: Math.round(c.y ?? 0) });
  return positions;
}
