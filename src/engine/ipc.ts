/**
 * Arrow IPC helpers. Batches cross worker boundaries and sit in the cache as IPC stream bytes: one
 * self-contained stream (schema + at most one batch) per chunk, so chunks can be sent, cached and
 * transferred one at a time, and a node output with no rows still carries its schema. A chunk may
 * also be a part of the group begun by the chunk before it (extra columns, or a row range: see
 * shared-chunks.ts); `decodeChunks` rebuilds the groups.
 */
import type { Data } from 'apache-arrow';
import { RecordBatch, RecordBatchStreamWriter, Schema, Table, tableFromIPC } from 'apache-arrow';
import { batchFromColumns } from '../operators/tables/arrow-util.ts';

/** One chunk of a node's output: an IPC stream holding the schema and zero or one batch. */
export type IpcChunk = Uint8Array;

/** Encodes one batch as a self-contained IPC stream. */
export function batchToIpc(batch: RecordBatch): IpcChunk {
  const writer = new RecordBatchStreamWriter();
  writer.write(batch);
  writer.finish();
  return owned(writer.toUint8Array(true));
}

/** Encodes a schema with no rows (the output of a node that produced no batch). */
export function schemaToIpc(schema: Schema): IpcChunk {
  const writer = new RecordBatchStreamWriter();
  writer.reset(undefined, schema);
  writer.finish();
  return owned(writer.toUint8Array(true));
}

/** Joins the chunks of one output into a table (schema of the first chunk or group). */
export function chunksToTable(chunks: readonly IpcChunk[]): Table {
  const { schema, batches } = decodeChunks(chunks);
  const s = schema ?? new Schema([]);
  return new Table(
    s,
    batches.map((b) => (b.schema === s ? b : new RecordBatch(s, b.data))),
  );
}

/** Metadata key of a columns part: the JSON list of the output's column names, in order. */
export const COLUMNS_KEY = 'petroflow.columns';
/** Metadata key of a rows part: JSON `[offset, length]` of the rows kept from the group. */
export const ROWS_KEY = 'petroflow.rows';

function merge(
  base: RecordBatch,
  part: RecordBatch,
  partSchema: Schema,
  order: string[],
): RecordBatch {
  const meta = new Map(partSchema.metadata);
  meta.delete(COLUMNS_KEY);
  const fields = [];
  const children: Data[] = [];
  for (const name of order) {
    const p = partSchema.fields.findIndex((f) => f.name === name);
    const b = base.schema.fields.findIndex((f) => f.name === name);
    if (p >= 0) {
      fields.push(partSchema.fields[p]!);
      children.push(part.data.children[p] as Data);
    } else if (b >= 0) {
      fields.push(base.schema.fields[b]!);
      children.push(base.data.children[b] as Data);
    } else throw new Error(`Shared chunk: column ${name} is in neither part.`);
  }
  return batchFromColumns(new Schema(fields, meta), children, base.numRows);
}

/** The schema and batches of a node's chunks (groups rebuilt; schema of the first chunk or group). */
export function decodeChunks(chunks: readonly IpcChunk[]): {
  schema: Schema | undefined;
  batches: RecordBatch[];
} {
  const batches: RecordBatch[] = [];
  let schema: Schema | undefined;
  let cur: RecordBatch | undefined;
  const flush = (): void => {
    if (cur) batches.push(cur);
    if (cur) schema ??= cur.schema;
    cur = undefined;
  };
  for (const c of chunks) {
    const t = tableFromIPC(c);
    const order = t.schema.metadata.get(COLUMNS_KEY);
    const rows = t.schema.metadata.get(ROWS_KEY);
    if (order !== undefined && cur) {
      const part = t.batches[0] ?? new RecordBatch(t.schema);
      cur = merge(cur, part, t.schema, JSON.parse(order) as string[]);
    } else if (rows !== undefined && cur) {
      const [offset, length] = JSON.parse(rows) as [number, number];
      cur = cur.slice(offset, offset + length);
    } else {
      flush();
      if (t.batches.length === 0) schema ??= t.schema;
      cur = t.batches[0];
      for (const extra of t.batches.slice(1)) {
        flush();
        cur = extra;
      }
    }
  }
  flush();
  return { schema, batches };
}

/** Splits a table into chunks (batchToChunks of each batch; a schema-only chunk when it has none). */
export function tableToChunks(table: Table): IpcChunk[] {
  const nonEmpty = table.batches.filter((b) => b.numRows > 0);
  if (nonEmpty.length === 0) return [schemaToIpc(table.schema)];
  return nonEmpty.flatMap((b) =>
    batchToChunks(b.schema === table.schema ? b : new RecordBatch(table.schema, b.data)),
  );
}

/**
 * Largest IPC chunk a batch is encoded into (1 MiB). Big fresh buffers are slow to allocate
 * (fresh pages from the OS on every allocation; measured here 15-30 ms per 16 MB against 2-4 ms
 * for the same bytes in 1 MB pieces), so a large batch travels as several smaller chunks.
 */
export const CHUNK_BYTES = 1 << 20;

/** Buffer bytes of a batch (what its IPC body holds, about). */
export function batchBytes(batch: RecordBatch): number {
  return batch.data.children.reduce((n, d) => n + d.byteLength, 0);
}

/** `batch` cut into consecutive row ranges of about `maxBytes` each (the batch itself if small). */
export function splitBatch(batch: RecordBatch, maxBytes = CHUNK_BYTES): RecordBatch[] {
  const bytes = batchBytes(batch);
  if (bytes <= maxBytes || batch.numRows <= 1) return [batch];
  const rows = Math.max(1, Math.floor((batch.numRows * maxBytes) / bytes));
  const out: RecordBatch[] = [];
  for (let at = 0; at < batch.numRows; at += rows) out.push(batch.slice(at, at + rows));
  return out;
}

/** Encodes one batch as one or more self-contained chunks of about `maxBytes` each. */
export function batchToChunks(batch: RecordBatch, maxBytes = CHUNK_BYTES): IpcChunk[] {
  return splitBatch(batch, maxBytes).map((b) => batchToIpc(b));
}

/** Total bytes of chunks. */
export function chunkBytes(chunks: readonly IpcChunk[]): number {
  return chunks.reduce((sum, c) => sum + c.byteLength, 0);
}

/**
 * A copy of `bytes` in a buffer of its own. Not `bytes.slice()`: on a Node `Buffer` that returns a
 * view of the same memory, so transferring the "copy" would detach the caller's bytes.
 */
export function copyBytes(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes);
}

/** Bytes that exclusively own their buffer, so the buffer can be transferred without loss. */
export function owned(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? bytes
    : copyBytes(bytes);
}
