/**
 * `source.csv`: reads a CSV file with DuckDB's sniffer (through `ctx.sql.readCsv`), or several
 * matched by a glob, stacked in sorted name order like `source.las` (union of columns by name).
 */
import type { RecordBatch, Table } from 'apache-arrow';
import { bool, defineParams, text } from '../params.ts';
import type { RunContext, SourceOperator } from '../types.ts';
import { matchFiles } from './glob.ts';
import { atNode, outPort, paramError, withDefaults, type ParamsType } from './shared.ts';
import { conformBatch, stackSchemas } from './stack.ts';
import { PetroflowException } from '../../model/errors.ts';

const ID = 'source.csv';
/** Schema metadata where the SQL engine's readCsv puts its warnings (src/workers/duckdb/csv-warnings.ts). */
const CSV_WARNINGS_KEY = 'csv.warnings';

function readWarnings(table: Table): string[] {
  try {
    const parsed: unknown = JSON.parse(table.schema.metadata.get(CSV_WARNINGS_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((w): w is string => typeof w === 'string') : [];
  } catch {
    return [];
  }
}

const params = defineParams({
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
      'The character between values: "auto" lets DuckDB detect it (comma, semicolon, tab, pipe...), or type one character.',
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
});

/** Parameters of `source.csv`. */
export type SourceCsvParams = ParamsType<typeof params>;

async function* read(raw: SourceCsvParams, ctx: RunContext): AsyncGenerator<RecordBatch> {
  const p = withDefaults(params, raw, ID);
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
  const tables = [];
  for (const name of names) {
    const file = await ctx.files.read(name);
    try {
      const table = await ctx.sql.readCsv(name, file.bytes, p);
      for (const w of readWarnings(table)) ctx.warn(w);
      tables.push({ name, table });
    } catch (e) {
      throw atNode(e, ctx.nodeId, ID, 'params.file');
    }
    if (ctx.signal.aborted) return;
  }
  const stacked = stackSchemas(tables.map((t) => ({ file: t.name, schema: t.table.schema })));
  for (const note of stacked.notes) ctx.warn(note);
  let rows = 0;
  for (const { table } of tables) {
    for (const batch of table.batches) {
      rows += batch.numRows;
      ctx.progress(rows);
      yield tables.length === 1 ? batch : conformBatch(batch, stacked.schema);
    }
  }
}

/** `source.csv` 1.0.0. */
export const sourceCsv: SourceOperator<SourceCsvParams> = {
  kind: 'source',
  id: ID,
  version: '1.0.0',
  channel: 'stable',
  title: 'CSV files',
  category: 'Sources',
  description:
    "Reads a CSV file with DuckDB's sniffer (delimiter, quoting and column types detected). UTF-16 and Windows-1252 files are converted to UTF-8 first; empty files, images, binary data and LAS files are refused with an error saying so. Short rows are padded with nulls and rows with extra values read leniently, both with a warning naming the first such line; when a column's type detected from the first rows does not fit a later row, types are detected from the whole file. A glob (e.g. *.csv) stacks several files in sorted name order: columns are matched by name and a column missing from a file is null there; a column that is numeric in one file and text in another becomes text.",
  params,
  inputs: () => [],
  outputs: outPort,
  outputSchema: () => undefined,
  read,
};
