/**
 * Builds React Flow's node and edge arrays from the pipeline document, reusing the previous object
 * for every node that did not change, so React Flow and the memoised nodes skip unchanged ones.
 */
import type { Edge } from '@xyflow/react';
import type { OperatorRegistry } from '../operators/registry.ts';
import type { PipelineNode } from '../model/pipeline.ts';
import type { Channel } from '../operators/types.ts';
import { edgeKey, type GraphDoc, type NodeIssue, type PortLookup } from '../state/index.ts';
import { compareVersions } from '../operators/registry.ts';
import type { OpFlowNode } from './OpNode.tsx';

interface Entry {
  readonly src: PipelineNode;
  readonly sel: boolean;
  readonly issues: string;
  readonly upgrade: string | undefined;
  readonly w: number | undefined;
  readonly h: number | undefined;
  readonly rf: OpFlowNode;
}

/** Keeps the cache between renders. */
export class FlowNodeCache {
  private entries = new Map<string, Entry>();

  /** The node array for this render. */
  nodes(
    doc: GraphDoc,
    selected: ReadonlySet<string>,
    issues: ReadonlyMap<string, readonly NodeIssue[]>,
    measured: ReadonlyMap<string, { width: number; height: number }>,
    registry: OperatorRegistry,
    ports: PortLookup,
    channel: Channel,
  ): OpFlowNode[] {
    const next = new Map<string, Entry>();
    const out = doc.nodes.map((n, i) => {
      const sel = selected.has(n.id);
      const list = issues.get(n.id) ?? [];
      const issueKey = list.map((x) => x.message).join('\n');
      const latest = registry.latest(n.op, channel);
      const upgrade =
        latest && compareVersions(latest.version, n.version) > 0 ? latest.version : undefined;
      const m = measured.get(n.id);
      const old = this.entries.get(n.id);
      if (
        old &&
        old.src === n &&
        old.sel === sel &&
        old.issues === issueKey &&
        old.upgrade === upgrade &&
        old.w === m?.width &&
        old.h === m?.height
      ) {
        next.set(n.id, old);
        return old.rf;
      }
      const p = ports(n);
      const rf: OpFlowNode = {
        id: n.id,
        type: 'op',
        position: n.position ?? { x: (i % 4) * 260, y: Math.floor(i / 4) * 160 },
        selected: sel,
        ...(m ? { measured: m } : {}),
        data: {
          node: n,
          title: registry.operator(n.op, n.version)?.title ?? n.op,
          inputs: p.inputs,
          outputs: p.outputs,
          issues: list.map((x) => (x.field ? `${x.field}: ${x.message}` : x.message)),
          upgradeTo: upgrade,
        },
      };
      next.set(n.id, { src: n, sel, issues: issueKey, upgrade, w: m?.width, h: m?.height, rf });
      return rf;
    });
    this.entries = next;
    return out;
  }
}

/** The edge array (small objects; rebuilt when edges or edge selection change). */
export function flowEdges(doc: GraphDoc, selected: ReadonlySet<string>): Edge[] {
  return doc.edges.map((e) => {
    const id = edgeKey(e);
    return {
      id,
      source: e.from,
      sourceHandle: e.fromPort,
      target: e.to,
      targetHandle: e.toPort,
      selected: selected.has(id),
    };
  });
}
