/**
 * The bottom panel: the selected node's output (or a previewed file) as a grid, log tracks,
 * crossplot or histogram. Loads the node's output when it is selected or when its run finishes.
 * A table stacked from several wells gets a "Well" selector: log tracks show one well at a time,
 * crossplot and histogram one well or all.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Table } from 'apache-arrow';
import { useApp, useAppStore } from '../state/index.ts';
import { DataGrid } from '../ui/DataGrid.tsx';
import { ALL_WELLS, LogTracks, WellSelect } from '../ui/LogTracks.tsx';
import { Crossplot } from '../ui/Crossplot.tsx';
import { Histogram } from '../ui/Histogram.tsx';
import { wasCancelled } from './status.ts';
import { columnFacts, depthColumn, rowsIn, wellRows, type WellRows } from '../ui/tableData.ts';

const TABS = ['Table', 'Log tracks', 'Crossplot', 'Histogram'] as const;
type Tab = (typeof TABS)[number];

/**
 * The well a view shows: the chosen one when the table has it, "all" where allowed, else the
 * first well; undefined when the table is not stacked from several wells.
 */
function shownWell(wells: readonly string[], chosen: string, allowAll: boolean) {
  if (wells.length < 2) return undefined;
  if (wells.includes(chosen)) return chosen;
  return allowAll && chosen === ALL_WELLS ? ALL_WELLS : wells[0];
}

/** The table narrowed to one well, with the selector; the table itself when there is one well. */
function useWellView(table: Table | undefined, tab: Tab) {
  // Reading the well column costs a pass over the table: only the plots need it.
  const plot = tab !== 'Table';
  const rows = useMemo<WellRows>(
    () => (table && plot ? wellRows(table) : new Map()),
    [table, plot],
  );
  const wells = useMemo(() => [...rows.keys()], [rows]);
  const [chosen, setChosen] = useState<string>(ALL_WELLS);
  const allowAll = tab !== 'Log tracks';
  const well = shownWell(wells, chosen, allowAll);
  const shown = useMemo(
    () => (table && well ? rowsIn(table, rows.get(well)) : table),
    [table, rows, well],
  );
  const selector =
    well === undefined ? undefined : (
      <WellSelect wells={wells} value={well} allowAll={allowAll} onChange={setChosen} />
    );
  return { shown, selector };
}

/** The preview panel. */
export function PreviewPanel() {
  const store = useAppStore();
  const preview = useApp((s) => s.preview);
  const selected = useApp((s) => (s.selected.size === 1 ? [...s.selected][0] : undefined));
  const selStatus = useApp((s) => (selected ? s.runStatus[selected]?.status : undefined));
  const [tab, setTab] = useState<Tab>('Table');
  const stale = useApp(
    (s) => s.preview?.source.kind === 'node' && s.stale.has(s.preview.source.id),
  );
  const cancelled = useApp(
    (s) => s.preview?.source.kind === 'node' && wasCancelled(s.runStatus, s.preview.source.id),
  );

  useEffect(() => {
    if (selected) void store.getState().showNodeOutput(selected);
  }, [selected, selStatus, store]);

  const table = preview?.table;
  const { shown, selector } = useWellView(table, tab);
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
        {table && stale && (
          <p className="stale-note" role="status">
            Out of date: this node, a node above it or a file it reads changed after these results
            were computed. Run again to update them (export is off until then).
          </p>
        )}
        {preview && !preview.loading && !preview.error && !table && (
          <p className="empty-note">
            {cancelled
              ? 'Cancelled: the run was stopped before this node finished. Press Run to compute it.'
              : 'This node has no output yet: press Run, or “Run to here”.'}
          </p>
        )}
        {table && tab === 'Table' && <DataGrid table={table} />}
        {shown && tab === 'Log tracks' && hasDepth && (
          <LogTracks table={shown} controls={selector} />
        )}
        {shown && selector && (tab === 'Crossplot' || tab === 'Histogram') && (
          <div className="plot-toolbar well-bar">{selector}</div>
        )}
        {shown && tab === 'Crossplot' && <Crossplot table={shown} />}
        {shown && tab === 'Histogram' && <Histogram table={shown} />}
      </div>
    </section>
  );
}
