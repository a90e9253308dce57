// The input hashes of a run record are those of the files the run read, even when the file
// library changes while the run is going (a real store, in-process engine, fake-indexeddb).
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createInProcessEngine } from '../engine/engine.ts';
import { testPipeline, testRegistry } from '../engine/testing/fixtures.ts';
import { openStorage } from '../storage/index.ts';
import { createAppStore } from './store.ts';

const registry = testRegistry();
const sha = (s: string): string => createHash('sha256').update(s).digest('hex');
const bytes = (s: string) => new TextEncoder().encode(s);

const pipeline = testPipeline(
  [
    { id: 'src', op: 'test.numbers', params: { batches: 1, rows: 3, file: '*.las' } },
    { id: 'slow', op: 'test.step', params: { output: 'v', value: 2, ms: 300 } },
  ],
  ['src->slow'],
);

describe('run record input hashes', () => {
  it('are those of the library when the run started, not after files changed during it', async () => {
    const store = createAppStore({
      registry,
      storage: await openStorage(`petroflow-runs-inputs-${Math.random()}`),
      engine: () => Promise.resolve(createInProcessEngine({ operators: registry })),
    });
    store.getState().loadPipeline(pipeline);
    await store.getState().addFiles([{ name: 'w1.las', bytes: bytes('alpha') }]);
    let changed: Promise<void> | undefined;
    const unsubscribe = store.subscribe((s) => {
      if (changed || s.runStatus.slow?.status !== 'running') return;
      // While the slow step runs (the source has read w1.las already), the user replaces
      // w1.las and adds w2.las, which the source's *.las would match in a later run.
      changed = store.getState().addFiles([
        { name: 'w1.las', bytes: bytes('beta') },
        { name: 'w2.las', bytes: bytes('gamma') },
      ]);
    });
    await store.getState().run();
    unsubscribe();
    await changed;
    expect(changed).toBeDefined();
    const [r] = store.getState().runHistory.runs;
    expect(r?.status).toBe('done');
    // The source read 5 bytes ('alpha'): its output says so.
    expect(r?.inputHashes).toEqual({ 'w1.las': sha('alpha') });
    // The next run reads the new files and says so.
    await store.getState().run();
    const [next] = store.getState().runHistory.runs;
    expect(next?.inputHashes).toEqual({ 'w1.las': sha('beta'), 'w2.las': sha('gamma') });
    expect(next?.provenanceHash).not.toBe(r?.provenanceHash);
  });
});
