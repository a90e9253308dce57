/**
 * Arrow IPC helpers. Batches cross worker boundaries and sit in the cache as IPC stream bytes: one
 * self-contained stream (schema + at most one batch) per chunk, so chunks can be sent, cached and
 * transferred one at a time, and a node output with no rows still carries its schema.
 */
import { RecordBatch, RecordBatchStreamWriter, Schema, Table, tableFromIPC } from 'apache-arrow';

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

/** Decodes one chunk into its schema and batches. */
export function ipcToBatches(chunk: IpcChunk): { schema: Schema; batches: RecordBatch[] } {
  const table = tableFromIPC(chunk);
  return { schema: table.schema, batches: table.batches };
}

/** Joins the chunks of one output into a table (schema of the first chunk). */
export function chunksToTable(chunks: readonly IpcChunk[]): Table {
  let schema: Schema | undefined;
  const batches: RecordBatch[] = [];
  for (const chunk of chunks) {
    const part = ipcToBatches(chunk);
    schema ??= part.schema;
    for (const b of part.batches) {
      batches.push(b.schema === schema ? b : new RecordBatch(schema, b.data));
    }
  }
  return new Table(schema ?? new Schema([]), batches);
}

/** Splits a table into chunks (one per batch; a schema-only chunk when it has none). */
export function tableToChunks(table: Table): IpcChunk[] {
  const nonEmpty = table.batches.filter((b) => b.numRows > 0);
  if (nonEmpty.length === 0) return [schemaToIpc(table.schema)];
  return nonEmpty.map((b) => batchToIpc(b));
}

/** Total bytes of chunks. */
export function chunkBytes(chunks: readonly IpcChunk[]): number {
  return chunks.reduce((sum, c) => sum + c.byteLength, 0);
}

/** Bytes that exclusively own their buffer, so the buffer can be transferred without loss. */
export function owned(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? bytes
    : bytes.slice();
}
