/**
 * CSV output (`petroflow run --format csv`): a header row of column names, numbers in shortest
 * round-trip form (`String(x)`), nulls as empty fields, RFC 4180 quoting (fields holding a comma,
 * quote, CR or LF are quoted, quotes doubled); an empty string is written `""` so it stays
 * distinguishable from a null.
 */
import type { Table } from 'apache-arrow';
import type { Cell } from './values.ts';
import { columnCells } from './values.ts';

function quote(text: string): string {
  return text === '' || /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One cell as CSV text. */
export function csvField(v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'string') return quote(v);
  return String(v);
}

/** The whole table as CSV text (lines end with `\n`). */
export function tableToCsv(table: Table): string {
  const fields = table.schema.fields;
  const columns = fields.map((f, i) => columnCells(table, f, i));
  const lines = [fields.map((f) => quote(f.name)).join(',')];
  for (let r = 0; r < table.numRows; r++) {
    lines.push(columns.map((c) => csvField(c[r] ?? null)).join(','));
  }
  return `${lines.join('\n')}\n`;
}
