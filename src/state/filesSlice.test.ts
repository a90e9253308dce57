// Adding files with the real ingestion worker (a worker thread) and real storage (fake-indexeddb):
// the file is hashed in the worker only, the record carries that hash, a bad or missing hash falls
// back to hashing here, and a failed reader still costs only its own file.
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppStore, type AppStore } from './store.ts';
import { testRegistry } from './testOperators.ts';
import { takeHash } from './filesSlice.ts';
import { openStorage, type FileSummary, type Storage } from '../storage/index.ts';
import {
  createNodeIngestWorker,
  spawnNodeIngestWorker,
  type NodeIngestHandle,
} from '../workers/ingest-node.ts';
import type { IngestWorker } from '../workers/ingest-client.ts';
import type { StoreDeps } from './types.ts';

const registry = testRegistry();
const text = (t: string) => new TextEncoder().encode(t);
const nodeSha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const csv = (name: string, body: string) => ({ name, bytes: text(body) });

let worker: IngestWorker | undefined;
let storage: Storage | undefined;
afterEach(() => {
  worker?.dispose();
  storage?.close();
  worker = undefined;
  storage = undefined;
  vi.restoreAllMocks();
});

/** A store over fresh storage; its notices are collected in order. */
async function app(summarise: StoreDeps['summarise']): Promise<{ s: AppStore; notices: string[] }> {
  storage = await openStorage(`files-slice-${Math.random()}`);
  const s = createAppStore({ registry, storage, ...(summarise ? { summarise } : {}) });
  const notices: string[] = [];
  s.subscribe((st, prev) => {
    if (st.notice && st.notice !== prev.notice) notices.push(st.notice.message);
  });
  return { s, notices };
}

describe('adding files with the ingestion worker', () => {
  it('hashes in the worker only: no digest on this thread, the record holds the right hash', async () => {
    worker = createNodeIngestWorker();
    const { s, notices } = await app(worker.summarise);
    const a = csv('a.csv', 'DEPTH,GR\n1000,50\n1000.5,60\n');
    const b = csv('b.las', 'not a LAS file\n');
    const digest = vi.spyOn(crypto.subtle, 'digest');
    const marks = performance.getEntriesByName('petroflow:add a.csv').length;
    await s.getState().addFiles([a, b]);
    expect(digest).not.toHaveBeenCalled();
    const files = s.getState().files;
    expect(files.map((f) => [f.name, f.hash])).toEqual([
      ['a.csv', nodeSha(a.bytes)],
      ['b.las', nodeSha(b.bytes)],
    ]);
    expect(files[0]?.summary).toEqual({
      kind: 'csv',
      columns: [
        { name: 'DEPTH', unit: '' },
        { name: 'GR', unit: '' },
      ],
      rows: 2,
      wells: [],
      warnings: [],
    });
    expect(notices).toEqual([expect.stringMatching(/^"b\.las" cannot be read \(line 1\): /)]);
    const stored = await storage?.files.list();
    expect(stored?.records.map((r) => [r.name, r.hash, 'sha256' in r.summary])).toEqual([
      ['a.csv', nodeSha(a.bytes), false],
      ['b.las', nodeSha(b.bytes), false],
    ]);
    expect(performance.getEntriesByName('petroflow:add a.csv')).toHaveLength(marks + 1);
  });

  it('a worker that crashes gives its file an error; the file and the others are still stored', async () => {
    const threads: NodeIngestHandle[] = [];
    worker = createNodeIngestWorker({
      spawn: () => {
        const h = spawnNodeIngestWorker();
        threads.push(h);
        return h;
      },
    });
    const { s, notices } = await app(worker.summarise);
    const lost = csv('lost.csv', 'A\n1\n');
    const kept = csv('kept.csv', 'B\n2\n');
    const adding = s.getState().addFiles([lost, kept]);
    while (threads.length < 1) await new Promise((r) => setTimeout(r, 5));
    await threads[0]?.thread.terminate();
    await adding;
    const stopped = /^the reader stopped \(exited with code \d+\)/;
    expect(s.getState().files.map((f) => [f.name, f.hash])).toEqual([
      ['kept.csv', nodeSha(kept.bytes)],
      ['lost.csv', nodeSha(lost.bytes)], // hashed here, as without a worker
    ]);
    expect(s.getState().files[0]?.summary.error).toBeUndefined();
    expect(s.getState().files[1]?.summary.error?.message).toMatch(stopped);
    expect(notices).toEqual([
      expect.stringMatching(/^"lost\.csv" cannot be read: the reader stopped/),
    ]);
    expect(threads).toHaveLength(2);
  });
});

describe('a hash that does not fit', () => {
  it('is dropped: storage hashes the bytes itself and the summary is stored without it', async () => {
    const summary: FileSummary = { kind: 'csv', columns: [], rows: 1, wells: [], warnings: [] };
    const { s } = await app(() => Promise.resolve({ ...summary, sha256: 'ABC' }));
    const a = csv('a.csv', 'A\n1\n');
    const digest = vi.spyOn(crypto.subtle, 'digest');
    await s.getState().addFiles([a]);
    expect(digest).toHaveBeenCalledTimes(1);
    expect(s.getState().files.map((f) => [f.hash, f.summary])).toEqual([
      [nodeSha(a.bytes), summary],
    ]);
  });

  it('takeHash keeps a well-formed hash apart and refuses others', () => {
    const summary: FileSummary = { kind: 'las', columns: [], rows: 0, wells: [], warnings: [] };
    const carrying = (sha256: unknown): FileSummary => Object.assign({ sha256 }, summary);
    const good = 'a'.repeat(64);
    expect(takeHash(carrying(good))).toEqual({ summary, hash: good });
    expect(takeHash(carrying(7))).toEqual({ summary });
    expect(takeHash(carrying(`${good}a`))).toEqual({ summary });
    expect(takeHash(carrying(good.toUpperCase()))).toEqual({ summary });
    expect(takeHash(summary)).toEqual({ summary });
  });

  it('without storage the record takes the worker hash', async () => {
    const summary: FileSummary = { kind: 'csv', columns: [], rows: 1, wells: [], warnings: [] };
    const given = nodeSha(text('A\n1\n'));
    const s = createAppStore({
      registry,
      summarise: () => Promise.resolve({ ...summary, sha256: given }),
    });
    const digest = vi.spyOn(crypto.subtle, 'digest');
    await s.getState().addFiles([csv('a.csv', 'A\n1\n')]);
    expect(digest).not.toHaveBeenCalled();
    expect(s.getState().files[0]?.hash).toBe(given);
  });

  it('says so when a file replaces another of the same name, not when the content is the same', async () => {
    const { s, notices } = await app(undefined);
    await s.getState().addFiles([csv('a.csv', 'A\n1\n')]);
    await s.getState().addFiles([csv('a.csv', 'A\n1\n')]);
    expect(notices).toEqual([]);
    await s.getState().addFiles([csv('a.csv', 'A\n2\n')]);
    expect(notices).toEqual([
      'Replaced "a.csv" by the new file of the same name: results that read it are out of date until the next run.',
    ]);
    expect(s.getState().files.map((f) => f.hash)).toEqual([nodeSha(text('A\n2\n'))]);
  });
});
