/**
 * The inspector of the selected node: label, notes, version and upgrade, status or error, actions
 * (Run to here, disable, delete), a select per input port to connect it from the keyboard, and
 * the parameter form with the input's columns.
 */
import { useCallback, useMemo, useState } from 'react';
import {
  useApp,
  useAppStore,
  createIssueChecker,
  createLogicView,
  inputColumns,
  portLookup,
} from '../state/index.ts';
import { PIPELINE_LIMITS } from '../model/pipeline-schema.ts';
import { useEditor } from './EditorContext.tsx';
import { InputsEditor } from './InputsEditor.tsx';
import { ParamForm } from './ParamForm.tsx';
import { UpgradePanel } from './UpgradePanel.tsx';
import { shownStatus, statusText, wasCancelled } from './status.ts';

/** The right-hand panel. */
export function Inspector() {
  const store = useAppStore();
  const { registry } = useEditor();
  const selected = useApp((s) => s.selected);
  const [logicView] = useState(createLogicView);
  const doc = logicView(useApp((s) => s.doc));
  const files = useApp((s) => s.files);
  const outputColumns = useApp((s) => s.outputColumns);
  const running = useApp((s) => s.running);
  const id = selected.size === 1 ? [...selected][0] : undefined;
  const node = doc.nodes.find((n) => n.id === id);
  const run = useApp((s) => (id ? s.runStatus[id] : undefined));
  const stale = useApp((s) => (id ? s.stale.has(id) : false));
  const cancelled = useApp((s) => (id ? wasCancelled(s.runStatus, id) : false));
  // Notes do not change results, so the logic view above keeps a stale node when only they change.
  const notes = useApp((s) => (id ? s.doc.nodes.find((n) => n.id === id)?.notes : undefined));
  const op = node ? registry.operator(node.op, node.version) : undefined;
  const checker = useMemo(() => createIssueChecker(registry, portLookup(registry)), [registry]);
  const ctx = useMemo(() => ({ doc, files, outputColumns }), [doc, files, outputColumns]);
  const issues = useMemo(
    () => (id ? (checker(doc, { files, outputColumns }).get(id) ?? []) : []),
    [checker, doc, files, outputColumns, id],
  );
  const columns = useMemo(() => (id ? inputColumns(registry, ctx, id) : {}), [registry, ctx, id]);
  const fileNames = useMemo(() => files.map((f) => f.name), [files]);
  const extra = useMemo(() => {
    const e: Record<string, string> = {};
    for (const i of issues) if (i.field) e[i.field] = i.message;
    return e;
  }, [issues]);
  const onChange = useCallback(
    (params: Record<string, unknown>, field: string | undefined) => {
      if (id) store.getState().setParams(id, params, field);
    },
    [id, store],
  );

  if (selected.size > 1) {
    return (
      <aside className="inspector" aria-label="Inspector">
        <h2>{selected.size} nodes selected</h2>
        <p className="muted">Ctrl+C copies them, Delete removes them.</p>
      </aside>
    );
  }
  if (!node || !id) {
    return (
      <aside className="inspector" aria-label="Inspector">
        <h2>Inspector</h2>
        <p className="muted">Select a node to edit its parameters and see its output below.</p>
      </aside>
    );
  }
  const general = issues.filter((i) => !i.field);
  const status = shownStatus(node.disabled === true, run?.status ?? 'idle', stale, cancelled);
  return (
    <aside className="inspector" aria-label="Inspector">
      <h2>{op?.title ?? node.op}</h2>
      <div className="inspector-meta">
        <code>{node.op}</code> · pinned <strong>v{node.version}</strong> · id <code>{id}</code>
      </div>
      <label className="field-label">
        Label
        <input
          className="form-control"
          value={node.label ?? ''}
          placeholder={op?.title ?? ''}
          onChange={(e) => store.getState().setLabel(id, e.target.value)}
        />
      </label>
      <label className="field-label">
        Notes
        <textarea
          className="form-control node-notes"
          value={notes ?? ''}
          rows={3}
          maxLength={PIPELINE_LIMITS.notes}
          placeholder="Plain text kept with the pipeline (why these values, what to check)"
          onChange={(e) => store.getState().setNotes(id, e.target.value)}
        />
      </label>
      <UpgradePanel nodeId={id} />
      <div className={`inspector-status st-${status}`}>Status: {statusText(status, run)}</div>
      {run?.status === 'failed' && !cancelled && run.error && (
        <div className="error-box">{run.error.message}</div>
      )}
      {status === 'cancelled' && (
        <p className="cancelled-note">
          The run was cancelled before this node finished: nothing is wrong with it. Run again to
          compute it.
        </p>
      )}
      {general.map((i) => (
        <div key={i.message} className="issue-box">
          {i.message}
        </div>
      ))}
      <div className="inspector-actions">
        <button type="button" disabled={running} onClick={() => void store.getState().run(id)}>
          Run to here
        </button>
        <button type="button" onClick={() => store.getState().toggleDisabled(id)}>
          {node.disabled ? 'Enable' : 'Disable'}
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => {
            store.getState().removeNodes([id]);
            // The button goes away with the node: keep keyboard focus in the editor, on the canvas.
            document
              .querySelector<HTMLElement>('.react-flow[aria-label="Pipeline canvas"]')
              ?.focus();
          }}
        >
          Delete node
        </button>
      </div>
      <InputsEditor key={id} nodeId={id} doc={doc} />
      {op && (
        <ParamForm
          key={`${id}@${node.version}`}
          nodeId={id}
          schema={op.params.schema}
          params={node.params}
          columns={columns}
          files={fileNames}
          extra={extra}
          onChange={onChange}
        />
      )}
      {op && (
        <details className="op-doc">
          <summary>About this operator</summary>
          <p>{op.description}</p>
          {op.reference && <p className="muted">Reference: {op.reference}</p>}
        </details>
      )}
    </aside>
  );
}
