/**
 * DuckDB side of pass 1 of a large CSV read in two passes (protocol in
 * src/operators/tables/source-csv-probe.ts). `check` reads the chunk with the given types and
 * counts the values of every column, so each value is converted: a Conversion Error means they do
 * not fit; a column of an integer type is read as text and cast in SQL (the same conversion), and
 * a number in it written as a decimal ("12.5", "1e3") does not fit either (DuckDB's cast would
 * round "12.5" to 13 where a whole-file detection gives DOUBLE); so for a time of day in an ISO
 * DATE column (the cast drops it). `detect` runs DuckDB's sniffer over all rows of the chunk
 * (`sample_size=-1`) with the file's dialect fixed, and counts the values per column (a column
 * with none is reported as null, since DuckDB's detection ignores empty values). A chunk mixing
 * ISO dates and timestamps is typed VARCHAR by the sniffer (DuckDB 1.4) though a whole-file
 * detection after a run of dates types the column TIMESTAMP: such a column is reported TIMESTAMP
 * (`isoDateTimes`). The column rules of a whole read hold too (csv-stream-columns.ts): Windows
 * NaN/infinity marks fit a DOUBLE column and make a text column DOUBLE; a hex id does not fit an
 * integer column and makes it text. Nothing but the answer leaves the worker.
 */
import { Schema, Table } from 'apache-arrow';
import type { CsvDialect } from '../../operators/types.ts';
import {
  CSV_PROBE_KEY,
  type CsvProbeAnswer,
  type DetectedTypes,
} from '../../operators/tables/source-csv-probe.ts';
import { decimalNumber, isIntegerType, sqlString, timeOfDay, type RunSql } from './csv.ts';
import { hexTest } from './csv-hex-ids.ts';
import { detectedByRules, type PartHolds } from './csv-stream-columns.ts';
import { markDouble } from './csv-windows-marks.ts';

/** The head of a part: the first chunk has the header row (after any skipped rows). */
export interface PartHead {
  readonly header: boolean;
  readonly skip: number;
}

/** `read_csv`/`sniff_csv` arguments fixing the dialect of `d` (no columns, no types). */
export function dialectArgs(
  slot: string,
  d: CsvDialect,
  header: boolean,
  maxLine: number,
): string[] {
  const args = [
    sqlString(slot),
    `header=${String(header)}`,
    `delim=${sqlString(d.delimiter)}`,
    `quote=${sqlString(d.quote)}`,
    `escape=${sqlString(d.escape)}`,
    'null_padding=true',
    `max_line_size=${maxLine}`,
  ];
  if (d.comment !== '') args.push(`comment=${sqlString(d.comment)}`);
  if (d.decimal === ',') args.push("decimal_separator=','");
  if (d.dateFormat !== null) args.push(`dateformat=${sqlString(d.dateFormat)}`);
  if (d.timestampFormat !== null) args.push(`timestampformat=${sqlString(d.timestampFormat)}`);
  return args;
}

/** Runs `sql(lenient)` strictly, then once leniently when DuckDB cannot read the part strictly. */
export async function withLenientRetry<T>(attempt: (lenient: boolean) => Promise<T>): Promise<T> {
  try {
    return await attempt(false);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (!/^Invalid Input Error/.test(msg)) throw e;
    return attempt(true);
  }
}

/**
 * Rows the sniffer skips before the header of the first chunk (0 when it reports none); `skip`
 * lines are skipped first (Excel's `sep=` line) and counted in the answer.
 */
export async function sniffSkipRows(
  run: RunSql,
  slot: string,
  d: CsvDialect,
  header: boolean,
  maxLine: number,
  skip = 0,
): Promise<number> {
  const given = skip > 0 ? [`skip=${skip}`] : [];
  const t = await withLenientRetry((lenient) =>
    run(
      `SELECT SkipRows AS s FROM sniff_csv(${[...dialectArgs(slot, d, header, maxLine), ...given, ...(lenient ? ['strict_mode=false'] : [])].join(', ')})`,
    ),
  );
  const s: unknown = t.getChild('s')?.get(0);
  return typeof s === 'number' || typeof s === 'bigint' ? Number(s) : 0;
}

/**
 * A sniffed date/timestamp format as given to later parts: null for none and for ISO, which the
 * sniffer reports as `%Y-%m-%d` (`%Y-%m-%d %H:%M:%S`) although a whole-file read then parses with
 * DuckDB's ISO cast (e.g. it reads "2024-02-01 10:30:00" into a DATE column, a fixed format fails).
 */
export function formatOrNull(f: string | null): string | null {
  if (f === null || f === '' || f === '%Y-%m-%d' || f === '%Y-%m-%d %H:%M:%S') return null;
  return f;
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? formatOrNull(v) : null;
}

/** Counts the values of every column of `read`, so every value is converted. */
function countSql(read: string): string {
  return `SELECT count(COLUMNS(*)) FROM (${read})`;
}

/**
 * Columns read as text and cast in SQL by `strictCountSql`, so a lossy value can be seen: integer
 * columns, and DATE columns when dates are ISO (the read's own cast then is DuckDB's ISO cast);
 * DOUBLE columns of a chunk that may hold Windows marks, converted as a whole read converts them.
 */
function castInSql(type: string, d: CsvDialect, holds: PartHolds): boolean {
  if (holds.marks && type === 'DOUBLE') return true;
  return isIntegerType(type) || (type === 'DATE' && d.dateFormat === null);
}

/**
 * Counts the values of every column of `read` (read with the `castInSql` columns as text, their
 * `types` given here), each converted, and as `lossy` the rows with a value that loses part of
 * itself in its type: a decimal number or (whole reads keep them as text) a hex id in an integer
 * column, a time of day in a DATE column.
 */
function strictCountSql(
  read: string,
  types: readonly string[],
  d: CsvDialect,
  holds: PartHolds,
): string {
  const cols = types.map((t, i) => {
    if (!castInSql(t, d, holds)) return `count(c${i})`;
    return t === 'DOUBLE'
      ? `count(${markDouble(`c${i}`, d.decimal)})`
      : `count(CAST(c${i} AS ${t}))`;
  });
  const lossy = types.flatMap((t, i) => {
    const c = `c${i}`;
    if (!castInSql(t, d, holds) || t === 'DOUBLE') return [];
    if (!isIntegerType(t)) return [`(${timeOfDay(c)})`];
    return [`(${decimalNumber(c)})`, ...(holds.hex ? [hexTest(c)] : [])];
  });
  const names = types.map((_t, i) => `c${i}`).join(', ');
  return `SELECT ${cols.join(', ')}, count_if(${lossy.join(' OR ') || 'false'})::DOUBLE AS lossy FROM (${read}) AS t(${names})`;
}

/** Whether the chunk's values fit `types` strictly (`strictCountSql`); false on a Conversion Error. */
async function fitsStrictly(
  run: RunSql,
  readSql: (types: readonly string[], lenient: boolean) => string,
  types: readonly string[],
  d: CsvDialect,
  holds: PartHolds,
): Promise<boolean> {
  const read = types.map((t) => (castInSql(t, d, holds) ? 'VARCHAR' : t));
  try {
    const t = await withLenientRetry((lenient) =>
      run(strictCountSql(readSql(read, lenient), types, d, holds)),
    );
    return Number(t.getChild('lossy')?.get(0) ?? 0) === 0;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (!/^Conversion Error/.test(msg)) throw e;
    return false;
  }
}

/** An ISO date with an optional time of day (what DuckDB's ISO TIMESTAMP cast reads). */
const ISO_DATE_TIME = String.raw`\d{4}-\d{1,2}-\d{1,2}([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?)?`;

/**
 * Of the columns at `at`, those whose every value (of `n[i]`, all > 0) is an ISO date or
 * timestamp: one count per column over `read` (every column as text).
 */
async function isoDateTimes(
  run: RunSql,
  read: string,
  columns: number,
  at: readonly number[],
  n: readonly number[],
): Promise<Set<number>> {
  if (at.length === 0) return new Set();
  const names = Array.from({ length: columns }, (_v, i) => `c${i}`).join(', ');
  const cols = at.map(
    (i) =>
      `count_if(regexp_full_match(trim(c${i}), '${ISO_DATE_TIME}') AND TRY_CAST(trim(c${i}) AS TIMESTAMP) IS NOT NULL)`,
  );
  const c = counts(await run(`SELECT ${cols.join(', ')} FROM (${read}) AS t(${names})`));
  return new Set(at.filter((i, k) => c[k] === n[i]));
}

/** The per-column value counts of a table of one row (`countSql`). */
function counts(t: Table): number[] {
  return t.schema.fields.map((_f, i) => Number(t.getChildAt(i)?.get(0) ?? 0));
}

/** Column types of one chunk with the sniffer on all its rows (see the module comment). */
async function detect(
  run: RunSql,
  readSql: (types: readonly string[], lenient: boolean) => string,
  sniffArgs: readonly string[],
  d: CsvDialect,
  holds: PartHolds,
): Promise<DetectedTypes> {
  const columns = d.columns.length;
  const t = await withLenientRetry((lenient) =>
    run(
      `SELECT Columns AS c, DateFormat AS df, TimestampFormat AS tf FROM sniff_csv(${[...sniffArgs, 'sample_size=-1', ...(lenient ? ['strict_mode=false'] : [])].join(', ')})`,
    ),
  );
  const list: unknown = t.getChild('c')?.get(0);
  const detected: string[] = [];
  for (const col of list && typeof list === 'object' && Symbol.iterator in list
    ? (list as Iterable<unknown>)
    : []) {
    const type: unknown = col && typeof col === 'object' ? Reflect.get(col, 'type') : undefined;
    detected.push(typeof type === 'string' ? type : 'VARCHAR');
  }
  const all = Array.from({ length: columns }, () => 'VARCHAR');
  const [n, lenient] = await withLenientRetry(async (lenient) => {
    return [counts(await run(countSql(readSql(all, lenient)))), lenient] as const;
  });
  const text = all.flatMap((_v, i) =>
    (n[i] ?? 0) > 0 && (detected[i] ?? 'VARCHAR') === 'VARCHAR' ? [i] : [],
  );
  const times = await isoDateTimes(run, readSql(all, lenient), columns, text, n);
  const sniffed = all.map((_v, i) => (times.has(i) ? 'TIMESTAMP' : (detected[i] ?? 'VARCHAR')));
  const typed = await detectedByRules(run, readSql(all, lenient), d, holds, sniffed, n);
  return {
    types: typed.map((t, i) => ((n[i] ?? 0) === 0 ? null : t)),
    dateFormat: str(t.getChild('df')?.get(0)),
    timestampFormat: str(t.getChild('tf')?.get(0)),
  };
}

/**
 * Answers a probe for one chunk. `readSql(types, lenient)` is the chunk's `read_csv` with explicit
 * column types (no detection); `sniffArgs` fix the dialect for the sniffer; `holds` what the
 * chunk's bytes may hold (csv-stream-columns.ts).
 */
export async function probeChunk(
  run: RunSql,
  mode: 'check' | 'detect',
  d: CsvDialect,
  readSql: (types: readonly string[], lenient: boolean) => string,
  sniffArgs: readonly string[],
  holds: PartHolds,
): Promise<Table> {
  const types = d.columns.map((c) => c.type);
  const answer: CsvProbeAnswer =
    mode === 'check'
      ? { fits: await fitsStrictly(run, readSql, types, d, holds), detected: null }
      : { fits: null, detected: await detect(run, readSql, sniffArgs, d, holds) };
  return new Table(new Schema([], new Map([[CSV_PROBE_KEY, JSON.stringify(answer)]])));
}
