import { describe, expect, it } from 'vitest';
import { ownBytes } from './io.ts';

describe('ownBytes (what the CLI reads from disk)', () => {
  it('keeps a Buffer that owns its whole memory, without a copy', () => {
    const big = Buffer.allocUnsafeSlow(64 * 1024).fill(1);
    const own = ownBytes(big);
    expect(own.buffer).toBe(big.buffer);
    expect(own.byteLength).toBe(big.byteLength);
  });

  it('copies a small Buffer from the shared pool (the pool must never be transferred)', () => {
    const small = Buffer.from('abc');
    expect(small.buffer.byteLength).toBeGreaterThan(small.byteLength);
    const own = ownBytes(small);
    expect(own.buffer).not.toBe(small.buffer);
    expect(own.buffer.byteLength).toBe(3);
    expect([...own]).toEqual([97, 98, 99]);
  });
});
