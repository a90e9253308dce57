/**
 * Export: the pipeline as JSON (stable serialisation), and the table in the preview as CSV,
 * Parquet or LAS 2.0 (writers of src/formats/outputs).
 */
import { useEffect, useRef, useState } from 'react';
import { serializePipeline } from '../model/serialize.ts';
import { encodeTable, tableToCsv, type OutputFormat } from '../formats/outputs/index.ts';
import { useApp, useAppStore } from '../state/index.ts';
import { download } from './download.ts';
import { safeName } from './safeName.ts';

const TYPES: Record<OutputFormat, string> = {
  csv: 'text/csv',
  parquet: 'application/vnd.apache.parquet',
  arrow: 'application/vnd.apache.arrow.file',
  las: 'text/plain',
};

/** The Export button and its menu. */
export function ExportMenu() {
  const store = useAppStore();
  const [open, setOpen] = useState(false);
  const wrap = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  // Menu button pattern: Escape closes the menu and puts focus back on the button; a press
  // anywhere outside the menu closes it.
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      setOpen(false);
      button.current?.focus();
    };
    const onDown = (e: PointerEvent) => {
      if (!(e.target instanceof Node) || !wrap.current?.contains(e.target)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onDown, true);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onDown, true);
    };
  }, [open]);
  const table = useApp((s) => s.preview?.table);
  const source = useApp((s) => s.preview?.source);
  const stale = useApp(
    (s) => s.preview?.source.kind === 'node' && s.stale.has(s.preview.source.id),
  );

  const exportTable = (format: OutputFormat) => {
    if (!table || !source || stale) return;
    try {
      const base = safeName(source.kind === 'file' ? source.id.replace(/\.[^.]+$/, '') : source.id);
      // CSV is for people here: formula-like text is neutralised (the CLI writes it raw).
      const files =
        format === 'csv'
          ? [{ name: `${base}.csv`, content: tableToCsv(table, { spreadsheetSafe: true }) }]
          : encodeTable(base, table, format);
      for (const f of files) download(f.name, f.content, TYPES[format]);
    } catch (e) {
      store.getState().notify({
        kind: 'error',
        message: `Export failed: ${e instanceof Error ? e.message : String(e)}`,
      });
    }
    setOpen(false);
  };

  return (
    <div className="menu-wrap" ref={wrap}>
      <button
        ref={button}
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
