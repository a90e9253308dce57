/**
 * Shared emits: an output that adds a column to, or keeps rows of, a batch emitted earlier in the
 * segment is sent as that batch's chunk groups plus its own parts, and decodes to the same table
 * (fields, metadata, values) as its full encoding.
 */
import type { RecordBatch } from 'apache-arrow';
import { Field, Float64, Schema, tableFromArrays, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { withColumns, withFields } from '../operators/columns.ts';
import { keepRows } from '../operators/tables/filter-depth.ts';
import { runsOf } from '../operators/tables/filter-depth.ts';
import { chunksToTable, type IpcChunk } from './ipc.ts';
import { Groups, NodeIo } from './node-io.ts';
import { sharingHost } from './shared-chunks.ts';
import type { SegmentHost, TaskNode } from './task.ts';

function recordingHost() {
  const out = new Map<string, IpcChunk[]>();
  const calls = { output: 0, shared: 0 };
  const base: SegmentHost = {
    started: () => Promise.resolve(),
    progress: () => Promise.resolve(),
    output: (id, chunk) => {
      out.set(id, [...(out.get(id) ?? []), chunk]);
      return Promise.resolve();
    },
    finished: () => Promise.resolve(),
    warn: () => Promise.resolve(),
    readFile: () => Promise.reject(new Error('no files')),
  };
  const sharing = sharingHost(base);
  const host: SegmentHost = {
    ...sharing,
    output: (id, c, keep) => (calls.output++, sharing.output(id, c, keep)),
    shared: (id, f, g, p, keep) => (calls.shared++, sharing.shared!(id, f, g, p, keep)),
  };
  return { host, out, calls };
}

const node = (id: string): TaskNode => ({
  nodeId: id,
  op: 'x',
  version: '1.0.0',
  params: {},
  parent: null,
});

function plain(t: ReturnType<typeof chunksToTable>) {
  return {
    fields: t.schema.fields.map((f) => [f.name, String(f.type), [...f.metadata]]),
    meta: [...t.schema.metadata],
    rows: t.toArray().map((r: { toJSON(): unknown }) => r.toJSON()),
  };
}

describe('shared emits', () => {
  const n = 5000;
  const src = tableFromArrays({
    DEPT: Float64Array.from({ length: n }, (_, k) => 1000 + k),
    GR: Float64Array.from({ length: n }, (_, k) => (k * 7) % 150),
  }).batches[0] as RecordBatch;
  const schema = new Schema(src.schema.fields, new Map([['well', 'A-1']]));
  const source = withColumns(src, schema, new Map());

  it('sends an added column and kept rows as parts of the earlier groups, decoding to the same', async () => {
    const { host, out, calls } = recordingHost();
    const groups = new Groups();
    const pending: Promise<unknown>[] = [];
    const io = (id: string) =>
      new NodeIo(node(id), host, [], (p) => pending.push(p), 100, groups, true);
    const a = io('src');
    // Small chunks, so the batch makes several groups.
    await a.emit(source);
    const field = new Field('IGR', new Float64(), true, new Map([['unit', 'v/v']]));
    const igrSchema = withFields(source.schema, [field]);
    const values = vectorFromArray(
      Array.from({ length: n }, (_, k) => (k % 9 === 0 ? null : k / n)),
      new Float64(),
    );
    const igr = withColumns(source, igrSchema, new Map([['IGR', values.data[0]!]]));
    await io('igr').emit(igr, { from: source, columns: ['IGR'] });
    const mask = Uint8Array.from({ length: n }, (_, k) =>
      (k > 100 && k < 3000) || k > 4000 ? 1 : 0,
    );
    const zone = keepRows(igr, mask);
    await io('zone').emit(zone, { from: igr, runs: runsOf(mask) });
    await Promise.all(pending);
    expect(calls.shared).toBeGreaterThanOrEqual(2);
    expect(plain(chunksToTable(out.get('igr')!))).toEqual(
      plain(chunksToTable([...(await full(igr))])),
    );
    expect(plain(chunksToTable(out.get('zone')!))).toEqual(
      plain(chunksToTable([...(await full(zone))])),
    );
    // The source's chunk objects are shared, not copied.
    expect(out.get('igr')![0]).toBe(out.get('src')![0]);
  });

  it('encodes in full when the output does not derive as said', async () => {
    const { host, calls } = recordingHost();
    const groups = new Groups();
    const io = (id: string) => new NodeIo(node(id), host, [], () => undefined, 100, groups, true);
    await io('src').emit(source);
    const other = tableFromArrays({ DEPT: Float64Array.from({ length: n }, () => 1) })
      .batches[0] as RecordBatch;
    await io('b').emit(other, { from: source, columns: ['X'] });
    expect(calls.shared).toBe(0);
  });
});

async function full(batch: RecordBatch): Promise<IpcChunk[]> {
  const { host, out } = recordingHost();
  await new NodeIo(node('f'), host, [], () => undefined).emit(batch);
  return out.get('f')!;
}
