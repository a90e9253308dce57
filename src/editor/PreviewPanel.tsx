/**
 * The bottom panel: the selected node's output (or a previewed file) as a grid, log tracks,
 * crossplot or histogram. Loads the node's output when it is selected or when its run finishes.
 */
import { useEffect, useMemo, useState } from 'react';
import { useApp, useAppStore } from '../state/index.ts';
import { DataGrid } from '../ui/DataGrid.tsx';
import { LogTracks } from '../ui/LogTracks.tsx';
import { Crossplot } from '../ui/Crossplot.tsx';
import { Histogram } from '../ui/Histogram.tsx';
import { columnFacts, depthColumn } from '../ui/tableData.ts';

const TABS = ['Table', 'Log tracks', 'Crossplot', 'Histogram'] as const;
type Tab = (typeof TABS)[number];

/** The preview panel. */
export function PreviewPanel() {
  const store = useAppStore();
  const preview = useApp((s) => s.preview);
  const selected = useApp((s) => (s.selected.size === 1 ? [...s.selected][0] : undefined));
  const selStatus = useApp((s) => (selected ? s.runStatus[selected]?.status : undefined));
  const [tab, setTab] = useState<Tab>('Table');

  useEffect(() => {
    if (selected) void store.getState().showNodeOutput(selected);
  }, [selected, selStatus, store]);

  const table = preview?.table;
  const hasDepth = useMemo(
    () => (table ? depthColumn(columnFacts(table)) !== undefined : false),
    [table],
  );
  const title = preview
    ? preview.source.kind === 'file'
      ? `File ${preview.source.id}`
      : `Output of ${preview.source.id}`
    : 'Preview';

  return (
    <section className="preview" aria-label="Preview panel">
      <div className="preview-head">
        <h2>{title}</h2>
        {table && (
          <span className="muted small">
            {table.numRows.toLocaleString('en-US')} rows × {table.numCols} columns
          </span>
        )}
        <div className="tabs" role="tablist" aria-label="Preview views">
          {TABS.map((t) => (
            <button
              key={t}
              type="button"
              role="tab"
              aria-selected={tab === t}
              className={tab === t ? 'active' : ''}
              disabled={!table || (t === 'Log tracks' && !hasDepth)}
              title={
                t === 'Log tracks' && table && !hasDepth ? 'Needs a depth-indexed table' : undefined
              }
              onClick={() => setTab(t)}
            >
              {t}
            </button>
          ))}
        </div>
      </div>
      <div className="preview-body" role="tabpanel" aria-label={tab}>
        {!preview && (
          <p className="empty-note">
            Select a node that has run, or preview a file from the library.
          </p>
        )}
        {preview?.loading && (
          <p className="empty-note" role="status">
            Loading…
          </p>
        )}
        {preview?.error && <div className="error-box">{preview.error}</div>}
        {preview && !preview.loading && !preview.error && !table && (
          <p className="empty-note">This node has no output yet: press Run, or “Run to here”.</p>
        )}
        {table && tab === 'Table' && <DataGrid table={table} />}
        {table && tab === 'Log tracks' && hasDepth && <LogTracks table={table} />}
        {table && tab === 'Crossplot' && <Crossplot table={table} />}
        {table && tab === 'Histogram' && <Histogram table={table} />}
      </div>
    </section>
  );
}
