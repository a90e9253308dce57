// FileRepository.put with a hash computed elsewhere (the ingestion worker): taken as given, never
// hashed again; without one the bytes are hashed here as before; a malformed one is refused.
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openStorage, type FileSummary } from './index.ts';
import { isSha256Hex } from './files.ts';

const summary: FileSummary = { kind: 'csv', columns: [], rows: 1, wells: [], warnings: [] };
const text = (t: string) => new TextEncoder().encode(t);
const nodeSha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const fresh = () => openStorage(`files-test-${Math.random()}`);

afterEach(() => vi.restoreAllMocks());

describe('FileRepository.put with a known hash', () => {
  it('stores the given hash without hashing the bytes again', async () => {
    const s = await fresh();
    const bytes = text('A,B\n1,2\n');
    const digest = vi.spyOn(crypto.subtle, 'digest');
    const put = await s.files.put('t.csv', bytes, summary, nodeSha(bytes));
    expect(digest).not.toHaveBeenCalled();
    expect(put.ok && put.value.hash).toBe(nodeSha(bytes));
    expect((await s.files.list()).records.map((r) => [r.name, r.hash])).toEqual([
      ['t.csv', nodeSha(bytes)],
    ]);
    expect(new TextDecoder().decode(await s.files.read('t.csv'))).toBe('A,B\n1,2\n');
    s.close();
  });

  it('takes the hash as given (the caller vouches for it) and reads it back', async () => {
    const s = await fresh();
    const given = 'ab'.repeat(32);
    const put = await s.files.put('t.csv', text('x\n1\n'), summary, given);
    expect(put.ok && put.value.hash).toBe(given);
    expect((await s.files.list()).records[0]?.hash).toBe(given);
    s.close();
  });

  it('hashes the bytes itself when no hash is given (one digest, equal to node:crypto)', async () => {
    const s = await fresh();
    const bytes = text('A\n1\n');
    const digest = vi.spyOn(crypto.subtle, 'digest');
    const put = await s.files.put('a.csv', bytes, summary);
    expect(digest).toHaveBeenCalledTimes(1);
    expect(put.ok && put.value.hash).toBe(nodeSha(bytes));
    s.close();
  });

  it('refuses a malformed hash and stores nothing (an older version stays)', async () => {
    const s = await fresh();
    const old = await s.files.put('a.csv', text('A\n1\n'), summary);
    const good = nodeSha(text('A\n2\n'));
    const bad = [
      good.toUpperCase(),
      good.slice(1),
      `${good}0`,
      `${good.slice(1)}g`,
      '',
      ` ${good}`,
    ];
    for (const hash of bad) {
      const r = await s.files.put('a.csv', text('A\n2\n'), summary, hash);
      expect(r.ok ? 'stored' : r.error.detail).toMatch(
        /^InvalidHash: "a\.csv" came with the hash /,
      );
      expect((await s.files.put('n.csv', text('N\n'), summary, hash)).ok).toBe(false);
    }
    expect((await s.files.list()).records.map((r) => [r.name, r.hash])).toEqual([
      ['a.csv', old.ok ? old.value.hash : ''],
    ]);
    expect(new TextDecoder().decode(await s.files.read('a.csv'))).toBe('A\n1\n');
    expect(await s.files.read('n.csv')).toBeUndefined();
    s.close();
  });
});

describe('isSha256Hex', () => {
  it('accepts exactly 64 lower-case hex characters', () => {
    expect(isSha256Hex('0123456789abcdef'.repeat(4))).toBe(true);
    expect(isSha256Hex('0123456789ABCDEF'.repeat(4))).toBe(false);
    expect(isSha256Hex('0'.repeat(63))).toBe(false);
    expect(isSha256Hex(`${'0'.repeat(64)}\n`)).toBe(false);
    expect(isSha256Hex(42)).toBe(false);
    expect(isSha256Hex(undefined)).toBe(false);
  });
});
