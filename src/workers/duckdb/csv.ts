/**
 * The `read_csv` calls of `DuckDbHost.readCsv` and their policy, and errors as CSV_READ naming the
 * file. Policy: `null_padding=true` (short rows get nulls, with a warning naming the first such
 * line); when DuckDB still cannot read the file (rows longer than the header, stray quotes) it is
 * read once more with `strict_mode=false` (warned); when a column's type detected from the first
 * rows fails later, the types are detected from the whole file (`sample_size=-1`), and so they are
 * when a later value would lose part of itself in the sampled type (`lossCheckSql`: a number
 * written as a decimal in an integer column, which DuckDB's cast rounds, "12.5" to 13; a time of
 * day in a DATE column, which its cast drops, "2024-02-01 10:30:00" to 2024-02-01); lines up to
 * the file's size (at least 2 MB, at most 256 MB) are accepted, with a CSV buffer of that size
 * (at least 4 MiB) instead of DuckDB's 16 times as much; quoted fields may hold line breaks (LF or
 * CRLF) next to short rows (`parallel=false`). Excel's `sep=;` first line is skipped (`skip=1`,
 * its delimiter chosen by csv-delimiter.ts) and so are `#` lines before the header; the comment
 * mark `#` DuckDB's sniffer may choose is taken away when it would drop or cut data
 * (csv-comment.ts). Then the columns are checked (csv-columns.ts): text columns of numbers but for
 * a few values, a header row of numbers, repeated header names, integers too long for BIGINT and
 * dates whose day/month order is a guess are named in warnings (one text scan for those needing
 * the values as written); hex ids are kept as text, and Windows NaN/infinity marks read as numbers.
 */
import { Type, type DataType, type Table } from 'apache-arrow';
import { petroflowError, PetroflowException, type PetroflowError } from '../../model/errors.ts';
import type { CsvSettings } from '../../operators/types.ts';
import { csvShape } from './csv-shape.ts';
import { headSkip, scanComments } from './csv-comment.ts';
import { checkColumns } from './csv-columns.ts';

/** `s` as an SQL string literal (quotes doubled). */
export function sqlString(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

/** Smallest CSV buffer of a read (DuckDB needs it at least as large as `max_line_size`). */
export const MIN_BUFFER = 4 << 20;

/** Options of one `read_csv` attempt: the file's settings, and how this attempt reads it. */
export interface CsvAttempt extends CsvSettings {
  /** Bytes of the file (sets `max_line_size`). */
  readonly size?: number;
  readonly sampleAll?: boolean;
  readonly lenient?: boolean;
  /** Every column read as text (`all_varchar=true`), for the loss check. */
  readonly allVarchar?: boolean;
  /** Columns read as text whatever their values (`types`), as hex ids (csv-hex-ids.ts). */
  readonly textColumns?: readonly string[];
  /** Lines skipped before the header (Excel's `sep=` line, a `#` preamble: csv-comment.ts). */
  readonly skip?: number;
  /** The comment mark (`''`: none; absent: DuckDB's sniffer decides), csv-comment.ts. */
  readonly comment?: string;
}

/**
 * Rows DuckDB's sniffer samples (`sample_size` 20 480 lines, header and skipped lines included);
 * later values are cast to the sampled types. Less one vector of margin: tables with at least this
 * many rows get the loss check (`lossCheckSql`).
 */
export const SNIFFED_ROWS = 20_480 - 2_048;

const INTEGER_TYPE =
  /^(U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)|INT(1|2|4|8|128)?|LONG|SHORT)$/i;

/** Whether a DuckDB type name is an integer type (its cast from text rounds "12.5" to 13). */
export function isIntegerType(type: string): boolean {
  return INTEGER_TYPE.test(type.trim());
}

/**
 * A condition true for a text value `col` that is a number written with a decimal point or an
 * exponent ("12.5", "-3.5", "1e3", "12.0"): DuckDB's detection types such a column DOUBLE, while
 * its text-to-integer cast rounds "12.5" to 13 instead of refusing it. Non-numbers are not matched
 * (the cast itself refuses them).
 */
export function decimalNumber(col: string): string {
  return `(contains(${col}, '.') OR contains(${col}, 'e') OR contains(${col}, 'E')) AND TRY_CAST(${col} AS DOUBLE) IS NOT NULL`;
}

/**
 * A condition true for a text value `col` whose time of day a DATE cast drops: DuckDB's ISO cast
 * reads "2024-02-01 10:30:00" into a DATE column as 2024-02-01 instead of refusing it. A plain date,
 * a midnight time and a non-date are not matched.
 */
export function timeOfDay(col: string): string {
  return `TRY_CAST(${col} AS TIMESTAMP) IS DISTINCT FROM CAST(TRY_CAST(${col} AS DATE) AS TIMESTAMP)`;
}

/**
 * SQL counting (as `n`) the rows of `read` (text columns) with a value that would lose part of
 * itself: a `decimalNumber` in one of the integer columns at positions `ints`, or a `timeOfDay` in
 * one of the DATE columns at positions `dates` (0-based): `read`'s columns are renamed c0, c1...
 */
export function lossCheckSql(
  read: string,
  ints: readonly number[],
  dates: readonly number[] = [],
): string {
  const last = Math.max(...ints, ...dates);
  const names = Array.from({ length: last + 1 }, (_v, i) => `c${i}`).join(', ');
  const any = [
    ...ints.map((i) => `(${decimalNumber(`c${i}`)})`),
    ...dates.map((i) => `(${timeOfDay(`c${i}`)})`),
  ].join(' OR ');
  return `SELECT count_if(${any})::DOUBLE AS n FROM (${read}) AS t(${names})`;
}

/** The SQL that reads the slot file with the sniffer (`delimiter` `auto` or one character). */
export function readCsvSql(slot: string, fileName: string, options: CsvAttempt): string {
  const maxLine = Math.min(256 << 20, Math.max(2_000_000, (options.size ?? 0) + 16));
  const args = [
    sqlString(slot),
    `header=${options.header ? 'true' : 'false'}`,
    'null_padding=true',
    // DuckDB's parallel scanner refuses null_padding with quoted line breaks ("Parameter Not
    // Allowed ... use parallel=false"); DuckDB-WASM here runs one thread anyway.
    'parallel=false',
    `max_line_size=${maxLine}`,
    // The default buffer is 16 x max_line_size (set to the input's size above): wasm memory that
    // never shrinks. A buffer of the line cap (at least 4 MiB) reads the same rows.
    `buffer_size=${Math.max(maxLine, MIN_BUFFER)}`,
  ];
  if (options.sampleAll) args.push('sample_size=-1');
  if (options.lenient) args.push('strict_mode=false');
  if (options.allVarchar) args.push('all_varchar=true');
  if (options.textColumns?.length)
    args.push(`types={${options.textColumns.map((c) => `${sqlString(c)}: 'VARCHAR'`).join(', ')}}`);
  if (options.skip) args.push(`skip=${options.skip}`);
  if (options.comment !== undefined) args.push(`comment=${sqlString(options.comment)}`);
  if (options.decimal === ',') args.push("decimal_separator=','");
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
  checkDecimal(fileName, options);
  return `SELECT * FROM read_csv(${args.join(', ')})`;
}

/** Refuses a decimal separator other than `.` and `,`, and a decimal comma with comma delimiters. */
function checkDecimal(fileName: string, options: CsvAttempt): void {
  const { decimal, delimiter } = options;
  const refuse = (message: string): never => {
    throw new PetroflowException(
      petroflowError('BAD_PARAMS', message, { file: fileName, field: 'params.decimal' }),
    );
  };
  if (decimal !== undefined && decimal !== '.' && decimal !== ',')
    refuse(`CSV decimal separator "${String(decimal)}" for ${fileName}: use "." or ",".`);
  if (decimal === ',' && delimiter === ',')
    refuse(
      `CSV decimal separator "," for ${fileName} needs another delimiter than ",": set the delimiter to ";" (or a tab), or to "auto".`,
    );
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

/** What `readCsvWithPolicy` read: the table, warnings, and the settings of the final read. */
export interface CsvPolicyRead {
  readonly table: Table;
  readonly warnings: string[];
  readonly sampledAll: boolean;
  /** Lines skipped before the header (`headSkip`), for the sniffer of a first part. */
  readonly skip: number;
  /** The comment mark given to DuckDB (`''`: none), or undefined when its sniffer chose. */
  readonly comment: string | undefined;
}

/** One read with the retries of the module comment and the loss check; the final attempt. */
async function readTyped(
  run: RunSql,
  slot: string,
  fileName: string,
  first: CsvAttempt,
  warnings: string[],
): Promise<{ table: Table; attempt: CsvAttempt }> {
  let attempt = first;
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
  if (!attempt.sampleAll && (await losesValues(run, slot, fileName, attempt, table))) {
    attempt = { ...attempt, sampleAll: true };
    table = await run(readCsvSql(slot, fileName, attempt));
  }
  return { table, attempt };
}

/** Reads the slot with the policy of the module comment; returns the table and warnings. */
export async function readCsvWithPolicy(
  run: RunSql,
  slot: string,
  fileName: string,
  bytes: Uint8Array,
  options: CsvSettings,
): Promise<CsvPolicyRead> {
  const warnings: string[] = [];
  const head = headSkip(bytes);
  const skip = head.lines;
  const body = bytes.subarray(head.bytes);
  const start: CsvAttempt = { ...options, size: bytes.length, ...(skip > 0 ? { skip } : {}) };
  let { table, attempt } = await readTyped(run, slot, fileName, start, warnings);
  const sniffed =
    options.delimiter === 'auto' || body.includes(0x23)
      ? await sniffedDialect(run, slot, attempt)
      : null;
  const delim = options.delimiter !== 'auto' ? options.delimiter : (sniffed?.delimiter ?? null);
  const preamble = skip - (head.sep ? 1 : 0);
  if (preamble > 0)
    warnings.push(
      `${fileName}: ${preamble === 1 ? `line ${skip}` : `lines ${skip - preamble + 1}-${skip}`} before the header (starting with "#") skipped as ${preamble === 1 ? 'a comment' : 'comments'}.`,
    );
  let comment = attempt.comment ?? sniffed?.comment ?? '';
  if (comment === '#' && delim?.length === 1) {
    const c = scanComments(body, delim.charCodeAt(0), skip);
    if (c.row > 0 || c.cut > 0) {
      const line = c.row || c.cut;
      warnings.push(
        `${fileName}: DuckDB took "#" for a comment mark, which would ${c.row > 0 ? 'drop the row' : 'cut a value'} at line ${line} (and every line starting with "#", and every unquoted value from a "#" on); read without a comment mark, so lines starting with "#" are rows. Remove comment lines from the file if it has any.`,
      );
      comment = '';
      ({ table, attempt } = await readTyped(run, slot, fileName, { ...start, comment }, warnings));
    } else if (c.lines > 0) {
      warnings.push(
        `${fileName}: ${c.lines === 1 ? '1 line' : `${c.lines} lines`} starting with "#" skipped as ${c.lines === 1 ? 'a comment' : 'comments'} (first at line ${c.first}).`,
      );
    }
  }
  const shape = delim ? csvShape(body, delim, skip, comment) : null;
  if (shape && shape.short > 0)
    warnings.push(
      `${fileName}: ${shape.short} rows have fewer than ${shape.expected} values (first at line ${shape.firstShort}); the missing values are null.`,
    );
  if (shape && shape.long > 0)
    warnings.push(
      `${fileName}: ${shape.long} rows have more than ${shape.expected} values (first at line ${shape.firstLong}); extra values are in extra columns.`,
    );
  const textRead = (): string => readCsvSql(slot, fileName, { ...attempt, allVarchar: true });
  const typedRead = (textColumns: readonly string[]): string =>
    readCsvSql(slot, fileName, { ...attempt, textColumns });
  const checked = await checkColumns(
    { run, fileName, options, body, delimiter: delim, textRead, typedRead },
    table,
  );
  table = checked.table;
  warnings.push(...checked.warnings);
  return {
    table,
    warnings: [...new Set(warnings)],
    sampledAll: attempt.sampleAll === true,
    skip,
    comment: attempt.comment,
  };
}

/**
 * Whether a column typed from the sniffer's sample holds, past the sample, a value its type cannot
 * hold whole (`lossCheckSql`: so rounded or cut, where a whole-file detection types it DOUBLE or
 * TIMESTAMP): one scan of the file as text, only for tables longer than the sample with an integer
 * or DATE column.
 */
async function losesValues(
  run: RunSql,
  slot: string,
  fileName: string,
  attempt: CsvAttempt,
  table: Table,
): Promise<boolean> {
  if (table.numRows < SNIFFED_ROWS) return false;
  const at = (id: Type): number[] =>
    table.schema.fields.flatMap((f, i) => ((f.type as DataType).typeId === id ? [i] : []));
  const ints = at(Type.Int);
  const dates = at(Type.Date);
  if (ints.length + dates.length === 0) return false;
  const read = readCsvSql(slot, fileName, { ...attempt, allVarchar: true });
  try {
    const n: unknown = (await run(lossCheckSql(read, ints, dates))).getChild('n')?.get(0);
    return typeof n === 'number' && n > 0;
  } catch {
    // The text read differs from the typed one (it should not): keep the typed read.
    return false;
  }
}

/** The delimiter and comment mark DuckDB's sniffer finds with the settings of `attempt`. */
async function sniffedDialect(
  run: RunSql,
  slot: string,
  attempt: CsvAttempt,
): Promise<{ delimiter: string | null; comment: string } | null> {
  const args = [sqlString(slot), 'null_padding=true'];
  if (attempt.delimiter !== 'auto') args.push(`delim=${sqlString(attempt.delimiter)}`);
  if (attempt.skip) args.push(`skip=${attempt.skip}`);
  if (attempt.comment !== undefined) args.push(`comment=${sqlString(attempt.comment)}`);
  if (attempt.lenient) args.push('strict_mode=false');
  try {
    const t = await run(`SELECT Delimiter AS d, Comment AS c FROM sniff_csv(${args.join(', ')})`);
    const d: unknown = t.getChild('d')?.get(0);
    const c: unknown = t.getChild('c')?.get(0);
    return {
      delimiter: typeof d === 'string' ? d : null,
      comment: typeof c === 'string' && c !== '(empty)' ? c : '',
    };
  } catch {
    return null;
  }
}
