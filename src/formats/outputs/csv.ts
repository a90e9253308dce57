/**
 * CSV output: a header row of column names, numbers in shortest round-trip form (`String(x)`,
 * except negative zero, written `-0` as DuckDB keeps its sign), nulls as empty fields, RFC 4180
 * quoting (fields holding a comma, quote, CR or LF are quoted, quotes doubled); an empty string is
 * written `""` so it stays distinguishable from a null.
 *
 * Two audiences, one writer. `petroflow run --format csv` writes raw text (the default): a batch
 * tool's output is data for other programs, which must get back exactly the text the pipeline made.
 * The editor's Export menu makes files for people, who open them in Excel or LibreOffice; there a
 * text cell starting with `=`, `+`, `-`, `@`, tab or carriage return would run as a formula (CSV
 * injection; the text may come from a shared pipeline's SQL constant). With
 * `{ spreadsheetSafe: true }` such text cells (and column names) are written with a leading `'`
 * and quoted, as OWASP advises. Numbers, booleans, dates and timestamps are typed columns and are
 * never changed, so a negative number stays `-1.5`.
 */
import type { DataType, Table } from 'apache-arrow';
import { DataType as DT } from 'apache-arrow';
import type { Cell } from './values.ts';
import { columnCells } from './values.ts';

/** How `tableToCsv` writes text (see the module comment for when to use which). */
export interface CsvOptions {
  /** Neutralise formula-like text cells for spreadsheets (editor exports); off for the CLI. */
  readonly spreadsheetSafe?: boolean;
}

/** First characters that make a spreadsheet read a cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

function quote(text: string): string {
  return text === '' || /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A text field as CSV; formula-like text gets a leading `'` and quotes when `safe` is on. */
export function csvText(text: string, safe = false): string {
  if (safe && FORMULA_START.test(text)) return `"'${text.replace(/"/g, '""')}"`;
  return quote(text);
}

/** One cell as CSV text (raw, as the CLI writes it). */
export function csvField(v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number' && Object.is(v, -0)) return '-0';
  return String(v);
}

/** True when a column's text cells come from the data rather than from a typed value. */
function isFreeText(type: DataType): boolean {
  return !DT.isDate(type) && !DT.isTimestamp(type);
}

/** The whole table as CSV text (lines end with `\n`); raw unless `options.spreadsheetSafe`. */
export function tableToCsv(table: Table, options: CsvOptions = {}): string {
  const safe = options.spreadsheetSafe === true;
  const fields = table.schema.fields;
  const columns = fields.map((f, i) => columnCells(table, f, i));
  const guarded = fields.map((f) => safe && isFreeText(f.type as DataType));
  const lines = [fields.map((f) => csvText(f.name, safe)).join(',')];
  for (let r = 0; r < table.numRows; r++) {
    lines.push(
      columns
        .map((c, i) => {
          const v = c[r] ?? null;
          return typeof v === 'string' ? csvText(v, guarded[i]) : csvField(v);
        })
        .join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
