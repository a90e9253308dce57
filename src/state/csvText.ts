/**
 * A small CSV reader for the file library's summary and file preview only (runs read CSV with
 * DuckDB's sniffer in the engine). Handles quotes, and `,` `;` or tab delimiters.
 */
import { tableFromArrays, type Table } from 'apache-arrow';

/** Picks the delimiter that splits the header line into the most fields. */
export function sniffDelimiter(headerLine: string): string {
  const counts = [',', ';', '\t'].map((d) => [d, headerLine.split(d).length] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]?.[0] ?? ',';
}

/** Splits CSV text into rows of fields (RFC 4180 quoting). */
export function parseCsv(text: string, delimiter: string, maxRows = Infinity): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
      if (rows.length >= maxRows) return rows;
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** CSV text to an Arrow table: columns whose every non-empty value is a number become Float64. */
export function csvToTable(text: string): Table {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const rows = parseCsv(text, sniffDelimiter(firstLine));
  const header = rows[0] ?? [];
  const body = rows.slice(1);
  const cols: Record<string, Float64Array | string[]> = {};
  const used = new Set<string>();
  header.forEach((raw, c) => {
    let name = raw.trim() || `column${c + 1}`;
    for (let k = 2; used.has(name); k++) name = `${raw.trim()}:${k}`;
    used.add(name);
    const values = body.map((r) => (r[c] ?? '').trim());
    const numeric = values.every((v) => v === '' || Number.isFinite(Number(v)));
    cols[name] = numeric ? Float64Array.from(values, (v) => (v === '' ? NaN : Number(v))) : values;
  });
  return tableFromArrays(cols);
}
