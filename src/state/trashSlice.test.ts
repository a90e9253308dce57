// The Trash slice over real storage (fake-indexeddb stands in for the browser's IndexedDB only).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createAppStore, type AppStore } from './store.ts';
import { testRegistry } from './testOperators.ts';
import { daysLeft, runsText } from './trashSlice.ts';
import { openStorage, TRASH_KEPT_MS, type Storage } from '../storage/index.ts';
import { run } from '../storage/testing/fixtures.ts';

const registry = testRegistry();
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(f: () => boolean, ms = 2000) {
  const end = Date.now() + ms;
  while (!f()) {
    if (Date.now() > end) throw new Error('condition not reached');
    await wait(5);
  }
}

async function app(): Promise<{ s: AppStore; storage: Storage }> {
  const storage = await openStorage(`trash-slice-${Math.random()}`);
  const s = createAppStore({ registry, storage, autosaveMs: 10 });
  await s.getState().init();
  return { s, storage };
}

/** Makes a pipeline named `name` with `runs` runs and deletes it; returns its id. */
async function deleted(s: AppStore, storage: Storage, name: string, runs = 0): Promise<string> {
  await s.getState().newPipeline(name);
  const id = s.getState().pipelineId;
  for (let i = 0; i < runs; i++) await storage.runs.add(run(`${id}-${i}`, id, 1000 + i));
  await s.getState().deletePipeline(id);
  await until(() => s.getState().trash.some((e) => e.id === id));
  return id;
}

/** Makes `method` of `proto` throw a disk error while `body` runs. */
async function refusing(proto: object, method: string, body: () => Promise<void>) {
  const saved = Object.getOwnPropertyDescriptor(proto, method);
  Object.defineProperty(proto, method, {
    configurable: true,
    value: () => {
      throw new DOMException('The disk refused the write.', 'UnknownError');
    },
  });
  try {
    await body();
  } finally {
    if (saved) Object.defineProperty(proto, method, saved);
  }
}

describe('the trash slice', () => {
  it('lists a deleted pipeline and restores it with its runs, renamed when its name is in use', async () => {
    const { s, storage } = await app();
    const id = await deleted(s, storage, 'Well A', 2);
    expect(s.getState().trash.map((e) => [e.name, e.runs])).toEqual([['Well A', 2]]);
    await s.getState().newPipeline('Well A');
    await s.getState().restoreFromTrash(id);
    expect(s.getState().trash).toEqual([]);
    const names = s
      .getState()
      .pipelines.map((p) => p.pipeline.name)
      .sort();
    expect(names).toEqual(['Untitled pipeline', 'Well A', 'Well A (restored)']);
    expect(s.getState().notice?.message).toBe(
      'Restored “Well A” as “Well A (restored)” with its runs: a pipeline named “Well A” exists already.',
    );
    expect((await storage.runs.list(id)).runs).toHaveLength(2);
    s.getState().notice?.action?.run();
    await until(() => s.getState().pipelineId === id);
    expect(s.getState().name).toBe('Well A (restored)');
  });

  it('deletes one for good with its runs, and empties the trash', async () => {
    const { s, storage } = await app();
    const a = await deleted(s, storage, 'A', 3);
    const b = await deleted(s, storage, 'B', 1);
    await deleted(s, storage, 'C');
    await s.getState().deleteForever(a);
    expect(s.getState().notice?.message).toBe('Deleted “A” for good, with 3 runs.');
    expect(s.getState().trash.map((e) => e.name)).toEqual(['C', 'B']);
    expect((await storage.runs.list(a)).runs).toEqual([]);
    await s.getState().emptyTrash();
    expect(s.getState().notice?.message).toBe(
      'Emptied the trash: 2 pipelines and 1 run deleted for good.',
    );
    expect(s.getState().trash).toEqual([]);
    expect((await storage.runs.list(b)).runs).toEqual([]);
    expect(s.getState().pipelines.map((p) => p.pipeline.name)).toEqual(['Untitled pipeline']);
  });

  it('a refused write is told as an error notice and loses nothing', async () => {
    const { s, storage } = await app();
    const id = await deleted(s, storage, 'Keep me', 1);
    await refusing(globalThis.IDBCursor.prototype, 'delete', () => s.getState().deleteForever(id));
    expect(s.getState().notice).toMatchObject({ kind: 'error' });
    expect(s.getState().notice?.message).toMatch(
      /^“Keep me” was not deleted: the browser refused \(UnknownError: The disk refused the write\.\); try again, or reload the page\. Nothing was changed\.$/,
    );
    await refusing(globalThis.IDBObjectStore.prototype, 'put', () =>
      s.getState().restoreFromTrash(id),
    );
    expect(s.getState().notice?.message).toMatch(
      /^“Keep me” was not restored: the browser refused/,
    );
    await refusing(globalThis.IDBCursor.prototype, 'delete', () => s.getState().emptyTrash());
    expect(s.getState().notice?.message).toMatch(/^The trash was not emptied: /);
    expect(s.getState().trash.map((e) => [e.name, e.runs])).toEqual([['Keep me', 1]]);
    await s.getState().restoreFromTrash(id);
    expect(s.getState().pipelines.map((p) => p.pipeline.name)).toContain('Keep me');
    expect((await storage.runs.list(id)).runs).toHaveLength(1);
  });

  it('says so when the entry went meanwhile (another tab restored or removed it)', async () => {
    const { s, storage } = await app();
    const id = await deleted(s, storage, 'Gone');
    await storage.pipelines.purge(id);
    await s.getState().restoreFromTrash(id);
    expect(s.getState().notice?.message).toBe(
      '“Gone” is no longer in the trash (restored or removed in another tab).',
    );
    expect(s.getState().trash).toEqual([]);
  });
});

describe('texts', () => {
  it('counts whole days left, rounded up, never below 0', () => {
    const at = 1_000_000_000_000;
    const entry = {
      id: 'a',
      name: 'A',
      nodes: 0,
      runs: 0,
      deletedAt: at,
      purgeAt: at + TRASH_KEPT_MS,
    };
    expect(daysLeft(entry, at)).toBe(30);
    expect(daysLeft(entry, at + 1)).toBe(30);
    expect(daysLeft(entry, at + 24 * 3600 * 1000)).toBe(29);
    expect(daysLeft(entry, at + TRASH_KEPT_MS + 5)).toBe(0);
    expect([0, 1, 2].map(runsText)).toEqual(['no runs', '1 run', '2 runs']);
  });
});
