/**
 * Connecting a node's inputs without a mouse: one labelled select per input port of the selected
 * node ("Input in from"), listing the outputs of the other nodes that can feed it (the store's own
 * connection check leaves out the node itself and anything that would make a cycle), with
 * "(not connected)" to remove the edge. A refused connection shows the store's reason.
 */
import { useMemo, useState } from 'react';
import type { NodeId } from '../model/ids.ts';
import type { PipelineEdge, PipelineNode } from '../model/pipeline.ts';
import {
  edgeKey,
  portLookup,
  useAppStore,
  type GraphDoc,
  type PortLookup,
} from '../state/index.ts';
import { checkConnection } from '../state/connect.ts';
import { useEditor } from './EditorContext.tsx';

/** One output that can feed an input port. */
export interface InputSource {
  /** The select option's value. */
  readonly key: string;
  /** The edge this choice makes. */
  readonly edge: PipelineEdge;
  readonly label: string;
}

/** The select value of an edge's source (ids and port names contain no NUL). */
const sourceKey = (from: string, fromPort: string) => `${from}\u0000${fromPort}`;

function describe(n: PipelineNode, title: string, port: string, outputs: number): string {
  const name = n.label ? `${n.label} (${n.id})` : `${n.id} · ${title}`;
  return outputs > 1 ? `${name} → ${port}` : name;
}

/**
 * The outputs that could feed `toPort` of node `to` in place of whatever feeds it now: every
 * output of another node whose connection `checkConnection` accepts (so no cycle, no self-loop).
 */
export function inputSources(
  doc: GraphDoc,
  to: NodeId,
  toPort: string,
  ports: PortLookup,
  titleOf: (n: PipelineNode) => string,
): InputSource[] {
  const free = { ...doc, edges: doc.edges.filter((e) => !(e.to === to && e.toPort === toPort)) };
  const out: InputSource[] = [];
  for (const n of doc.nodes) {
    if (n.id === to) continue;
    const outputs = ports(n).outputs;
    for (const fromPort of outputs) {
      const edge: PipelineEdge = { from: n.id, fromPort, to, toPort };
      if (!checkConnection(free, edge, ports).ok) continue;
      const label = describe(n, titleOf(n), fromPort, outputs.length);
      out.push({ key: sourceKey(n.id, fromPort), edge, label });
    }
  }
  return out;
}

/** The "Inputs" section of the inspector for node `nodeId` (nothing for a node without inputs). */
export function InputsEditor({ nodeId, doc }: { nodeId: string; doc: GraphDoc }) {
  const store = useAppStore();
  const { registry } = useEditor();
  const ports = useMemo(() => portLookup(registry), [registry]);
  const [problem, setProblem] = useState<{ port: string; message: string }>();
  const node = doc.nodes.find((n) => n.id === nodeId);
  if (!node) return null;
  const inputs = ports(node).inputs;
  if (inputs.length === 0) return null;
  const titleOf = (n: PipelineNode) => registry.operator(n.op, n.version)?.title ?? n.op;

  const choose = (toPort: string, current: PipelineEdge | undefined, edge?: PipelineEdge) => {
    setProblem(undefined);
    const s = store.getState();
    if (!edge) {
      if (current) s.removeEdges([edgeKey(current)]);
      return;
    }
    const made = current ? s.replaceInput(edge) : s.connect(edge);
    if (!made.ok) setProblem({ port: toPort, message: made.error });
  };

  return (
    <section className="inputs-editor" aria-label="Inputs">
      <h3>Inputs</h3>
      {inputs.map((port) => {
        const current = doc.edges.find((e) => e.to === nodeId && e.toPort === port);
        const sources = inputSources(doc, node.id, port, ports, titleOf);
        const currentKey = current ? sourceKey(current.from, current.fromPort) : '';
        if (current && !sources.some((s) => s.key === currentKey)) {
          sources.push({
            key: currentKey,
            edge: current,
            label: `${current.from} → ${current.fromPort}`,
          });
        }
        const selectId = `inputs-${nodeId}-${port}`;
        const shown = problem?.port === port ? problem.message : undefined;
        return (
          <div key={port} className="field-label">
            <label htmlFor={selectId}>
              Input <code>{port}</code> from
            </label>
            <select
              id={selectId}
              className="form-control"
              value={currentKey}
              aria-invalid={shown !== undefined || !current}
              aria-describedby={shown ? `${selectId}-problem` : undefined}
              onChange={(e) => {
                const picked = sources.find((s) => s.key === e.target.value);
                choose(port, current, picked?.edge);
              }}
            >
              <option value="">(not connected)</option>
              {sources.map((s) => (
                <option key={s.key} value={s.key}>
                  {s.label}
                </option>
              ))}
            </select>
            {shown && (
              <p id={`${selectId}-problem`} className="inputs-problem" role="alert">
                Connection refused: {shown}
              </p>
            )}
          </div>
        );
      })}
    </section>
  );
}
