/** Stable serialisation: an unchanged pipeline always gives the same bytes, so files diff well. */
import type { Pipeline, PipelineNode } from './pipeline.ts';

/** Recursively copies JSON data with object keys sorted (params), for a canonical form. */
function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (typeof v !== 'object' || v === null) return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort()) out[k] = sortKeys((v as Record<string, unknown>)[k]);
  return out;
}

function node(n: PipelineNode): Record<string, unknown> {
  return {
    id: n.id,
    op: n.op,
    version: n.version,
    label: n.label,
    position: n.position ? { x: n.position.x, y: n.position.y } : undefined,
    disabled: n.disabled,
    notes: n.notes,
    params: sortKeys(n.params),
  };
}

/**
 * The pipeline as JSON with a fixed key order (format, formatVersion, id, name, description, nodes,
 * edges; node and edge fields in spec order; params keys sorted), 2-space indent, trailing newline.
 */
export function serializePipeline(p: Pipeline): string {
  const doc = {
    format: p.format,
    formatVersion: p.formatVersion,
    id: p.id,
    name: p.name,
    description: p.description,
    nodes: p.nodes.map(node),
    edges: p.edges.map((e) => ({ from: e.from, fromPort: e.fromPort, to: e.to, toPort: e.toPort })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
