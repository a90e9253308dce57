/**
 * What a shared pipeline contains, shown before it is saved: name, description, nodes with their
 * operators and pinned versions (labels and notes as plain text), and the files it expects with
 * those found in the library and those still missing.
 */
import { useMemo } from 'react';
import type { Pipeline } from '../model/pipeline.ts';
import { useApp, useAppStore } from '../state/index.ts';
import { sharePreview, type ExpectedFile } from '../state/sharePreview.ts';
import { useEditor } from './EditorContext.tsx';
import { fileBytes } from './download.ts';

function FileLine({ f }: { f: ExpectedFile }) {
  return (
    <li className={f.matches.length ? 'file-found' : 'file-missing'}>
      <code>{f.pattern}</code> <span className="muted">(node {f.nodeId})</span>:{' '}
      {f.matches.length > 0 ? `found ${f.matches.join(', ')}` : 'missing'}
    </li>
  );
}

/** The body of the "open shared pipeline" dialog for a validated pipeline. */
export function OpenLinkPreview({ pipeline }: { pipeline: Pipeline }) {
  const store = useAppStore();
  const { registry } = useEditor();
  const files = useApp((s) => s.files);
  const preview = useMemo(
    () =>
      sharePreview(
        pipeline,
        registry,
        files.map((f) => f.name),
      ),
    [pipeline, registry, files],
  );
  const add = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    const pending = await Promise.all(
      [...list].map(async (f) => ({ name: f.name, bytes: await fileBytes(f) })),
    );
    await store.getState().addFiles(pending);
  };
  return (
    <div className="link-preview" style={{ maxHeight: '55vh', overflow: 'auto' }}>
      <p>
        <strong data-testid="link-name">{preview.name}</strong>
      </p>
      {preview.description && (
        <p className="muted" data-testid="link-description" style={{ whiteSpace: 'pre-wrap' }}>
          {preview.description}
        </p>
      )}
      <h3>Nodes ({preview.nodes.length})</h3>
      <ul aria-label="Nodes in the link" className="small">
        {preview.nodes.map((n) => (
          <li key={n.id} data-testid={`link-node-${n.id}`}>
            <strong>{n.label ?? n.title}</strong> <code>{n.id}</code>: {n.title} ·{' '}
            <code>
              {n.op} v{n.version}
            </code>
            {n.notes && (
              <div className="muted" style={{ whiteSpace: 'pre-wrap' }}>
                Notes: {n.notes}
              </div>
            )}
          </li>
        ))}
      </ul>
      <h3>Files it expects</h3>
      {preview.files.length === 0 ? (
        <p className="muted small">None: this pipeline reads no files.</p>
      ) : (
        <ul aria-label="Files it expects" className="small">
          {preview.files.map((f) => (
            <FileLine key={`${f.nodeId}.${f.param}`} f={f} />
          ))}
        </ul>
      )}
      {preview.missing.length > 0 && (
        <div className="issue-box small" role="note">
          Add files: {preview.missing.length} of them match nothing in your file library yet. Files
          never travel in a link; add yours now or later in the Files tab.
          <label className="button file-button" style={{ marginLeft: 8 }}>
            Add missing files
            <input
              type="file"
              multiple
              accept=".las,.LAS,.csv,.CSV,.txt,.tsv"
              aria-label="Add missing files"
              onChange={(e) => {
                void add(e.target.files);
                e.target.value = '';
              }}
            />
          </label>
        </div>
      )}
    </div>
  );
}
