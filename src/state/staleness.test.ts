// Out-of-date results: signatures of nodes, and the store marking results stale after edits made
// after a run, during a run, and to the files (a real in-process engine, fake-indexeddb storage).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createInProcessEngine } from '../engine/engine.ts';
import { testPipeline, testRegistry } from '../engine/testing/fixtures.ts';
import { builtinRegistry } from '../operators/index.ts';
import { openStorage } from '../storage/index.ts';
import { createAppStore, type AppStore } from './store.ts';
import { nodeSignatures, sameSignatures, staleNodes } from './staleness.ts';

const registry = testRegistry();

const pipeline = testPipeline(
  [
    { id: 'src', op: 'test.numbers', params: { batches: 2, rows: 3, file: '*.las' } },
    { id: 'a', op: 'test.step', params: { output: 'v', value: 2 } },
    { id: 'b', op: 'test.step', params: { output: 'w', value: 3 } },
    { id: 'c', op: 'test.step', params: { output: 'x', value: 4 } },
  ],
  ['src->a', 'src->b', 'a->c'],
);

let n = 0;

async function makeStore(): Promise<AppStore> {
  const store = createAppStore({
    registry,
    storage: await openStorage(`petroflow-stale-${++n}`),
    engine: () => Promise.resolve(createInProcessEngine({ operators: registry })),
  });
  store.getState().loadPipeline(pipeline);
  await store.getState().addFiles([{ name: 'w1.las', bytes: new TextEncoder().encode('alpha') }]);
  return store;
}

const stale = (store: AppStore): string[] => [...store.getState().stale].sort();

describe('nodeSignatures', () => {
  const files = [{ name: 'w1.las', hash: 'h1' }];
  const base = nodeSignatures(pipeline, registry, files);

  it('changes for an edited node and the nodes below it only', () => {
    const edited = {
      ...pipeline,
      nodes: pipeline.nodes.map((n) =>
        n.id === 'a' ? { ...n, params: { ...n.params, value: 9 } } : n,
      ),
    };
    const now = nodeSignatures(edited, registry, files);
    expect([...staleNodes(Object.fromEntries(base), now)].sort()).toEqual(['a', 'c']);
  });

  it('ignores positions and labels, and sees a disabled node', () => {
    const moved = {
      ...pipeline,
      nodes: pipeline.nodes.map((n) => ({ ...n, position: { x: 500, y: 500 }, label: 'L' })),
    };
    expect(staleNodes(Object.fromEntries(base), nodeSignatures(moved, registry, files)).size).toBe(
      0,
    );
    const off = {
      ...pipeline,
      nodes: pipeline.nodes.map((n) => (n.id === 'b' ? { ...n, disabled: true } : n)),
    };
    const now = nodeSignatures(off, registry, files);
    expect([...staleNodes(Object.fromEntries(base), now)]).toEqual(['b']);
  });

  it('changes for a source when a file it reads is replaced or removed', () => {
    const replaced = nodeSignatures(pipeline, registry, [{ name: 'w1.las', hash: 'h2' }]);
    expect([...staleNodes(Object.fromEntries(base), replaced)].sort()).toEqual([
      'a',
      'b',
      'c',
      'src',
    ]);
    expect(staleNodes(Object.fromEntries(base), nodeSignatures(pipeline, registry, [])).size).toBe(
      4,
    );
  });

  it('reads only the files a declared file parameter matches', () => {
    const las = testPipeline([{ id: 'las', op: 'source.las', params: { file: 'w1.las' } }], []);
    const one = nodeSignatures(las, builtinRegistry, files);
    const more = nodeSignatures(las, builtinRegistry, [...files, { name: 'w2.las', hash: 'x' }]);
    expect(more.get('las')).toBe(one.get('las'));
    const other = nodeSignatures(las, builtinRegistry, [{ name: 'w1.las', hash: 'h9' }]);
    expect(other.get('las')).not.toBe(one.get('las'));
  });

  it('sameSignatures: a move or a label keeps them, a parameter, disabled flag or edge does not', () => {
    const moved = {
      ...pipeline,
      nodes: pipeline.nodes.map((n) => ({ ...n, position: { x: 1, y: 2 }, label: 'L' })),
    };
    expect(sameSignatures(pipeline, moved)).toBe(true);
    const edited = {
      ...pipeline,
      nodes: pipeline.nodes.map((n) => (n.id === 'a' ? { ...n, params: { ...n.params } } : n)),
    };
    expect(sameSignatures(pipeline, edited)).toBe(false);
    const off = {
      ...pipeline,
      nodes: pipeline.nodes.map((n) => (n.id === 'a' ? { ...n, disabled: true } : n)),
    };
    expect(sameSignatures(pipeline, off)).toBe(false);
    expect(sameSignatures(pipeline, { ...pipeline, edges: [...pipeline.edges] })).toBe(false);
  });

  it('gives nodes on a cycle no signature', () => {
    const loop = testPipeline(
      pipeline.nodes.map((node) => ({ id: node.id, op: node.op, params: node.params })),
      ['src->a', 'src->b', 'a->c', 'c->src'],
    );
    const sigs = nodeSignatures(loop, registry, files);
    expect(sigs.has('src')).toBe(false);
    expect(sigs.has('c')).toBe(false);
  });
});

describe('stale results in the store', () => {
  it('marks the edited node and those below it after a run, and clears on the next run', async () => {
    const store = await makeStore();
    await store.getState().run();
    expect(store.getState().runStatus.c?.status).toBe('done');
    expect(stale(store)).toEqual([]);
    store.getState().setParams('a', { output: 'v', value: 7 });
    expect(stale(store)).toEqual(['a', 'c']);
    store.getState().undo();
    expect(stale(store)).toEqual([]);
    store.getState().redo();
    await store.getState().run();
    expect(stale(store)).toEqual([]);
  });

  it('marks a node edited while the run was going', async () => {
    const store = await makeStore();
    const running = store.getState().run();
    store.getState().setParams('b', { output: 'w', value: 8 });
    await running;
    expect(store.getState().runStatus.b?.status).toBe('done');
    expect(stale(store)).toEqual(['b']);
  });

  it('marks every node reading a removed or replaced file', async () => {
    const store = await makeStore();
    await store.getState().run();
    await store.getState().removeFile('w1.las');
    expect(stale(store)).toEqual(['a', 'b', 'c', 'src']);
  });
});
