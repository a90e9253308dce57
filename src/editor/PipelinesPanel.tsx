/**
 * The pipeline list (new, open, rename, duplicate, delete with undo, import), the templates, and
 * the Trash (deleted pipelines: restore, delete forever).
 */
import { useEffect, useState } from 'react';
import {
  useApp,
  useAppStore,
  fetchExamples,
  importPipelineText,
  openTemplate,
  type ExampleIndex,
} from '../state/index.ts';
import { useEditor } from './EditorContext.tsx';
import { RenameBox } from './RenameBox.tsx';
import { shortTime, TrashList } from './TrashList.tsx';

/** The pipelines panel. */
export function PipelinesPanel() {
  const store = useAppStore();
  const { registry } = useEditor();
  const pipelines = useApp((s) => s.pipelines);
  const current = useApp((s) => s.pipelineId);
  const corrupt = useApp((s) => s.corrupt);
  const [renaming, setRenaming] = useState<string | undefined>();
  const [examples, setExamples] = useState<ExampleIndex | undefined>();
  useEffect(() => void fetchExamples().then(setExamples), []);

  return (
    <section className="pipelines" aria-label="Pipelines">
      <div className="files-actions">
        <button
          type="button"
          className="primary"
          onClick={() => void store.getState().newPipeline()}
        >
          New pipeline
        </button>
        <label className="button file-button">
          Import JSON
          <input
            type="file"
            accept=".json,application/json"
            aria-label="Import pipeline JSON"
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void f.text().then((t) => importPipelineText(store, registry, t, f.name));
            }}
          />
        </label>
      </div>
      {corrupt.length > 0 && (
        <div className="issue-box small" role="alert">
          {corrupt.length} damaged record(s) were set aside and kept apart:{' '}
          {corrupt.map((c) => `${c.store} “${c.key}” (${c.reason})`).join('; ')}.
        </div>
      )}
      <ul className="pipeline-list">
        {pipelines.map((p) => (
          <li key={p.id} className={p.id === current ? 'active' : ''}>
            {renaming === p.id ? (
              <RenameBox
                initial={p.pipeline.name}
                onDone={(name) => {
                  setRenaming(undefined);
                  if (name !== undefined) void store.getState().renamePipeline(p.id, name);
                }}
              />
            ) : (
              <button
                type="button"
                className="pipeline-open"
                onClick={() => void store.getState().openPipeline(p.id)}
                aria-current={p.id === current ? 'true' : undefined}
              >
                <span className="pipeline-name">{p.pipeline.name}</span>
                <span className="muted small">
                  {p.pipeline.nodes.length} nodes · {shortTime(p.updatedAt)}
                </span>
              </button>
            )}
            <div className="pipeline-buttons">
              <button
                type="button"
                aria-label={`Rename ${p.pipeline.name}`}
                title="Rename"
                onClick={() => setRenaming(p.id)}
              >
                Rename
              </button>
              <button
                type="button"
                aria-label={`Duplicate ${p.pipeline.name}`}
                onClick={() => void store.getState().duplicatePipeline(p.id)}
              >
                Duplicate
              </button>
              <button
                type="button"
                className="danger"
                aria-label={`Delete ${p.pipeline.name}`}
                onClick={() => void store.getState().deletePipeline(p.id)}
              >
                Delete
              </button>
            </div>
          </li>
        ))}
      </ul>
      {examples && examples.templates.length > 0 && (
        <div className="templates">
          <h3>Templates</h3>
          <ul>
            {examples.templates.map((t) => (
              <li key={t.file}>
                <button
                  type="button"
                  className="template"
                  onClick={() => void openTemplate(store, registry, t)}
                >
                  <span className="pipeline-name">{t.name}</span>
                  <span className="muted small">{t.description}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <TrashList />
    </section>
  );
}
