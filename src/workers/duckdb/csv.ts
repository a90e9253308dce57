/**
 * The `read_csv` calls of `DuckDbHost.readCsv` and their policy, and errors as CSV_READ naming the
 * file. Policy: `null_padding=true` (short rows get nulls, with a warning naming the first such
 * line); when DuckDB still cannot read the file (rows longer than the header, stray quotes) it is
 * read once more with `strict_mode=false` (warned); when a column's type detected from the first
 * rows fails later, the types are detected from the whole file (`sample_size=-1`); lines up to
 * the file's size (at least 2 MB, at most 256 MB) are accepted.
 */
import type { Table } from 'apache-arrow';
import { petroflowError, PetroflowException, type PetroflowError } from '../../model/errors.ts';
import { csvShape } from './csv-shape.ts';

function sqlString(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

/** Options of one `read_csv` attempt. */
export interface CsvAttempt {
  readonly delimiter: string;
  readonly header: boolean;
  /** Bytes of the file (sets `max_line_size`). */
  readonly size?: number;
  readonly sampleAll?: boolean;
  readonly lenient?: boolean;
}

/** The SQL that reads the slot file with the sniffer (`delimiter` `auto` or one character). */
export function readCsvSql(slot: string, fileName: string, options: CsvAttempt): string {
  const maxLine = Math.min(256 << 20, Math.max(2_000_000, (options.size ?? 0) + 16));
  const args = [
    sqlString(slot),
    `header=${options.header ? 'true' : 'false'}`,
    'null_padding=true',
    `max_line_size=${maxLine}`,
  ];
  if (options.sampleAll) args.push('sample_size=-1');
  if (options.lenient) args.push('strict_mode=false');
  if (options.delimiter !== 'auto') {
    if ([...options.delimiter].length !== 1) {
      throw new PetroflowException(
        petroflowError(
          'BAD_PARAMS',
          `CSV delimiter "${options.delimiter}" for ${fileName}: use "auto" or a single character.`,
          { file: fileName, field: 'params.delimiter' },
        ),
      );
    }
    args.push(`delim=${sqlString(options.delimiter)}`);
  }
  return `SELECT * FROM read_csv(${args.join(', ')})`;
}

/** A reading failure as CSV_READ with the file (and line, when DuckDB names one). */
export function csvError(
  fileName: string,
  slot: string,
  detail: PetroflowError,
): PetroflowException {
  if (detail.code !== 'SQL_ERROR') return new PetroflowException(detail);
  const line = /line:? (\d+)/i.exec(detail.message);
  const message = detail.message.replaceAll(slot, fileName);
  return new PetroflowException(
    petroflowError(
      'CSV_READ',
      `${fileName}: ${message}\nCheck the delimiter and header settings of this node, or fix the file at the line named.`,
      { file: fileName, ...(line?.[1] ? { line: Number(line[1]) } : {}) },
    ),
  );
}

/** Runs SQL against the registered slot file (errors as thrown by DuckDB). */
export type RunSql = (sql: string) => Promise<Table>;

/** Reads the slot with the policy of the module comment; returns the table and warnings. */
export async function readCsvWithPolicy(
  run: RunSql,
  slot: string,
  fileName: string,
  bytes: Uint8Array,
  options: { delimiter: string; header: boolean },
): Promise<{ table: Table; warnings: string[] }> {
  const warnings: string[] = [];
  let attempt: CsvAttempt = { ...options, size: bytes.length };
  let table: Table | undefined;
  for (let tries = 0; table === undefined; tries++) {
    try {
      table = await run(readCsvSql(slot, fileName, attempt));
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      if (tries < 3 && /^Conversion Error/.test(msg) && !attempt.sampleAll)
        attempt = { ...attempt, sampleAll: true };
      else if (tries < 3 && /^Invalid Input Error/.test(msg) && !attempt.lenient) {
        attempt = { ...attempt, lenient: true };
        warnings.push(
          `${fileName}: DuckDB could not read it strictly (${msg.split('\n')[0] ?? msg}); read leniently (strict_mode=false): check rows with extra values or stray quotes.`,
        );
      } else throw e;
    }
  }
  const delim =
    options.delimiter !== 'auto' ? options.delimiter : await sniffedDelimiter(run, slot);
  const shape = delim ? csvShape(bytes, delim) : null;
  if (shape && shape.short > 0)
    warnings.push(
      `${fileName}: ${shape.short} rows have fewer than ${shape.expected} values (first at line ${shape.firstShort}); the missing values are null.`,
    );
  if (shape && shape.long > 0)
    warnings.push(
      `${fileName}: ${shape.long} rows have more than ${shape.expected} values (first at line ${shape.firstLong}); extra values are in extra columns.`,
    );
  return { table, warnings };
}

async function sniffedDelimiter(run: RunSql, slot: string): Promise<string | null> {
  try {
    const t = await run(
      `SELECT Delimiter AS d FROM sniff_csv(${sqlString(slot)}, null_padding=true)`,
    );
    const d: unknown = t.getChild('d')?.get(0);
    return typeof d === 'string' ? d : null;
  } catch {
    return null;
  }
}
