import { describe, expect, it } from 'vitest';
import { OutputCache } from './cache.ts';
import { canonicalJson, sha256Hex } from './canonical.ts';
import { BoundedChannel, ChannelAbandoned } from './channel.ts';
import { matchFiles } from './glob.ts';

describe('BoundedChannel', () => {
  it('makes a producer wait at capacity and records the highest occupancy', async () => {
    const ch = new BoundedChannel<number>(2);
    let pushed = 0;
    const producer = (async () => {
      for (let i = 0; i < 5; i++) {
        await ch.push(i);
        pushed++;
      }
      ch.close();
    })();
    await new Promise((r) => setTimeout(r, 10));
    expect(pushed).toBe(2);
    const got: number[] = [];
    for await (const v of ch) got.push(v);
    await producer;
    expect(got).toEqual([0, 1, 2, 3, 4]);
    expect(ch.maxOccupancy).toBe(2);
  });

  it('releases a blocked producer when the consumer abandons', async () => {
    const ch = new BoundedChannel<number>(1);
    await ch.push(1);
    const blocked = ch.push(2);
    ch.abandon();
    await expect(blocked).rejects.toBeInstanceOf(ChannelAbandoned);
  });
});

describe('fingerprint building blocks', () => {
  it('canonical JSON ignores key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}',
    );
  });

  it('SHA-256 matches the known digest of "abc"', async () => {
    expect(await sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('matches exact names and case-insensitive globs', () => {
    const names = ['A.LAS', 'b.las', 'tops.csv', 'x.las.bak'];
    expect(matchFiles('*.las', names)).toEqual(['A.LAS', 'b.las']);
    expect(matchFiles('b.las', names)).toEqual(['b.las']);
    expect(matchFiles('?.LAS', names)).toEqual(['A.LAS', 'b.las']);
    expect(matchFiles('[ab].las', names)).toEqual([]);
  });
});

describe('OutputCache', () => {
  it('evicts least recently used outputs beyond its byte bound', () => {
    const cache = new OutputCache(10);
    cache.put('a', [new Uint8Array(4)], 1);
    cache.put('b', [new Uint8Array(4)], 1);
    expect(cache.get('a')).toBeDefined();
    cache.put('c', [new Uint8Array(4)], 1);
    expect(cache.has('b')).toBe(false);
    expect(cache.has('a') && cache.has('c')).toBe(true);
    expect(cache.bytes).toBe(8);
    cache.put('huge', [new Uint8Array(11)], 1);
    expect(cache.has('huge')).toBe(false);
  });

  it('counts a chunk shared by several outputs once, until the last one holding it goes', () => {
    const cache = new OutputCache(10);
    const parent = new Uint8Array(6);
    cache.put('src', [parent], 1);
    // An expression's output: the parent's chunk plus its own column (shared-chunks.ts).
    cache.put('expr', [parent, new Uint8Array(3)], 1);
    expect(cache.bytes).toBe(9);
    expect(cache.has('src') && cache.has('expr')).toBe(true);
    expect(cache.get('expr')?.bytes).toBe(9);
    cache.delete('src');
    expect(cache.bytes).toBe(9);
    cache.put('expr', [parent, new Uint8Array(2)], 1);
    expect(cache.bytes).toBe(8);
    cache.delete('expr');
    expect(cache.bytes).toBe(0);
    // Evicting 'a' frees nothing ('b' still holds its chunk), so eviction goes on to 'b'.
    const shared = new Uint8Array(5);
    cache.put('a', [shared], 1);
    cache.put('b', [shared, new Uint8Array(4)], 1);
    cache.put('c', [new Uint8Array(1)], 1);
    expect(cache.bytes).toBe(10);
    cache.put('d', [new Uint8Array(1)], 1);
    expect(cache.has('a') || cache.has('b')).toBe(false);
    expect(cache.has('c') && cache.has('d')).toBe(true);
    expect(cache.bytes).toBe(2);
    cache.clear();
    expect(cache.bytes).toBe(0);
  });
});
