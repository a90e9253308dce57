/** Reads an added file once: its summary for the library list, and a table for the preview. */
import type { Table } from 'apache-arrow';
import { openLas, readLasTable, summarizeLas } from '../las/index.ts';
import { PetroflowException } from '../../model/errors.ts';
import { err, ok, type Result } from '../../model/result.ts';
import type { FileSummary } from '../../model/file-summary.ts';
import { binaryKind, notTextMessage } from '../binary-magic.ts';
import { csvToTable, parseCsv, scanCsv, sniffDelimiter } from './csv-text.ts';

const isLas = (name: string) => name.toLowerCase().endsWith('.las');

/** How messages about a binary file named .csv end. */
const CSV_TEXT = {
  format: 'CSV',
  file: 'the CSV file',
  otherwise: 'add the CSV file itself, saved as text',
};

/** The summary of a file that cannot be read: no columns, and the error with its line. */
function unreadable(
  kind: FileSummary['kind'],
  error: NonNullable<FileSummary['error']>,
): FileSummary {
  return { kind, columns: [], rows: 0, wells: [], warnings: [], error };
}

function lasSummary(name: string, bytes: Uint8Array): FileSummary {
  const opened = openLas(bytes, { fileName: name });
  if (!opened.ok)
    return unreadable('las', { message: opened.error.message, line: opened.error.line });
  let s;
  try {
    s = summarizeLas(opened.value);
  } catch (e) {
    const detail = e instanceof PetroflowException ? e.detail : undefined;
    return unreadable('las', {
      message: detail?.message ?? (e instanceof Error ? e.message : String(e)),
      ...(detail?.line !== undefined ? { line: detail.line } : {}),
    });
  }
  const index = s.curves[0];
  const depth =
    index && index.min !== null && index.max !== null
      ? { depth: { min: index.min, max: index.max, unit: index.unit } }
      : {};
  return {
    kind: 'las',
    columns: s.curves.map((c) => ({ name: c.mnemonic, unit: c.unit })),
    rows: s.rows,
    wells: [opened.value.info.wellName],
    warnings: s.warnings.slice(0, 20),
    ...depth,
  };
}

/** Decodes only the header record and counts the others on the bytes (linear, no full decode). */
function csvSummary(bytes: Uint8Array): FileSummary {
  const binary = binaryKind(bytes);
  if (binary) {
    const message = notTextMessage(binary, CSV_TEXT);
    return unreadable('csv', { message: message[0]!.toUpperCase() + message.slice(1), line: 1 });
  }
  const scan = scanCsv(bytes);
  const headerText = new TextDecoder().decode(bytes.subarray(scan.header.start, scan.header.end));
  const header = parseCsv(headerText, sniffDelimiter(headerText), 1)[0] ?? [];
  if (header.length === 0 || header.every((h) => h.trim() === ''))
    return unreadable('csv', { message: 'The file has no header row of column names.', line: 1 });
  return {
    kind: 'csv',
    columns: header.map((h) => ({ name: h.trim(), unit: '' })),
    rows: Math.max(0, scan.records - 1),
    wells: [],
    warnings: [],
  };
}

/** The library summary of one file (never throws: a read failure becomes `error` with its line). */
export function summariseFile(name: string, bytes: Uint8Array): Promise<FileSummary> {
  return Promise.resolve(isLas(name) ? lasSummary(name, bytes) : csvSummary(bytes));
}

/** The whole file as a table for the preview panel. */
export function readFileTable(name: string, bytes: Uint8Array): Promise<Result<Table, string>> {
  if (isLas(name)) {
    try {
      const r = readLasTable(bytes, { fileName: name });
      return Promise.resolve(
        r.ok ? ok(r.value.table) : err(`${name}: line ${r.error.line}: ${r.error.message}`),
      );
    } catch (e) {
      return Promise.resolve(err(e instanceof Error ? e.message : String(e)));
    }
  }
  const binary = binaryKind(bytes);
  if (binary) return Promise.resolve(err(`${name}: ${notTextMessage(binary, CSV_TEXT)}`));
  try {
    return Promise.resolve(ok(csvToTable(new TextDecoder().decode(bytes))));
  } catch (e) {
    return Promise.resolve(err(`${name}: ${e instanceof Error ? e.message : String(e)}`));
  }
}
