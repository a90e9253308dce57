/**
 * Opening the files of a `source.csv` glob: every file's schema is needed before any batch (the
 * stacked schema), so each file is planned now and read later. A small file is read now and its
 * table kept while the glob's kept tables fit in `CsvHold`, else read again when its turn comes. Of
 * a large one, passes 1 and 2 run now (source-csv-passes.ts) and step 3 later; its
 * first chunk's table, read now for the schema, is kept and yielded first while the tables kept
 * by the glob fit in `CsvHold` (a fixed byte budget, so memory does not grow with the number of
 * files); past it, the first chunk is read again when its turn comes. The plan's warnings are
 * given when the file's batches are read, where a whole read of it gives them.
 */
import { Schema, type RecordBatch, type Table } from 'apache-arrow';
import { openRanged } from '../file-range.ts';
import type { RunContext } from '../types.ts';
import { readWhole, withoutStreamMeta } from './source-csv-parts.ts';
import {
  firstTable,
  planStreamed,
  readPlanned,
  type CsvPlan,
  type CsvSource,
} from './source-csv-passes.ts';
import type { CsvReadOptions } from './source-csv-stream.ts';
import { atNode } from './shared.ts';

const ID = 'source.csv';

/** Bytes of first-chunk tables one glob keeps between its schema reads and its batches. */
export const CSV_HOLD_BYTES = 32 << 20;

/** What is left of a glob's budget for kept first-chunk tables (bytes). */
export interface CsvHold {
  left: number;
}

/** A file of a glob: its schema now, its batches later (for stacking several files). */
export interface CsvFile {
  readonly schema: Schema;
  batches(): AsyncIterable<RecordBatch> | Iterable<RecordBatch>;
}

/** Bytes of a table's buffers. */
export function tableBytes(table: Table): number {
  return table.batches.reduce((n, b) => n + b.data.byteLength, 0);
}

/** The schema of the first batch (empty when there is none), as the stacked schema takes it. */
async function firstSchema(batches: AsyncIterable<RecordBatch>): Promise<Schema> {
  for await (const b of batches) return withoutStreamMeta(b.schema);
  return new Schema([]);
}

/** Step 3 of a planned file, the plan's warnings first; holds only `kept` (not the plan's table). */
function later(
  s: CsvSource,
  plan: CsvPlan,
  kept: Table | undefined,
  warnings: readonly string[],
  ctx: RunContext,
): () => AsyncGenerator<RecordBatch> {
  const planned: CsvPlan = plan.whole ? plan : { ...plan, first: undefined };
  return async function* () {
    for (const w of warnings) ctx.warn(w);
    try {
      yield* readPlanned(s, planned, kept, ctx);
    } catch (e) {
      throw atNode(e, ctx.nodeId, ID, 'params.file');
    }
  };
}

async function openLarge(s: CsvSource, ctx: RunContext, hold: CsvHold): Promise<CsvFile> {
  const warnings: string[] = [];
  const plan = await planStreamed(s, { ...ctx, warn: (w) => void warnings.push(w) });
  if (!plan) return { schema: new Schema([]), batches: () => [] };
  const first = await firstTable(s, plan, ctx);
  // The file's first bytes are read again through `file` rather than held.
  const rest: CsvSource = { name: s.name, file: s.file, o: s.o };
  if (!first || first.batches.length === 0) {
    const quiet: RunContext = { ...ctx, warn: () => undefined };
    const schema = await firstSchema(readPlanned(rest, plan, first, quiet));
    return { schema, batches: later(rest, plan, undefined, warnings, ctx) };
  }
  const bytes = tableBytes(first);
  const keep = bytes <= hold.left;
  if (keep) hold.left -= bytes;
  const kept = keep ? first : undefined;
  return {
    schema: withoutStreamMeta(first.schema),
    batches: later(rest, plan, kept, warnings, ctx),
  };
}

/**
 * A file read whole: its table is kept for its batches while it fits in `hold`; past it, only the
 * schema is kept and the file is read again when its turn comes (its warnings are given then).
 */
async function openSmall(
  name: string,
  head: Uint8Array | undefined,
  o: CsvReadOptions,
  ctx: RunContext,
  hold: CsvHold,
): Promise<CsvFile> {
  const warnings: string[] = [];
  const table = await readWhole(name, head, o, { ...ctx, warn: (w) => void warnings.push(w) });
  const bytes = tableBytes(table);
  if (bytes <= hold.left) {
    hold.left -= bytes;
    for (const w of warnings) ctx.warn(w);
    return { schema: table.schema, batches: () => table.batches };
  }
  return {
    schema: table.schema,
    batches: async function* () {
      try {
        yield* (await readWhole(name, undefined, o, ctx)).batches;
      } catch (e) {
        throw atNode(e, ctx.nodeId, ID, 'params.file');
      }
    },
  };
}

/**
 * Opens `name` for stacking (see the module comment); reading errors name the node and its
 * `file` parameter.
 */
export async function openCsvFile(
  name: string,
  o: CsvReadOptions,
  ctx: RunContext,
  hold: CsvHold,
): Promise<CsvFile> {
  try {
    const ranged = await openRanged(ctx.files, name, o.chunkBytes);
    if (!ranged || ranged.head.length < o.chunkBytes)
      return await openSmall(name, ranged?.head, o, ctx, hold);
    return await openLarge({ name, file: ranged.file, head: ranged.head, o }, ctx, hold);
  } catch (e) {
    throw atNode(e, ctx.nodeId, ID, 'params.file');
  }
}
