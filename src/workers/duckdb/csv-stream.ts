/**
 * DuckDB side of a CSV file read in chunks (`SqlEngine.readCsv` with `stream`). The first part is
 * read exactly like a whole file (csv.ts policy: sniffer, null padding, lenient retry, whole-part
 * type detection) and its dialect (sniff_csv) and column names/types (from the result) are
 * returned in the schema metadata `csv.stream`. A later part is either a pass-1 probe
 * (csv-stream-probe.ts: do the types fit, or what types does the part have) or read with
 * auto-detection off and the explicit columns of the file's final types, so all batches share one
 * schema; a later part with no records before it is the first part read again (its header row and
 * the rows the sniffer skips are skipped). A later part DuckDB cannot read strictly is read again
 * leniently with a warning, like a whole file. Short/long rows of later parts are counted in the
 * metadata `csv.shape` (`PartShape` JSON) with file line numbers. Later parts keep the column
 * rules of a whole read (csv-stream-columns.ts).
 */
import { Type, type DataType, type Table, type Timestamp } from 'apache-arrow';
import { petroflowError, PetroflowException } from '../../model/errors.ts';
import type { CsvDialect, CsvSettings, CsvStreamPart } from '../../operators/types.ts';
import { MIN_BUFFER, readCsvWithPolicy, sqlString, type RunSql } from './csv.ts';
import { partShape } from './csv-stream-shape.ts';
import { headSkip, scanComments } from './csv-comment.ts';
import {
  dialectArgs,
  formatOrNull,
  probeChunk,
  sniffSkipRows,
  type PartHead,
} from './csv-stream-probe.ts';
import { probeRequest } from '../../operators/tables/source-csv-probe.ts';
import {
  CSV_SAMPLED_ALL_KEY,
  CSV_SHAPE_KEY,
  CSV_STREAM_KEY,
} from '../../operators/tables/source-csv-parts.ts';
import { withMetadata } from './csv-warnings.ts';
import {
  laterPartWarnings,
  markedPartSql,
  partHolds,
  type PartHolds,
} from './csv-stream-columns.ts';

/** DuckDB type of a column as DuckDB's CSV reader returned it; undefined when not one it sniffs. */
export function duckDbType(type: DataType): string | undefined {
  switch (type.typeId) {
    case Type.Int:
      return 'BIGINT';
    case Type.Float:
      return 'DOUBLE';
    case Type.Utf8:
    case Type.LargeUtf8:
    case Type.Null:
      return 'VARCHAR';
    case Type.Bool:
      return 'BOOLEAN';
    case Type.Date:
      return 'DATE';
    case Type.Time:
      return 'TIME';
    case Type.Timestamp:
      return (type as Timestamp).timezone ? 'TIMESTAMP WITH TIME ZONE' : 'TIMESTAMP';
    default:
      return undefined;
  }
}

function text(v: unknown): string {
  return typeof v === 'string' && v !== '(empty)' ? v : '';
}

async function sniffDialect(
  run: RunSql,
  slot: string,
  table: Table,
  options: CsvSettings,
  read: { readonly skip: number; readonly comment: string | undefined },
): Promise<CsvDialect | undefined> {
  const columns: { name: string; type: string }[] = [];
  for (const f of table.schema.fields) {
    const type = duckDbType(f.type as DataType);
    if (type === undefined) return undefined;
    columns.push({ name: f.name, type });
  }
  const args = [sqlString(slot), 'null_padding=true', `header=${String(options.header)}`];
  if (options.delimiter !== 'auto') args.push(`delim=${sqlString(options.delimiter)}`);
  if (options.decimal === ',') args.push("decimal_separator=','");
  if (read.skip > 0) args.push(`skip=${read.skip}`);
  if (read.comment !== undefined) args.push(`comment=${sqlString(read.comment)}`);
  const t = await run(
    `SELECT Delimiter AS d, Quote AS q, Escape AS e, Comment AS c, DateFormat AS df, TimestampFormat AS tf FROM sniff_csv(${args.join(', ')})`,
  );
  const get = (k: string): unknown => t.getChild(k)?.get(0);
  const delimiter = text(get('d'));
  if (delimiter === '') return undefined;
  const df = text(get('df'));
  const tf = text(get('tf'));
  return {
    delimiter,
    ...(options.decimal === ',' ? { decimal: ',' as const } : {}),
    quote: text(get('q')),
    escape: text(get('e')),
    comment: text(get('c')),
    dateFormat: formatOrNull(df),
    timestampFormat: formatOrNull(tf),
    columns,
  };
}

/** `max_line_size` of a part whose longest record has `longest` bytes (at least DuckDB's 2 MB). */
function lineCap(longest: number): number {
  return Math.max(2_000_000, longest + 16);
}

/**
 * The `read_csv` of a later part: no detection, the dialect and columns given. `head` (a first
 * chunk read again with other types) skips `skip` rows and reads a header row. DuckDB's CSV buffer
 * defaults to 16 x `max_line_size` (720 MB of wasm memory, which never shrinks, was seen for a 16
 * MB input): a part is read with a buffer of its line cap instead, 4 MiB at least.
 */
export function nextPartSql(
  slot: string,
  d: CsvDialect,
  longest: number,
  lenient: boolean,
  head: PartHead = { header: false, skip: 0 },
): string {
  const cols = d.columns.map((c) => `${sqlString(c.name)}: ${sqlString(c.type)}`).join(', ');
  const cap = lineCap(longest);
  const args = [
    ...dialectArgs(slot, d, head.header, cap),
    'auto_detect=false',
    ...(head.skip > 0 ? [`skip=${head.skip}`] : []),
    `columns={${cols}}`,
    'parallel=false',
    `buffer_size=${Math.max(cap, MIN_BUFFER)}`,
  ];
  if (lenient) args.push('strict_mode=false');
  return `SELECT * FROM read_csv(${args.join(', ')})`;
}

/**
 * The head of a first chunk read again (two-pass read): its header row and the rows to skip
 * (Excel's `sep=` line and a `#` preamble among them, which the sniffer does not skip itself).
 */
async function firstHead(
  run: RunSql,
  slot: string,
  bytes: Uint8Array,
  part: Extract<CsvStreamPart, { part: 'next' }>,
  dialect: CsvDialect,
  header: boolean,
  longest: number,
): Promise<PartHead | undefined> {
  if (part.recordsBefore !== 0) return undefined;
  const { lines } = headSkip(bytes);
  return { header, skip: await sniffSkipRows(run, slot, dialect, header, lineCap(longest), lines) };
}

/** A later part's value that does not fit its column's type, as CSV_READ with the file's line. */
function conversionError(fileName: string, msg: string, line: number | undefined): Error {
  const m = /converting column "(.*?)"\. Could not convert string "(.*?)" to '(\w+)'/s.exec(msg);
  const where = line === undefined ? '' : `line ${line}, `;
  if (!m) return new Error(msg);
  return new PetroflowException(
    petroflowError(
      'CSV_READ',
      `${fileName}: ${where}column "${m[1]}": the value "${m[2]}" is not a ${m[3]}, the type detected for it from the chunks of this large file (read in two passes), yet it does not fit when the file is read. Fix or remove the value, or quote that column's values so it is read as text.`,
      { file: fileName, ...(line === undefined ? {} : { line }), field: m[1] },
    ),
  );
}

/** A pass-1 probe of one chunk (see source-csv-probe.ts): an empty table with the answer. */
async function probe(
  run: RunSql,
  slot: string,
  bytes: Uint8Array,
  part: Extract<CsvStreamPart, { part: 'next' }>,
  header: boolean,
  holds: PartHolds,
): Promise<Table | undefined> {
  const request = probeRequest(part);
  if (!request) return undefined;
  const { mode, dialect } = request;
  const longest = partShape(bytes, dialect, part.linesBefore).longest;
  const head = await firstHead(run, slot, bytes, part, dialect, header, longest);
  const readSql = (types: readonly string[], lenient: boolean): string => {
    const columns = dialect.columns.map((c, i) => ({ name: c.name, type: types[i] ?? c.type }));
    return nextPartSql(slot, { ...dialect, columns }, longest, lenient, head);
  };
  const sniffArgs = dialectArgs(slot, dialect, head?.header ?? false, lineCap(longest));
  const given = head ? headSkip(bytes).lines : 0;
  if (given > 0) sniffArgs.push(`skip=${given}`);
  return probeChunk(run, mode, dialect, readSql, sniffArgs, holds);
}

async function readNextPart(
  run: RunSql,
  slot: string,
  fileName: string,
  bytes: Uint8Array,
  part: Extract<CsvStreamPart, { part: 'next' }>,
  header: boolean,
): Promise<{ table: Table; warnings: string[] }> {
  const holds = partHolds(bytes);
  const probed = await probe(run, slot, bytes, part, header, holds);
  if (probed) return { table: probed, warnings: [] };
  const lineOf = (msg: string): number | undefined => {
    const m = /CSV Error on Line: (\d+)/.exec(msg);
    return m ? part.recordsBefore + Number(m[1]) : undefined;
  };
  const warnings: string[] = [];
  const shape = partShape(bytes, part.dialect, part.linesBefore);
  const head = await firstHead(run, slot, bytes, part, part.dialect, header, shape.longest);
  const read = (d: CsvDialect, lenient: boolean): string =>
    nextPartSql(slot, d, shape.longest, lenient, head);
  let table: Table | undefined;
  let lenient = false;
  while (table === undefined) {
    try {
      table = await run(markedPartSql(holds, part.dialect, (d) => read(d, lenient)));
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      const line = lineOf(msg);
      if (/^Conversion Error/.test(msg)) throw conversionError(fileName, msg, line);
      if (!lenient && /^Invalid Input Error/.test(msg)) {
        warnings.push(
          `${fileName}: DuckDB could not read it strictly near line ${line ?? '?'} (${msg.split('\n')[0] ?? msg}); read leniently (strict_mode=false): check rows with extra values or stray quotes.`,
        );
        lenient = true;
        continue;
      }
      const at = line === undefined ? msg : msg.replace(/Line: \d+/, `Line: ${line}`);
      throw new Error(at);
    }
  }
  const mark = commentLoss(fileName, bytes, part);
  if (mark) warnings.push(mark);
  const text = part.dialect.columns.map((c) => ({ ...c, type: 'VARCHAR' }));
  const rowsBefore = Math.max(0, part.recordsBefore - (header ? 1 : 0));
  warnings.push(
    ...(await laterPartWarnings(
      run,
      fileName,
      holds,
      { dialect: part.dialect, rowsBefore },
      table,
      () => read({ ...part.dialect, columns: text }, lenient),
    )),
  );
  return { table: withMetadata(table, CSV_SHAPE_KEY, JSON.stringify(shape)), warnings };
}

/**
 * A warning when the comment mark `#` of the file's dialect (sniffed from its first chunk, where
 * it dropped and cut nothing) drops a row or cuts a value in this later part (csv-comment.ts).
 */
function commentLoss(
  fileName: string,
  bytes: Uint8Array,
  part: Extract<CsvStreamPart, { part: 'next' }>,
): string | undefined {
  const d = part.dialect;
  if (d.comment !== '#' || d.delimiter.length !== 1) return undefined;
  const c = scanComments(bytes, d.delimiter.charCodeAt(0), part.linesBefore, d.columns.length);
  if (c.row === 0 && c.cut === 0) return undefined;
  const what =
    c.row > 0
      ? `line ${c.row} is a row starting with "#", which is dropped`
      : `line ${c.cut} holds a "#" inside a value, which is cut there`;
  return `${fileName}: DuckDB took "#" for a comment mark in the first chunk of this large file, but ${what} (as is every such line and value): quote values holding "#", or remove the comment lines from the file, and read it again.`;
}

/** Reads one part of a streamed CSV from the registered slot (see the module comment). */
export async function readCsvPart(
  run: RunSql,
  slot: string,
  fileName: string,
  bytes: Uint8Array,
  options: CsvSettings & { stream: CsvStreamPart },
): Promise<{ table: Table; warnings: string[] }> {
  const { stream } = options;
  if (stream.part === 'next')
    return readNextPart(run, slot, fileName, bytes, stream, options.header);
  const read = await readCsvWithPolicy(run, slot, fileName, bytes, options);
  const dialect = await sniffDialect(run, slot, read.table, options, read);
  if (dialect === undefined) return read;
  const table = withMetadata(read.table, CSV_STREAM_KEY, JSON.stringify(dialect));
  return {
    warnings: read.warnings,
    table: read.sampledAll ? withMetadata(table, CSV_SAMPLED_ALL_KEY, 'true') : table,
  };
}
