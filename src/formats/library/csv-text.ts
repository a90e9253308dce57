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

/** What one pass over a CSV file's bytes tells the library summary. */
export interface CsvScan {
  /** Byte range of the header, the first record that is not blank (empty when there is none). */
  readonly header: { readonly start: number; readonly end: number };
  /** Records that hold something other than white space, the header included. */
  readonly records: number;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
/** Tab, line feed, vertical tab, form feed, carriage return and space: a record of only these is blank. */
const isBlankByte = (b: number) => b === 0x20 || (b >= 0x09 && b <= 0x0d);

/** True when `bytes[from, to)` holds a byte that is not white space. */
function filled(bytes: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isBlankByte(bytes[i] as number)) return true;
  return false;
}

/**
 * Counts the records of a CSV file on its bytes in one linear pass, without decoding it: a line
 * break (LF, CRLF or CR) inside double quotes belongs to the field, as in `parseCsv`. UTF-8 never
 * uses the bytes of `"`, CR or LF inside a multi-byte character, so bytes are enough; the next
 * quote and line breaks are found with the native `indexOf`, each byte is passed once.
 */
export function scanCsv(bytes: Uint8Array): CsvScan {
  const n = bytes.length;
  const found = (at: number) => (at < 0 ? n : at);
  let [quote, lf, cr] = [QUOTE, LF, CR].map((b) => found(bytes.indexOf(b))) as [
    number,
    number,
    number,
  ];
  let header: CsvScan['header'] | undefined;
  let records = 0;
  for (let start = 0; start < n;) {
    let pos = start;
    let quoted = false;
    let end = n;
    for (;;) {
      if (lf < pos) lf = found(bytes.indexOf(LF, pos));
      if (cr < pos) cr = found(bytes.indexOf(CR, pos));
      if (quote < pos) quote = found(bytes.indexOf(QUOTE, pos));
      end = Math.min(lf, cr);
      if (quote >= end) break;
      // A quoted part: the record goes on after its closing quote (or to the end of the file).
      quoted = true;
      const close = found(bytes.indexOf(QUOTE, quote + 1));
      if (close >= n) {
        end = n;
        break;
      }
      pos = close + 1;
    }
    if (quoted || filled(bytes, start, end)) {
      records++;
      header ??= { start, end };
    }
    start = end + 1;
  }
  return { header: header ?? { start: 0, end: 0 }, records };
}
