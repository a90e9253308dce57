// The SHA-256 the ingestion worker sends with a summary: equal to node:crypto's on the same bytes,
// for an empty file, a small one and one of several 2 MB copied pieces, in-process and through a
// real worker thread; a stopped worker sends none (the main thread then hashes, as before).
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createIngestApi } from './ingest-api.ts';
import type { IngestWorker } from './ingest-client.ts';
import { COPY_PIECE_BYTES } from './ingest-copy.ts';
import { sha256Hex } from '../model/sha256.ts';
import {
  createNodeIngestWorker,
  spawnNodeIngestWorker,
  type NodeIngestHandle,
} from './ingest-node.ts';

const nodeSha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const text = (t: string) => new TextEncoder().encode(t);

/** A CSV of `rows` numbered rows: about 5.6 MB for 400 000 rows, so several pieces are copied. */
function bigCsv(rows: number): Uint8Array {
  const lines = ['DEPTH,GR'];
  for (let i = 0; i < rows; i++) lines.push(`${(1000 + i * 0.1).toFixed(1)},${(i * 7) % 150}.25`);
  return text(lines.join('\n') + '\n');
}

const empty = new Uint8Array(0);
const small = text('WELL,TOP\nA,1\nB,2\n');
const big = bigCsv(400_000);

let client: IngestWorker | undefined;
afterEach(() => client?.dispose());

describe('sha256Hex (worker side)', () => {
  it('equals node:crypto on an empty, a small and a multi-piece file', async () => {
    expect(big.byteLength).toBeGreaterThan(2 * COPY_PIECE_BYTES);
    expect(await sha256Hex(empty)).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    for (const b of [empty, small, big]) expect(await sha256Hex(b)).toBe(nodeSha(b));
    // A view hashes its own bytes only, not the rest of its buffer.
    const outer = new Uint8Array(100).fill(7);
    expect(await sha256Hex(outer.subarray(10, 20))).toBe(nodeSha(outer.subarray(10, 20)));
  });

  it('comes with the summary from the API, also for a file that cannot be read', async () => {
    const api = createIngestApi();
    const s = await api.summarise('t.csv', small);
    expect(s).toMatchObject({ rows: 2, sha256: nodeSha(small) });
    const bad = await api.summarise('bad.las', text('not a LAS file\n'));
    expect(bad.error?.line).toBe(1);
    expect(bad.sha256).toBe(nodeSha(text('not a LAS file\n')));
  });
});

describe('the hash through a worker thread', () => {
  it('is the hash of the bytes given, copied in pieces; the caller keeps its bytes', async () => {
    client = createNodeIngestWorker();
    const before = nodeSha(big);
    const [e, s, b] = await Promise.all([
      client.summarise('empty.csv', empty),
      client.summarise('small.csv', small),
      client.summarise('big.csv', big),
    ]);
    expect(e.sha256).toBe(nodeSha(empty));
    expect(e.error?.message).toMatch(/no header row/);
    expect(s.sha256).toBe(nodeSha(small));
    expect(b).toMatchObject({ rows: 400_000, sha256: before });
    expect(nodeSha(big)).toBe(before); // copied, not taken: the caller's bytes are intact
  });

  it('a worker that stops sends no hash: the error stays, the next file is hashed', async () => {
    const threads: NodeIngestHandle[] = [];
    client = createNodeIngestWorker({
      spawn: () => {
        const h = spawnNodeIngestWorker();
        threads.push(h);
        return h;
      },
    });
    const lost = client.summarise('lost.csv', big);
    const next = client.summarise('next.csv', small);
    while (threads.length < 1) await new Promise((r) => setTimeout(r, 5));
    await threads[0]?.thread.terminate();
    const l = await lost;
    expect(l.error?.message).toMatch(/^the reader stopped/);
    expect('sha256' in l).toBe(false);
    expect((await next).sha256).toBe(nodeSha(small));
  });
});
