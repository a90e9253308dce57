// Storage-backed store tests: fake-indexeddb stands in for the browser's IndexedDB only.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createAppStore, type AppStore } from './store.ts';
import { testRegistry } from './testOperators.ts';
import { openStorage, openTabChannel, type Storage } from '../storage/index.ts';

const registry = testRegistry();
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(f: () => boolean, ms = 2000) {
  const end = Date.now() + ms;
  while (!f()) {
    if (Date.now() > end) throw new Error('condition not reached');
    await wait(5);
  }
}

async function tab(storage: Storage, channelName: string): Promise<AppStore> {
  const s = createAppStore({
    registry,
    storage,
    channel: openTabChannel(channelName),
    autosaveMs: 10,
  });
  await s.getState().init();
  return s;
}

describe('autosave and reload', () => {
  it('saves edits without a save button and restores them in a new store', async () => {
    const name = `lib-${Math.random()}`;
    const storage = await openStorage(name);
    const a = await tab(storage, name);
    expect(a.getState().pipelines).toHaveLength(1);
    a.getState().addNode('test.source');
    await a.getState().renamePipeline(a.getState().pipelineId, 'Wells');
    await until(() => a.getState().saveState === 'saved' && a.getState().revision >= 2);
    const b = await tab(storage, `${name}-other`);
    expect(b.getState().name).toBe('Wells');
    expect(b.getState().doc.nodes.map((n) => n.id)).toEqual(['source-1']);
  });

  it('new, duplicate, delete with undo', async () => {
    const name = `lib-${Math.random()}`;
    const s = await tab(await openStorage(name), name);
    const first = s.getState().pipelineId;
    await s.getState().duplicatePipeline(first);
    expect(s.getState().name).toBe('Copy of Untitled pipeline');
    expect(s.getState().pipelines).toHaveLength(2);
    const copy = s.getState().pipelineId;
    await s.getState().deletePipeline(copy);
    expect(s.getState().pipelines.map((p) => p.id)).toEqual([first]);
    expect(s.getState().pipelineId).toBe(first);
    s.getState().notice?.action?.run();
    await until(() => s.getState().pipelines.length === 2);
    expect(s.getState().pipelineId).toBe(copy);
  });
});

describe('two tabs editing one pipeline', () => {
  it('a stale tab with unsaved edits is told, and chooses', async () => {
    const name = `lib-${Math.random()}`;
    const storage = await openStorage(name);
    const a = await tab(storage, name);
    const b = await tab(storage, name);
    expect(b.getState().pipelineId).toBe(a.getState().pipelineId);
    // b has unsaved edits (autosave delay long enough) while a saves first
    a.getState().addNode('test.source');
    await until(() => a.getState().saveState === 'saved' && a.getState().revision === 2);
    await until(() => b.getState().doc.nodes.length === 1); // no local edits: b follows a quietly
    expect(b.getState().revision).toBe(2);

    b.getState().addNode('test.scale'); // b edits...
    a.getState().addNode('test.join'); // ...and a edits at the same time
    await until(
      () => a.getState().saveState === 'conflict' || b.getState().saveState === 'conflict',
    );
    const loser = a.getState().saveState === 'conflict' ? a : b;
    const winner = loser === a ? b : a;
    await until(() => winner.getState().saveState === 'saved');
    expect(loser.getState().conflict?.theirs).toBeDefined();
    // the loser keeps its own version: it is saved on top of theirs
    const mine = loser.getState().doc;
    await loser.getState().resolveConflict('mine');
    expect(loser.getState().saveState).toBe('saved');
    const stored = await storage.pipelines.get(loser.getState().pipelineId);
    expect(stored.ok && stored.value?.pipeline.nodes).toEqual(mine.nodes);
    // the winner learns about it: it has no pending edits, so it loads the new revision
    await until(() => winner.getState().revision === loser.getState().revision);
    expect(winner.getState().doc.nodes).toEqual(mine.nodes);
  });

  it('load theirs replaces the local copy', async () => {
    const name = `lib-${Math.random()}`;
    const storage = await openStorage(name);
    const a = createAppStore({ registry, storage, channel: openTabChannel(name), autosaveMs: 10 });
    await a.getState().init();
    const b = createAppStore({
      registry,
      storage,
      channel: openTabChannel(`${name}-deaf`),
      autosaveMs: 10,
    });
    await b.getState().init();
    a.getState().addNode('test.source');
    await until(() => a.getState().saveState === 'saved' && a.getState().revision === 2);
    b.getState().addNode('test.join'); // b never heard of a's save: its save is refused
    await until(() => b.getState().saveState === 'conflict');
    await b.getState().resolveConflict('theirs');
    expect(b.getState().doc.nodes.map((n) => n.op)).toEqual(['test.source']);
    expect(b.getState().revision).toBe(2);
    expect(b.getState().saveState).toBe('saved');
  });
});
