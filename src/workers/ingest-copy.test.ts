// The piecewise copy: the same bytes in a buffer of their own, with other tasks run in between.
import { describe, expect, it } from 'vitest';
import { copyInPieces, handOver } from './ingest-copy.ts';

const sample = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + 7) % 251);

describe('copyInPieces', () => {
  it('copies every byte of a view into a new whole buffer', async () => {
    const outer = sample(1000);
    const view = outer.subarray(13, 990);
    const copy = await copyInPieces(view, 100);
    expect(copy.byteOffset).toBe(0);
    expect(copy.buffer.byteLength).toBe(977);
    expect(copy).toEqual(view);
    copy[0] = 255 - (view[0] ?? 0);
    expect(copy[0]).not.toBe(view[0]);
  });

  it('lets other tasks run between pieces', async () => {
    const order: string[] = [];
    setTimeout(() => order.push('other task'), 0);
    await copyInPieces(sample(1000), 100).then(() => order.push('copied'));
    expect(order).toEqual(['other task', 'copied']);
    expect(await copyInPieces(new Uint8Array(0))).toHaveLength(0);
  });
});

describe('handOver', () => {
  it('moves a whole buffer and copies a part of one', async () => {
    const whole = sample(64);
    expect((await handOver(whole)).buffer).toBe(whole.buffer);
    const part = whole.subarray(8, 40);
    const owned = await handOver(part);
    expect(owned.buffer).not.toBe(whole.buffer);
    expect(owned).toEqual(part);
  });
});
