/**
 * Reading one CSV file for `source.csv`. A file of at most one chunk (8 MiB), or one the host
 * cannot serve by ranges, is read whole with DuckDB's sniffer as it always was. A larger file is
 * read in record-aligned chunks (csv-chunks.ts) in two passes (source-csv-passes.ts): the first
 * chunk is sniffed like a whole file; when its column types do not fit a later chunk, the types
 * are detected from every chunk and widened as a whole-file detection would; then every chunk is
 * read with the final types and its batches yielded, so the engine's bounded channels hold the
 * reader back. Files that are not plain UTF-8, or whose sniffed quoting is not `"` (or none), are
 * read whole (rare; correct, not bounded). Files of a glob are opened by source-csv-open.ts.
 */
import type { RecordBatch } from 'apache-arrow';
import { openRanged } from '../file-range.ts';
import type { CsvSettings, RunContext } from '../types.ts';
import { readWhole } from './source-csv-parts.ts';
import { streamed } from './source-csv-passes.ts';
import { atNode } from './shared.ts';

const ID = 'source.csv';
/** Bytes per chunk of a streamed CSV (8 MiB); files up to this size are read whole. */
export const CSV_CHUNK_BYTES = 8 << 20;

/** DuckDB's default `sample_size`: the first chunk holds at least this many records. */
export const CSV_SAMPLE_ROWS = 20_480;

/** Chunking of large files (tests use a few bytes and rows to make many chunks of small data). */
export interface CsvChunking {
  /** Bytes per chunk; files up to this size are read whole. */
  readonly chunkBytes: number;
  /** Records the first chunk holds at least, so types are sniffed from as many rows as DuckDB does. */
  readonly sampleRows: number;
  /** Bytes of first-chunk tables a glob keeps from its schema reads (source-csv-open.ts). */
  readonly holdBytes: number;
}

/** How one file is read: the node's delimiter/header/decimal, and the chunking. */
export interface CsvReadOptions extends CsvChunking, CsvSettings {}

/**
 * The batches of CSV file `name` (see the module comment); reading errors name the node and its
 * `file` parameter.
 */
export async function* csvFileBatches(
  name: string,
  o: CsvReadOptions,
  ctx: RunContext,
): AsyncGenerator<RecordBatch> {
  try {
    const ranged = await openRanged(ctx.files, name, o.chunkBytes);
    if (!ranged || ranged.head.length < o.chunkBytes) {
      yield* (await readWhole(name, ranged?.head, o, ctx)).batches;
      return;
    }
    yield* streamed(name, ranged.file, ranged.head, o, ctx);
  } catch (e) {
    throw atNode(e, ctx.nodeId, ID, 'params.file');
  }
}
