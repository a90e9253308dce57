// Saves and file adds that the browser refuses (fake-indexeddb with faults injected at put), and
// a newer version opened in another tab: nothing is lost, the user is told, later saves work.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppStore, type AppStore } from './store.ts';
import { testRegistry } from './testOperators.ts';
import { DB_VERSION, openStorage, type Storage } from '../storage/index.ts';
import { injectPutFault } from '../storage/fault-injection.ts';

const registry = testRegistry();
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(f: () => boolean, ms = 2000) {
  const end = Date.now() + ms;
  while (!f()) {
    if (Date.now() > end) throw new Error('condition not reached');
    await wait(5);
  }
}
let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

async function app(autosaveMs = 10): Promise<{ s: AppStore; storage: Storage; name: string }> {
  const name = `faults-${Math.random()}`;
  const storage = await openStorage(name);
  const s = createAppStore({ registry, storage, autosaveMs });
  await s.getState().init();
  return { s, storage, name };
}

async function storedOps(storage: Storage, id: string): Promise<string[]> {
  const r = await storage.pipelines.get(id);
  return r.ok && r.value ? r.value.pipeline.nodes.map((n) => n.op) : [];
}

describe('autosave when the storage is full', () => {
  it('keeps the edit in memory, tells the user, and the next edit saves (chain not poisoned)', async () => {
    const { s, storage } = await app();
    const id = s.getState().pipelineId;
    restore = injectPutFault('pipelines', 'quota');
    s.getState().addNode('test.source');
    await until(() => s.getState().saveState === 'error');
    expect(s.getState().saveError).toMatch(/storage for Petroflow is full/);
    expect(s.getState().saveError).toMatch(/Retry save/);
    expect(s.getState().saveError).toMatch(/export the pipeline as JSON/);
    expect(s.getState().doc.nodes.map((n) => n.op)).toEqual(['test.source']);
    expect(await storedOps(storage, id)).toEqual([]);
    expect(s.getState().revision).toBe(1);

    restore();
    restore = undefined;
    s.getState().addNode('test.scale');
    await until(() => s.getState().saveState === 'saved');
    expect(s.getState().saveError).toBeUndefined();
    expect(await storedOps(storage, id)).toEqual(['test.source', 'test.scale']);
  });

  it('"Retry save" stores the kept edits once space is free', async () => {
    const { s, storage } = await app();
    const id = s.getState().pipelineId;
    restore = injectPutFault('pipelines', 'throw-after-put');
    s.getState().addNode('test.source');
    await until(() => s.getState().saveState === 'error');
    await s.getState().retrySave();
    expect(s.getState().saveState).toBe('error');
    restore();
    restore = undefined;
    await s.getState().retrySave();
    expect(s.getState().saveState).toBe('saved');
    expect(await storedOps(storage, id)).toEqual(['test.source']);
  });

  it('refuses to switch pipelines while the open one is not saved', async () => {
    const { s, storage } = await app();
    const id = s.getState().pipelineId;
    restore = injectPutFault('pipelines', 'quota');
    s.getState().addNode('test.source');
    await until(() => s.getState().saveState === 'error');
    await s.getState().newPipeline('Other');
    expect(s.getState().pipelineId).toBe(id);
    expect(s.getState().doc.nodes).toHaveLength(1);
    expect(s.getState().notice?.message).toMatch(/Cannot make a new pipeline yet/);
    expect((await storage.pipelines.list()).records).toHaveLength(1);
  });
});

describe('a newer version opened in another tab', () => {
  it('saves the pending edit, closes, asks for a reload; the other tab opens', async () => {
    const { s, name } = await app(60_000); // the edit would wait a minute to be saved
    const id = s.getState().pipelineId;
    s.getState().addNode('test.source');
    expect(s.getState().saveState).toBe('pending');
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name, DB_VERSION + 1);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('open failed'));
    });
    expect(newer.version).toBe(DB_VERSION + 1);
    newer.close();
    expect(s.getState().reloadRequired).toMatch(/updated in another tab: reload to continue/);
    expect(s.getState().reloadRequired).toMatch(/Your changes are saved/);
    // What a reload would find (raw IndexedDB: the database is at the newer version now).
    const raw = await new Promise<IDBDatabase>((resolve) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => resolve(req.result);
    });
    const rec = await new Promise<unknown>((resolve) => {
      const get = raw.transaction('pipelines').objectStore('pipelines').get(id);
      get.onsuccess = () => resolve(get.result);
    });
    raw.close();
    expect(rec).toMatchObject({ revision: 2, pipeline: { nodes: [{ op: 'test.source' }] } });
    s.getState().addNode('test.scale');
    expect(s.getState().saveState).toBe('error');
    expect(s.getState().reloadRequired).toMatch(/latest changes are not saved: export/);
  });
});

describe('adding files when the storage is full', () => {
  const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });

  it('the refused file is not listed, the user is told, the others are untouched', async () => {
    const { s, storage } = await app();
    await s.getState().addFiles([file('a.csv', 'A\n1\n')]);
    restore = injectPutFault('fileBytes', 'quota');
    await s.getState().addFiles([file('big.csv', 'B\n2\n'), file('a.csv', 'A\n9\n')]);
    expect(s.getState().notice?.message).toMatch(/"a.csv" was not added: the browser's storage/);
    expect(s.getState().files.map((f) => f.name)).toEqual(['a.csv']);
    restore();
    restore = undefined;
    expect((await storage.files.list()).records.map((f) => f.name)).toEqual(['a.csv']);
    expect(new TextDecoder().decode(await storage.files.read('a.csv'))).toBe('A\n1\n');
    await s.getState().addFiles([file('big.csv', 'B\n2\n')]);
    expect(s.getState().files.map((f) => f.name)).toEqual(['a.csv', 'big.csv']);
  });
});
