/**
 * LAS output (`--format las`). A LAS file describes one well, so a table whose `WELL` column holds
 * several wells is written as one file per well, `<base>.<well>.las` (well name made file-safe);
 * a table with one well or no WELL column gives `<base>.las`.
 */
import type { Table } from 'apache-arrow';
import { writeLasTable } from './las-writer.ts';

function safe(name: string): string {
  const s = name.replace(/[^A-Za-z0-9_.-]+/g, '_').replace(/^[.]+/, '');
  return s === '' ? 'well' : s.slice(0, 100);
}

/** Splits by well and writes each part as LAS 2.0 text. */
export function tableToLasFiles(base: string, table: Table): { name: string; content: string }[] {
  const well = table.getChild('WELL');
  const wells = new Map<string, number[]>();
  if (well) {
    for (let i = 0; i < table.numRows; i++) {
      const v: unknown = well.get(i);
      const key = typeof v === 'string' || typeof v === 'number' ? String(v) : '';
      const rows = wells.get(key) ?? [];
      rows.push(i);
      wells.set(key, rows);
    }
  }
  if (wells.size <= 1) return [{ name: `${base}.las`, content: writeLasTable(table) }];
  const used = new Set<string>();
  return [...wells].map(([name, rows]) => {
    let file = `${base}.${safe(name)}`;
    for (let k = 2; used.has(file); k++) file = `${base}.${safe(name)}-${k}`;
    used.add(file);
    return { name: `${file}.las`, content: writeLasTable(selectRows(table, rows)) };
  });
}

function selectRows(table: Table, rows: readonly number[]): Table {
  // Contiguous runs of rows are sliced (zero copy) and concatenated.
  let out: Table | undefined;
  let start = rows[0] ?? 0;
  for (let k = 1; k <= rows.length; k++) {
    const prev = rows[k - 1] ?? 0;
    if (k < rows.length && rows[k] === prev + 1) continue;
    const part = table.slice(start, prev + 1);
    out = out ? out.concat(part) : part;
    start = rows[k] ?? 0;
  }
  return out ?? table.slice(0, 0);
}
