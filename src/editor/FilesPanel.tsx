/** The file library: add (input or drop anywhere), list with size, curves and depth range, preview. */
import { useEffect, useState } from 'react';
import {
  useApp,
  useAppStore,
  addExampleFiles,
  fetchExamples,
  type ExampleIndex,
} from '../state/index.ts';
import { fileBytes, formatSize } from './download.ts';

/** The files panel. */
export function FilesPanel() {
  const store = useAppStore();
  const files = useApp((s) => s.files);
  const preview = useApp((s) => s.preview?.source);
  const [examples, setExamples] = useState<ExampleIndex | undefined>();
  const [busy, setBusy] = useState(false);
  useEffect(() => void fetchExamples().then(setExamples), []);

  const add = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    setBusy(true);
    try {
      await store
        .getState()
        .addFiles(
          await Promise.all(
            [...list].map(async (f) => ({ name: f.name, bytes: await fileBytes(f) })),
          ),
        );
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="files" aria-label="Files">
      <div className="files-actions">
        <label className="button primary file-button">
          Add files
          <input
            type="file"
            multiple
            accept=".las,.LAS,.csv,.CSV,.txt,.tsv"
            aria-label="Add files"
            onChange={(e) => {
              void add(e.target.files);
              e.target.value = '';
            }}
          />
        </label>
        {examples && examples.files.length > 0 && (
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              setBusy(true);
              void addExampleFiles(store, examples).finally(() => setBusy(false));
            }}
          >
            Add example files
          </button>
        )}
      </div>
      <p className="muted small">
        Drop LAS or CSV files anywhere on the window. They stay in this browser.
      </p>
      {busy && (
        <p className="muted small" role="status">
          Reading files…
        </p>
      )}
      {files.length === 0 && <p className="empty-note">No files yet.</p>}
      <ul className="file-list">
        {files.map((f) => {
          const s = f.summary;
          const active = preview?.kind === 'file' && preview.id === f.name;
          return (
            <li
              key={f.name}
              className={`file-item${s.error ? ' has-error' : ''}${active ? ' active' : ''}`}
              data-testid={`file-${f.name}`}
            >
              <div className="file-head">
                <span className={`kind kind-${s.kind}`}>{s.kind.toUpperCase()}</span>
                <span className="file-name" title={f.name}>
                  {f.name}
                </span>
                <span className="muted small">{formatSize(f.size)}</span>
              </div>
              {s.error ? (
                <div className="error-box small" role="alert">
                  {s.error.line !== undefined ? `Line ${s.error.line}: ` : ''}
                  {s.error.message}
                </div>
              ) : (
                <div className="file-facts small">
                  <span>{s.rows.toLocaleString('en-US')} rows</span>
                  <span>
                    {s.columns.length} {s.kind === 'las' ? 'curves' : 'columns'}
                  </span>
                  {s.depth && (
                    <span>
                      depth {s.depth.min}–{s.depth.max} {s.depth.unit}
                    </span>
                  )}
                  {s.wells.length > 0 && <span>well {s.wells.join(', ')}</span>}
                </div>
              )}
              {!s.error && (
                <div
                  className="file-curves small"
                  title={s.columns
                    .map((c) => (c.unit ? `${c.name} (${c.unit})` : c.name))
                    .join(', ')}
                >
                  {s.columns
                    .slice(0, 14)
                    .map((c) => (c.unit ? `${c.name} [${c.unit}]` : c.name))
                    .join(' · ')}
                  {s.columns.length > 14 ? ' …' : ''}
                </div>
              )}
              {s.warnings.length > 0 && (
                <details className="small">
                  <summary>{s.warnings.length} warning(s)</summary>
                  <ul>
                    {s.warnings.map((w) => (
                      <li key={w}>{w}</li>
                    ))}
                  </ul>
                </details>
              )}
              <div className="file-buttons">
                {!s.error && (
                  <button type="button" onClick={() => void store.getState().showFile(f.name)}>
                    Preview
                  </button>
                )}
                <button
                  type="button"
                  className="danger"
                  onClick={() => void store.getState().removeFile(f.name)}
                  aria-label={`Remove ${f.name}`}
                >
                  Remove
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
