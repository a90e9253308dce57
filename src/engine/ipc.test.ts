import { Table, tableFromArrays, tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { batchToChunks, chunksToTable, splitBatch, tableToChunks } from './ipc.ts';

const n = 100_000;
const big = tableFromArrays({
  i: Float64Array.from({ length: n }, (_, k) => k),
  x: Float64Array.from({ length: n }, (_, k) => k * 0.5),
});

describe('IPC chunks', () => {
  it('splits a large batch into self-contained chunks of about the given size, rows in order', () => {
    const batch = big.batches[0]!;
    const whole = splitBatch(batch, 1 << 30);
    expect(whole).toHaveLength(1);
    expect(whole[0]).toBe(batch);
    const chunks = batchToChunks(batch, 200_000);
    // 1.6 MB of doubles in slices of about 200 kB.
    expect(chunks.length).toBeGreaterThanOrEqual(8);
    for (const c of chunks) expect(c.byteLength).toBeLessThan(260_000);
    const first = tableFromIPC(chunks[0]);
    expect(first.schema.fields.map((f) => f.name)).toEqual(['i', 'x']);
    const back = chunksToTable(chunks);
    expect(back.numRows).toBe(n);
    expect(back.getChild('i')?.get(n - 1)).toBe(n - 1);
    expect(back.getChild('x')?.get(54_321)).toBe(54_321 * 0.5);
  });

  it('keeps a schema-only chunk for a table without rows', () => {
    const empty = new Table(big.schema);
    const chunks = tableToChunks(empty);
    expect(chunks).toHaveLength(1);
    expect(tableFromIPC(chunks[0]).schema.fields.map((f) => f.name)).toEqual(['i', 'x']);
  });
});
