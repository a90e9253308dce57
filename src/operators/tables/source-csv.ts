/**
 * `source.csv`: reads a CSV file with DuckDB's sniffer (through `ctx.sql.readCsv`), or several
 * matched by a glob, stacked in sorted name order like `source.las` (union of columns by name).
 * 1.1.0 adds the decimal separator (`.` or `,`), for files written with decimal commas, and a
 * missing-value number (csv-missing.ts).
 */
import type { RecordBatch } from 'apache-arrow';
import { bool, defineParams, num, oneOf, text } from '../params.ts';
import type { ParamMigration, RunContext, SourceOperator } from '../types.ts';
import { matchFiles } from './glob.ts';
import { outPort, paramError, withDefaults, type ParamsType } from './shared.ts';
import { CSV_HOLD_BYTES, openCsvFile } from './source-csv-open.ts';
import {
  CSV_CHUNK_BYTES,
  CSV_SAMPLE_ROWS,
  csvFileBatches,
  type CsvChunking,
} from './source-csv-stream.ts';
import { conformBatch, stackSchemas } from './stack.ts';
import { nullifyMissing, usualNullsIn } from './csv-missing.ts';
import { PetroflowException } from '../../model/errors.ts';

const ID = 'source.csv';

const baseParams = {
  file: text({
    title: 'File',
    description:
      'A CSV file name, or a glob such as *.csv to stack several files (in sorted name order, columns matched by name).',
    minLength: 1,
    maxLength: 1024,
    widget: 'file',
  }),
  delimiter: text({
    title: 'Delimiter',
    description:
      'The character between values: "auto" detects it (comma, semicolon, tab or pipe: the one that splits every row of the file\'s head alike, else DuckDB\'s choice), or type one character.',
    default: 'auto',
    minLength: 1,
    maxLength: 4,
  }),
  header: bool({
    title: 'Header row',
    description:
      'Whether the first row holds column names. Without it, columns are named column0, column1...',
    default: true,
  }),
};

const params = defineParams(baseParams);

const paramsV110 = defineParams({
  ...baseParams,
  decimal: oneOf(['.', ','] as const, {
    title: 'Decimal separator',
    description:
      'How numbers are written: "." (1000.5) or "," (1000,5, as in many European exports; the delimiter is then not a comma: "auto" picks semicolon, tab or pipe).',
    default: '.',
  }),
  nullValue: num({
    title: 'Missing value',
    description:
      'A number that means "no value" in the numeric columns, such as -999.25 (the NULL of most LAS exports): values equal to it become null. Empty fields are always missing.',
    optional: true,
  }),
});

/** Parameters of `source.csv` 1.0.0. */
export type SourceCsvParams = ParamsType<typeof params>;
/** Parameters of `source.csv` 1.1.0. */
export type SourceCsvParamsV110 = ParamsType<typeof paramsV110>;

/**
 * Reads the matched files: one file streams chunk by chunk (source-csv-stream.ts); several are
 * stacked under the union of their schemas (small ones read now, large ones planned now and
 * streamed in turn, source-csv-open.ts).
 */
export async function* readCsvFiles(
  raw: SourceCsvParams | SourceCsvParamsV110,
  ctx: RunContext,
  chunking: Partial<CsvChunking> = {},
): AsyncGenerator<RecordBatch> {
  // 1.0.0's parameters are 1.1.0's without `decimal` and `nullValue`, whose defaults read as 1.0.0.
  const p = withDefaults<SourceCsvParamsV110>(paramsV110, raw, ID);
  const { decimal } = p;
  if (decimal === ',' && p.delimiter === ',') {
    throw new PetroflowException(
      paramError(
        ID,
        'delimiter',
        '"," is also the decimal separator: set the delimiter to ";" (or a tab), or to "auto".',
        ctx.nodeId,
      ),
    );
  }
  if (p.delimiter !== 'auto' && [...p.delimiter].length !== 1) {
    throw new PetroflowException(
      paramError(
        ID,
        'delimiter',
        `"${p.delimiter}" is neither "auto" nor a single character.`,
        ctx.nodeId,
      ),
    );
  }
  const names = matchFiles(ctx.files, p.file, { nodeId: ctx.nodeId, op: ID });
  const o = {
    delimiter: p.delimiter,
    header: p.header,
    ...(decimal === ',' ? { decimal } : {}),
    chunkBytes: chunking.chunkBytes ?? CSV_CHUNK_BYTES,
    sampleRows: chunking.sampleRows ?? CSV_SAMPLE_ROWS,
    holdBytes: chunking.holdBytes ?? CSV_HOLD_BYTES,
  };
  const finish = finisher(p.nullValue, p.file, ctx);
  let rows = 0;
  if (names.length === 1) {
    for await (const batch of csvFileBatches(names[0] as string, o, ctx)) {
      rows += batch.numRows;
      ctx.progress(rows);
      yield finish(batch);
    }
    return;
  }
  const files = [];
  const hold = { left: o.holdBytes };
  for (const name of names) {
    files.push({ name, file: await openCsvFile(name, o, ctx, hold) });
    if (ctx.signal.aborted) return;
  }
  const stacked = stackSchemas(files.map((f) => ({ file: f.name, schema: f.file.schema })));
  for (const note of stacked.notes) ctx.warn(note);
  for (const { file } of files) {
    for await (const batch of file.batches()) {
      if (ctx.signal.aborted) return;
      rows += batch.numRows;
      ctx.progress(rows);
      yield finish(conformBatch(batch, stacked.schema));
    }
  }
}

/**
 * What every batch goes through: values equal to `nullValue` made null; without one, the first
 * batch is looked at once for the usual LAS missing-value numbers (a warning suggests the setting).
 */
function finisher(
  nullValue: number | undefined,
  file: string,
  ctx: RunContext,
): (batch: RecordBatch) => RecordBatch {
  if (nullValue !== undefined) return (batch) => nullifyMissing(batch, nullValue);
  let looked = false;
  return (batch) => {
    if (looked || batch.numRows === 0) return batch;
    looked = true;
    const found = usualNullsIn(batch);
    if (found.length > 0) {
      const list = found.map((f) => `"${f.column}" (${f.value})`).join(', ');
      const value = found[0]?.value ?? -999.25;
      ctx.warn(
        `${file}: numeric ${found.length === 1 ? 'column' : 'columns'} ${list} ${found.length === 1 ? 'holds' : 'hold'} the usual "no value" number of LAS exports, read as a value: set this node's "Missing value" to ${value} (source.csv 1.1.0) to make such values null.`,
      );
    }
    return batch;
  };
}

const DESCRIPTION =
  "Reads a CSV file with DuckDB's sniffer (delimiter, quoting and column types detected; when exactly one of comma, semicolon, tab and pipe splits every row of the file's first 64 KB into the same number of values, that is the delimiter, so a semicolon file with decimal commas is not cut at its commas; text columns holding numbers written with decimal commas, and numeric columns holding -999.25 or -9999 (the usual missing values of LAS exports), are named in a warning). An Excel first line such as sep=; names the delimiter and is skipped. Lines starting with # before the header are skipped as comments, with a warning; where DuckDB's sniffer takes # for a comment mark that would drop a row starting with # or cut a value at a # (Well #3), the file is read without a comment mark, with a warning. Text columns that are numbers but for a few values (N/A, -, a row of units under the header) and numbers written with thousands separators (12,345,678; 1,000 may be either) are named in a warning saying what to do. Columns of numbers holding the marks of old Windows exports (-1.#IND, 1.#QNAN, 1.#INF) are read as numbers, those marks as NaN and infinity, with a warning; ids written in hexadecimal (0x1F) stay text as written, with a warning giving the cast to an integer; a column name repeated in the header up to case (GR, gr, GR) is renamed by DuckDB (gr_1, GR_2), with a warning naming the columns. UTF-16 and Windows-1252 files are converted to UTF-8 first; empty files, images, binary data and LAS files are refused with an error saying so. Short rows are padded with nulls and rows with extra values read leniently, both with a warning naming the first such line; when a column's type detected from the first rows (DuckDB's sample of 20 480) does not fit a later row, types are detected from the whole file; a later number with a decimal point or an exponent (12.5, 1e3) does not fit an integer column, so that column becomes DOUBLE and no value is rounded, and a later time of day (2024-02-01 10:30:00) does not fit a DATE column, so that column becomes TIMESTAMP and no time is dropped. Files up to 8 MiB are read whole; a larger UTF-8 file is read in 8 MiB chunks with bounded memory and gives the same table: its first chunk is sniffed as above, every later chunk is checked against those types (the same way) before any row is output, and when one does not fit, the types of every chunk are detected from all its rows and combined as a whole-file detection does (integers with decimals give DOUBLE, dates with timestamps TIMESTAMP, other mixes text), then the file is read with the final types. A glob (e.g. *.csv) stacks several files in sorted name order: columns are matched by name and a column missing from a file is null there; a column that is numeric in one file and text in another becomes text.";

/** `source.csv` 1.0.0. */
export const sourceCsv: SourceOperator<SourceCsvParams> = {
  kind: 'source',
  id: ID,
  version: '1.0.0',
  channel: 'stable',
  title: 'CSV files',
  category: 'Sources',
  description: DESCRIPTION,
  params,
  inputs: () => [],
  outputs: outPort,
  outputSchema: () => undefined,
  read: (p, ctx) => readCsvFiles(p, ctx),
};

/** The migration from 1.0.0: adds `decimal` ("."), which reads files exactly as 1.0.0 did. */
export const sourceCsvMigration110: ParamMigration = {
  from: '1.0.0',
  changes:
    'Adds the parameters "decimal" (set to ".") and "nullValue" (left empty): files are read exactly as before. Set "decimal" to "," for files whose numbers are written with a decimal comma (1000,5), which 1.0.0 reads as text; set "nullValue" to -999.25 (say) to make that number null.',
  migrate: (p) => ({ ...p, decimal: '.' }),
};

/** `source.csv` 1.1.0: 1.0.0 plus the decimal separator. */
export const sourceCsvV110: SourceOperator<SourceCsvParamsV110> = {
  ...sourceCsv,
  version: '1.1.0',
  description: `${DESCRIPTION} Version 1.1.0: "decimal" sets the decimal separator; with "," numbers such as 1000,5 are read as numbers (DuckDB's decimal_separator) and the delimiter is semicolon, tab or pipe. "nullValue" (optional) makes every numeric value equal to it null, as LAS's NULL does.`,
  params: paramsV110,
  migration: sourceCsvMigration110,
  read: (p, ctx) => readCsvFiles(p, ctx),
};
