// Two tabs (two stores) over one fake-indexeddb database and one BroadcastChannel name: when one
// tab's "Keep mine" replaces the other tab's saved version, the other tab is told and can get its
// version back. fake-indexeddb stands in for the browser's IndexedDB only.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createAppStore, type AppStore } from './store.ts';
import { testRegistry } from './testOperators.ts';
import { openStorage, openTabChannel, type Storage } from '../storage/index.ts';
import { REPLACED_TEXT, RESTORE_LABEL } from './tabFollow.ts';

const registry = testRegistry();
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(f: () => boolean, ms = 3000) {
  const end = Date.now() + ms;
  while (!f()) {
    if (Date.now() > end) throw new Error('condition not reached');
    await wait(5);
  }
}
const ops = (s: AppStore) => s.getState().doc.nodes.map((n) => n.op);

async function tab(storage: Storage, channel: string, autosaveMs: number): Promise<AppStore> {
  const s = createAppStore({ registry, storage, channel: openTabChannel(channel), autosaveMs });
  await s.getState().init();
  return s;
}

/** Tab `a` saves quickly; tab `b` is slow to save, so its edit is still pending when a saves. */
async function conflictInB() {
  const name = `follow-${Math.random()}`;
  const storage = await openStorage(name);
  const a = await tab(storage, name, 10);
  const b = await tab(storage, name, 60_000);
  a.getState().addNode('test.source');
  await until(() => a.getState().revision === 2 && b.getState().revision === 2);
  b.getState().addNode('test.scale'); // pending in b
  a.getState().addNode('test.join'); // saved by a: b hears of it with an edit pending
  await until(() => b.getState().saveState === 'conflict');
  await until(() => a.getState().saveState === 'saved' && a.getState().revision === 3);
  return { storage, a, b };
}

describe('"Keep mine" in one tab, seen from the other', () => {
  it('the replaced tab is told, and Undo brings its version back', async () => {
    const { storage, a, b } = await conflictInB();
    const aVersion = a.getState().doc;
    await b.getState().resolveConflict('mine');
    expect(b.getState().saveState).toBe('saved');
    expect(b.getState().revision).toBe(4);
    // a follows b's version...
    await until(() => a.getState().revision === 4);
    expect(ops(a)).toEqual(['test.source', 'test.scale']);
    // ...says so...
    expect(a.getState().notice?.message).toBe(REPLACED_TEXT);
    expect(a.getState().notice?.action?.label).toBe(RESTORE_LABEL);
    // ...and its own version is the last undo step.
    a.getState().undo();
    expect(a.getState().doc).toEqual(aVersion);
    await until(() => a.getState().saveState === 'saved' && a.getState().revision === 5);
    const stored = await storage.pipelines.get(a.getState().pipelineId);
    expect(stored.ok && stored.value?.pipeline.nodes.map((n) => n.op)).toEqual([
      'test.source',
      'test.join',
    ]);
    // b had nothing unsaved: it follows quietly (a plain save, not a replacement), and its own
    // version stays one Undo away there too.
    await until(() => b.getState().revision === 5);
    expect(ops(b)).toEqual(['test.source', 'test.join']);
    expect(b.getState().notice).toBeUndefined();
    b.getState().undo();
    expect(ops(b)).toEqual(['test.source', 'test.scale']);
  });

  it('"Restore my version" keeps the replaced version as a separate pipeline', async () => {
    const { storage, a, b } = await conflictInB();
    const original = a.getState().pipelineId;
    await b.getState().resolveConflict('mine');
    await until(() => a.getState().notice?.message === REPLACED_TEXT);
    a.getState().notice?.action?.run();
    await until(() => a.getState().pipelineId !== original);
    expect(a.getState().name).toBe('Untitled pipeline (my version)');
    expect(ops(a)).toEqual(['test.source', 'test.join']);
    expect(a.getState().notice?.message).toMatch(/kept as “Untitled pipeline \(my version\)”/);
    const copy = await storage.pipelines.get(a.getState().pipelineId);
    expect(copy.ok && copy.value?.pipeline.nodes.map((n) => n.op)).toEqual([
      'test.source',
      'test.join',
    ]);
    // the chosen version is untouched
    const kept = await storage.pipelines.get(original);
    expect(kept.ok && kept.value?.revision).toBe(4);
    expect(kept.ok && kept.value?.pipeline.nodes.map((n) => n.op)).toEqual([
      'test.source',
      'test.scale',
    ]);
    expect((await storage.pipelines.list()).records).toHaveLength(2);
  });

  it('an ordinary save from another tab is followed quietly, with one undo step', async () => {
    const name = `follow-${Math.random()}`;
    const storage = await openStorage(name);
    const a = await tab(storage, name, 10);
    const b = await tab(storage, name, 10);
    a.getState().addNode('test.source');
    await until(() => b.getState().revision === 2);
    expect(ops(b)).toEqual(['test.source']);
    expect(b.getState().notice).toBeUndefined();
    expect(b.getState().past).toHaveLength(1);
    // a rename changes no nodes: no empty undo step
    await a.getState().renamePipeline(a.getState().pipelineId, 'Wells');
    await until(() => b.getState().name === 'Wells');
    expect(b.getState().past).toHaveLength(1);
  });
});
