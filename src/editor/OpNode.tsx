/**
 * A canvas node: operator title and id, pinned version (and an upgrade badge), a notes marker whose
 * tooltip is the notes as plain text, one named handle per port (inputs on top, outputs below: the
 * flow runs downwards), run status and problems.
 * Memoised and subscribed only to its own status, so dragging one node redraws one node.
 */
import { memo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { PipelineNode } from '../model/pipeline.ts';
import { useApp } from '../state/index.ts';
import { shownStatus, statusText, wasCancelled } from './status.ts';

/** What the canvas hands each node. */
export type OpNodeData = {
  readonly node: PipelineNode;
  readonly title: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly issues: readonly string[];
  readonly upgradeTo: string | undefined;
};

/** React Flow node type of an operator node. */
export type OpFlowNode = Node<OpNodeData, 'op'>;

function handleLeft(i: number, n: number): string {
  return `${((i + 1) / (n + 1)) * 100}%`;
}

/** The operator node component. */
export const OpNode = memo(function OpNode({ id, data, selected }: NodeProps<OpFlowNode>) {
  const run = useApp((s) => s.runStatus[id]);
  const stale = useApp((s) => s.stale.has(id));
  // A boolean selector: the node redraws only when its own cancelled state flips.
  const cancelled = useApp((s) => wasCancelled(s.runStatus, id));
  const status = shownStatus(data.node.disabled === true, run?.status ?? 'idle', stale, cancelled);
  const failed = run?.status === 'failed' && !cancelled ? run.error?.message : undefined;
  const invalid = data.issues.length > 0;
  return (
    <div
      className={`op-node status-${status}${selected ? ' selected' : ''}${invalid ? ' invalid' : ''}${data.node.disabled ? ' disabled' : ''}`}
      data-testid={`node-${id}`}
      data-status={status}
      aria-label={`${data.node.label ?? data.title} (${id}), ${statusText(status, run)}`}
    >
      {data.inputs.map((p, i) => (
        <Handle
          key={`in-${p}`}
          type="target"
          position={Position.Top}
          id={p}
          style={{ left: handleLeft(i, data.inputs.length) }}
          title={`input ${p}`}
          aria-label={`input ${p}`}
        />
      ))}
      {data.inputs.length > 1 && (
        <div className="port-labels top">
          {data.inputs.map((p) => (
            <span key={p}>{p}</span>
          ))}
        </div>
      )}
      <div className="op-head">
        <span className="op-title">{data.node.label ?? data.title}</span>
        <span className="op-version" title={`pinned version ${data.node.version}`}>
          v{data.node.version}
        </span>
        {data.node.notes && (
          <span
            className="op-notes"
            role="note"
            title={data.node.notes}
            aria-label={`Notes: ${data.node.notes}`}
          >
            ✎
          </span>
        )}
        {data.upgradeTo && (
          <span className="op-upgrade" title={`Version ${data.upgradeTo} is available`}>
            ↑ {data.upgradeTo}
          </span>
        )}
      </div>
      <div className="op-sub">
        <span className="op-id">{id}</span>
        <span className="op-opid">{data.node.op}</span>
      </div>
      <div className={`op-status st-${status}`}>
        <span className="dot" aria-hidden="true" />
        {statusText(status, run)}
      </div>
      {failed && <div className="op-error">{failed}</div>}
      {!failed && invalid && (
        <div className="op-issue" title={data.issues.join('\n')}>
          ⚠ {data.issues[0]}
          {data.issues.length > 1 ? ` (+${data.issues.length - 1})` : ''}
        </div>
      )}
      {data.outputs.length > 1 && (
        <div className="port-labels bottom">
          {data.outputs.map((p) => (
            <span key={p}>{p}</span>
          ))}
        </div>
      )}
      {data.outputs.map((p, i) => (
        <Handle
          key={`out-${p}`}
          type="source"
          position={Position.Bottom}
          id={p}
          style={{ left: handleLeft(i, data.outputs.length) }}
          title={`output ${p}`}
          aria-label={`output ${p}`}
        />
      ))}
    </div>
  );
});
