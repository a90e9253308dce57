/**
 * Export: the pipeline as JSON (stable serialisation), and the table in the preview as CSV,
 * Parquet or LAS 2.0 (writers of src/formats/outputs).
 */
import { useState } from 'react';
import { serializePipeline } from '../model/serialize.ts';
import { encodeTable, type OutputFormat } from '../formats/outputs/index.ts';
import { useApp, useAppStore } from '../state/index.ts';
import { download } from './download.ts';

const TYPES: Record<OutputFormat, string> = {
  csv: 'text/csv',
  parquet: 'application/vnd.apache.parquet',
  arrow: 'application/vnd.apache.arrow.file',
  las: 'text/plain',
};

function safeName(s: string): string {
  return s.replace(/[^A-Za-z0-9_.-]+/g, '_').replace(/^_+|_+$/g, '') || 'pipeline';
}

/** The Export button and its menu. */
export function ExportMenu() {
  const store = useAppStore();
  const [open, setOpen] = useState(false);
  const table = useApp((s) => s.preview?.table);
  const source = useApp((s) => s.preview?.source);
  const stale = useApp(
    (s) => s.preview?.source.kind === 'node' && s.stale.has(s.preview.source.id),
  );

  const exportTable = (format: OutputFormat) => {
    if (!table || !source || stale) return;
    try {
      const base = safeName(source.kind === 'file' ? source.id.replace(/\.[^.]+$/, '') : source.id);
      for (const f of encodeTable(base, table, format)) download(f.name, f.content, TYPES[format]);
    } catch (e) {
      store.getState().notify({
        kind: 'error',
        message: `Export failed: ${e instanceof Error ? e.message : String(e)}`,
      });
    }
    setOpen(false);
  };

  return (
    <div className="menu-wrap">
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        Export
      </button>
      {open && (
        <div className="menu" role="menu" aria-label="Export">
          <button
            type="button"
            role="menuitem"
            onClick={() => {
              const p = store.getState().toPipeline();
              download(`${safeName(p.name)}.json`, serializePipeline(p), 'application/json');
              setOpen(false);
            }}
          >
            Pipeline (JSON)
          </button>
          <div className="menu-sep" role="separator" />
          <div className="menu-note">
            {!table
              ? 'Select a node with output to export its table.'
              : stale
                ? 'The table shown is out of date: run again to export it.'
                : `Table shown in the preview (${table.numRows.toLocaleString('en-US')} rows):`}
          </div>
          {(['csv', 'parquet', 'las'] as const).map((f) => (
            <button
              key={f}
              type="button"
              role="menuitem"
              disabled={!table || stale}
              onClick={() => exportTable(f)}
            >
              Table as {f === 'las' ? 'LAS 2.0' : f === 'csv' ? 'CSV' : 'Parquet'}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
