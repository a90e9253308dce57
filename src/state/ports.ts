/** Port names of a node, from its operator version (unknown operators have no ports). */
import type { OperatorRegistry } from '../operators/registry.ts';
import type { PipelineNode } from '../model/pipeline.ts';

/** Input and output port names of one node. */
export interface NodePorts {
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
}

/** Looks up the ports of a node. */
export type PortLookup = (node: PipelineNode) => NodePorts;

const none: NodePorts = { inputs: [], outputs: [] };

/** A port lookup over a registry, cached per node object (nodes are immutable). */
export function portLookup(registry: OperatorRegistry): PortLookup {
  const cache = new WeakMap<PipelineNode, NodePorts>();
  return (node) => {
    const hit = cache.get(node);
    if (hit) return hit;
    const op = registry.operator(node.op, node.version);
    let ports = none;
    if (op) {
      try {
        ports = {
          inputs: op.inputs(node.params).map((p) => p.name),
          outputs: op.outputs.map((p) => p.name),
        };
      } catch {
        ports = { inputs: [], outputs: op.outputs.map((p) => p.name) };
      }
    }
    cache.set(node, ports);
    return ports;
  };
}
