/**
 * A CSV file larger than one chunk, read so that its table equals a whole-file read (source.csv
 * 1.0.0: "when a column's type detected from the first rows does not fit a later row, types are
 * detected from the whole file") with memory bounded by a few chunks:
 * 1. The first chunk is read like a whole file (sniffer on its first rows, at least as many as
 *    DuckDB samples): dialect and types T0. Unless every column is text, each later chunk is then
 *    checked (converted, not sent back) against T0, stopping at the first that does not fit (or
 *    at once when T0 did not fit the first chunk's own rows, so was detected from all of them).
 *    A number written as a decimal ("12.5", "1e3") does not fit an integer column, although
 *    DuckDB's cast would round it: whole-file detection types such a column DOUBLE.
 * 2. Only when one does not fit: DuckDB detects each chunk's types from all its rows with the
 *    file's dialect, and they are widened as DuckDB's whole-file detection does (source-csv-types).
 * 3. Every chunk is read with the final types and its batches yielded (the first chunk's table
 *    from step 1 is kept and yielded when T0 is final).
 * Nothing is yielded before the types are final, so a later value can never change a type after
 * batches have left. Steps 1-2 (`planStreamed`) and 3 (`readPlanned`) are apart so a glob can
 * plan every file for its schema before reading any (source-csv-open.ts).
 */
import type { RecordBatch, Schema, Table } from 'apache-arrow';
import { PetroflowException, petroflowError } from '../../model/errors.ts';
import type { CsvDialect, CsvSettings, CsvStreamPart, RangedFile, RunContext } from '../types.ts';
import { CsvChunker, type CsvChunk } from './csv-chunks.ts';
import {
  dialectOf,
  isPlainUtf8,
  metaJson,
  readWhole,
  CSV_SAMPLED_ALL_KEY,
  CSV_SHAPE_KEY,
  tableWarnings,
  under,
  withoutStreamMeta,
} from './source-csv-parts.ts';
import { probeAnswer, probePart, type CsvProbeAnswer } from './source-csv-probe.ts';
import { TypeWidening } from './source-csv-types.ts';

/** How a large file is cut and read. */
export interface CsvPassOptions extends CsvSettings {
  readonly chunkBytes: number;
  readonly sampleRows: number;
}

/** A large file: its ranged reader and first bytes (read again through `file` when absent). */
export interface CsvSource {
  readonly name: string;
  readonly file: RangedFile;
  readonly head?: Uint8Array;
  readonly o: CsvPassOptions;
}

/**
 * What passes 1 and 2 decided for a large file: read it whole, or in chunks with `dialect` (the
 * first chunk's types when they `fit` every chunk, with that chunk's table `first`, else the
 * widened types); `single` when the file turned out to be one chunk.
 */
export type CsvPlan =
  | { readonly whole: true }
  | {
      readonly whole: false;
      readonly dialect: CsvDialect;
      readonly fits: boolean;
      readonly single: boolean;
      readonly first: Table | undefined;
    };

/** The chunks of the file, cut alike in every pass (the dialect's quoting after the first). */
async function* chunksOf(
  s: CsvSource,
  quoting: () => CsvDialect | undefined,
): AsyncGenerator<CsvChunk> {
  const chunker = new CsvChunker(
    s.file,
    s.o.chunkBytes,
    s.head,
    s.o.sampleRows + (s.o.header ? 1 : 0),
  );
  for await (const chunk of chunker.chunks()) {
    yield chunk;
    const d = chunk.index === 0 ? quoting() : undefined;
    if (d) chunker.setQuoting(d.quote === '"' ? 0x22 : -1, d.escape === '"' ? 0x22 : -1);
  }
}

async function probe(
  s: CsvSource,
  chunk: CsvChunk,
  d: CsvDialect,
  mode: 'check' | 'detect',
  ctx: RunContext,
): Promise<CsvProbeAnswer> {
  const stream = probePart(d, mode, chunk.recordsBefore, chunk.linesBefore);
  const t = await ctx.sql.readCsv(s.name, chunk.bytes, { ...s.o, stream });
  const answer = probeAnswer(t);
  if (!answer)
    throw new PetroflowException(
      petroflowError('INTERNAL', `${s.name}: the SQL engine did not answer a CSV type probe.`),
    );
  return answer;
}

/** Step 2: the final dialect from every chunk's detected types (undefined when aborted). */
async function detectAll(
  s: CsvSource,
  d: CsvDialect,
  ctx: RunContext,
): Promise<CsvDialect | undefined> {
  const widening = new TypeWidening(d.columns.length, d);
  for await (const chunk of chunksOf(s, () => d)) {
    if (ctx.signal.aborted) return undefined;
    // Formats found so far are fixed for later chunks: the file is read with one of each.
    const known = {
      ...d,
      dateFormat: widening.dateFormat,
      timestampFormat: widening.timestampFormat,
    };
    const { detected } = await probe(s, chunk, known, 'detect', ctx);
    if (detected) widening.add(detected);
  }
  const types = widening.result();
  return {
    ...d,
    dateFormat: types.includes('DATE') ? widening.dateFormat : null,
    timestampFormat: types.some((t) => t.startsWith('TIMESTAMP')) ? widening.timestampFormat : null,
    columns: d.columns.map((c, i) => ({ name: c.name, type: types[i] ?? 'VARCHAR' })),
  };
}

/** A warning without the details in parentheses (the values and rows one chunk found). */
function sameWarning(w: string): string {
  return w.replace(/\([^()]*\)/g, '()');
}

/**
 * Step 3: every chunk read with `d`; the first is skipped when its table `first` is given, or
 * read as in step 1 (`again`: `d` is its own dialect, its table was not kept).
 */
async function* readAll(
  s: CsvSource,
  d: CsvDialect,
  first: Table | undefined,
  again: boolean,
  ctx: RunContext,
): AsyncGenerator<RecordBatch> {
  let schema: Schema | undefined = first && withoutStreamMeta(first.schema);
  if (first) yield* first.batches.map((b) => under(schema as Schema, b));
  // A column's warning once: chunks name their own values and rows (in parentheses) of it.
  const said = new Set((first ? tableWarnings(first) : []).map(sameWarning));
  const shape = { short: 0, long: 0, firstShort: 0, firstLong: 0 };
  let firstLines = 0;
  for await (const chunk of chunksOf(s, () => d)) {
    if (ctx.signal.aborted) return;
    if (chunk.index === 0 && first) continue;
    const stream: CsvStreamPart =
      chunk.index === 0 && again
        ? { part: 'first' }
        : {
            part: 'next',
            dialect: d,
            recordsBefore: chunk.recordsBefore,
            linesBefore: chunk.linesBefore,
          };
    const table = await ctx.sql.readCsv(s.name, chunk.bytes, { ...s.o, stream });
    schema ??= withoutStreamMeta(table.schema);
    // The first chunk read again: its warnings were given when it was read in step 1.
    if (chunk.index > 0) {
      for (const w of tableWarnings(table)) {
        const key = sameWarning(w);
        if (!said.has(key)) ctx.warn(w);
        said.add(key);
      }
      const p = metaJson(table, CSV_SHAPE_KEY) as typeof shape | null;
      if (p) {
        shape.short += p.short;
        shape.long += p.long;
        shape.firstShort ||= p.firstShort;
        shape.firstLong ||= p.firstLong;
      }
      firstLines ||= chunk.linesBefore;
    }
    for (const b of table.batches) yield under(schema, b);
  }
  const n = d.columns.length;
  if (shape.short > 0)
    ctx.warn(
      `${s.name}: ${shape.short} rows after line ${firstLines} have fewer than ${n} values (first at line ${shape.firstShort}); the missing values are null.`,
    );
  if (shape.long > 0)
    ctx.warn(
      `${s.name}: ${shape.long} rows after line ${firstLines} have more than ${n} values (first at line ${shape.firstLong}); the extra values are dropped.`,
    );
}

/** Steps 1 and 2 of a large file (see the module comment); undefined when aborted. */
export async function planStreamed(s: CsvSource, ctx: RunContext): Promise<CsvPlan | undefined> {
  let dialect: CsvDialect | undefined;
  let first: Table | undefined;
  let fits = true;
  let textOnly = false;
  let chunks = 0;
  // Step 1.
  for await (const chunk of chunksOf(s, () => dialect)) {
    if (ctx.signal.aborted) return undefined;
    chunks++;
    if (chunk.index > 0) {
      if (!(await probe(s, chunk, dialect as CsvDialect, 'check', ctx)).fits) {
        fits = false;
        break;
      }
      continue;
    }
    first = isPlainUtf8(chunk.bytes)
      ? await ctx.sql.readCsv(s.name, chunk.bytes, { ...s.o, stream: { part: 'first' } })
      : undefined;
    dialect = first && dialectOf(first);
    // Not UTF-8, or quoting the chunker cannot follow: the whole file, as always (unbounded).
    if (!first || !dialect) return { whole: true };
    for (const w of tableWarnings(first)) ctx.warn(w);
    // The first rows' types did not fit the first chunk: a whole-file read detects from all rows.
    if (metaJson(first, CSV_SAMPLED_ALL_KEY) === true) {
      fits = false;
      break;
    }
    // Every value fits text: nothing to check.
    textOnly = dialect.columns.every((c) => c.type === 'VARCHAR');
    if (textOnly) break;
  }
  if (!dialect || ctx.signal.aborted) return undefined;
  // A single chunk after all (the first holds at least `sampleRows` records).
  const single = fits && !textOnly && chunks === 1;
  if (fits) return { whole: false, dialect, fits, single, first };
  const final = await detectAll(s, dialect, ctx);
  if (!final || ctx.signal.aborted) return undefined;
  return { whole: false, dialect: final, fits, single, first: undefined };
}

/**
 * The first chunk's table as step 3 yields it (undefined when the file is read whole): the
 * plan's when its types are final, else the chunk read with the final types.
 */
export async function firstTable(
  s: CsvSource,
  plan: CsvPlan,
  ctx: RunContext,
): Promise<Table | undefined> {
  if (plan.whole) return undefined;
  if (plan.fits) return plan.first;
  const { dialect } = plan;
  for await (const chunk of chunksOf(s, () => dialect)) {
    const { recordsBefore, linesBefore } = chunk;
    const stream = { part: 'next' as const, dialect, recordsBefore, linesBefore };
    return ctx.sql.readCsv(s.name, chunk.bytes, { ...s.o, stream });
  }
  return undefined;
}

/**
 * Step 3 of a planned file: its batches, starting with `first` (see `firstTable`) when given;
 * without it the first chunk is read again (its warnings were given with the plan).
 */
export async function* readPlanned(
  s: CsvSource,
  plan: CsvPlan,
  first: Table | undefined,
  ctx: RunContext,
): AsyncGenerator<RecordBatch> {
  if (plan.whole) {
    yield* (await readWhole(s.name, undefined, s.o, ctx)).batches;
    return;
  }
  if (plan.single && first) {
    const schema = withoutStreamMeta(first.schema);
    yield* first.batches.map((b) => under(schema, b));
    return;
  }
  yield* readAll(s, plan.dialect, first, plan.fits && !first, ctx);
}

/** The batches of a file larger than one chunk (see the module comment). */
export async function* streamed(
  name: string,
  file: RangedFile,
  head: Uint8Array,
  o: CsvPassOptions,
  ctx: RunContext,
): AsyncGenerator<RecordBatch> {
  const s: CsvSource = { name, file, head, o };
  const plan = await planStreamed(s, ctx);
  if (!plan || ctx.signal.aborted) return;
  yield* readPlanned(s, plan, plan.whole ? undefined : plan.first, ctx);
}
