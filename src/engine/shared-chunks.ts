/**
 * Column sharing between the outputs of one segment. An output that only adds columns to its
 * parent's batch (an expression) or keeps some of its rows (a filter) is not encoded again: each
 * of its chunk groups is the parent's group plus a part holding just the new columns, or a part
 * naming the rows kept. A group is a plain IPC chunk followed by such parts; the host stores the
 * very same chunk objects for both nodes, and `decodeChunks` rebuilds the batches (no copy). Parts
 * are ordinary IPC streams marked in their schema metadata (decoded by ipc.ts `decodeChunks`), so
 * caches and transfers need nothing new.
 */
import type { Data, RecordBatch } from 'apache-arrow';
import { Schema } from 'apache-arrow';
import { batchFromColumns } from '../operators/tables/arrow-util.ts';
import type { IpcChunk } from './ipc.ts';
import { COLUMNS_KEY, ROWS_KEY, batchToIpc, schemaToIpc } from './ipc.ts';
import type { SegmentHost } from './task.ts';
/** Groups of a node the host keeps for sharing; older ones are encoded again instead. */
export const SHARE_WINDOW = 32;

/** A columns part: `columns` (rows of one group) and the output's column order and metadata. */
export function columnsPart(
  batch: RecordBatch,
  columns: readonly string[],
  output: Schema,
): IpcChunk {
  const at = columns.map((c) => batch.schema.fields.findIndex((f) => f.name === c));
  const fields = at.map((i) => batch.schema.fields[i]!);
  const meta = new Map(output.metadata);
  meta.set(COLUMNS_KEY, JSON.stringify(output.fields.map((f) => f.name)));
  const children = at.map((i) => batch.data.children[i] as Data);
  return batchToIpc(batchFromColumns(new Schema(fields, meta), children, batch.numRows));
}

/** A rows part: keep `length` rows of the group from `offset`. */
export function rowsPart(offset: number, length: number): IpcChunk {
  return schemaToIpc(new Schema([], new Map([[ROWS_KEY, JSON.stringify([offset, length])]])));
}

/**
 * `host` resolving shared groups (`SegmentHost.shared`) into the chunks they stand for, below any
 * wrapper that may drop outputs (retain.ts): it keeps the last `SHARE_WINDOW` groups of each node
 * whose chunks were sent with `keep`, and forwards every chunk as a plain `output`.
 */
export function sharingHost(host: SegmentHost): SegmentHost {
  const groups = new Map<string, { first: number; list: IpcChunk[][] }>();
  const push = (node: string, group: IpcChunk[]): void => {
    const e = groups.get(node) ?? { first: 0, list: [] };
    e.list.push(group);
    while (e.list.length > SHARE_WINDOW) {
      e.list.shift();
      e.first++;
    }
    groups.set(node, e);
  };
  return {
    ...host,
    output: (node, chunk, keep) => {
      if (keep) push(node, [chunk]);
      return host.output(node, chunk);
    },
    shared: async (node, from, index, parts, keep) => {
      const e = groups.get(from);
      const group = e?.list[index - e.first];
      if (!group) throw new Error(`Shared output: group ${index} of node '${from}' is gone.`);
      const chunks = [...group, ...parts];
      if (keep) push(node, chunks);
      await Promise.all(chunks.map((c) => host.output(node, c)));
    },
  };
}
