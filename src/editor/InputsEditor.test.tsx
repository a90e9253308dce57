// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeId } from '../model/ids.ts';
import {
  createAppStore,
  edgeKey,
  StoreProvider,
  useApp,
  type AppStore,
  type GraphDoc,
} from '../state/index.ts';
import { testRegistry } from '../state/testOperators.ts';
import { EditorContext, type EditorServices } from './EditorContext.tsx';
import { InputsEditor } from './InputsEditor.tsx';

afterEach(cleanup);

const registry = testRegistry();
const services: EditorServices = {
  registry,
  quickAdd: () => undefined,
  addOperator: () => undefined,
  autoLayout: () => undefined,
};

/** The editor of `id` fed with the live document, or with a fixed (stale) one. */
function show(store: AppStore, id: string, fixed?: GraphDoc) {
  function Live() {
    const doc = useApp((s) => s.doc);
    return <InputsEditor nodeId={id} doc={fixed ?? doc} />;
  }
  render(
    <StoreProvider store={store}>
      <EditorContext.Provider value={services}>
        <Live />
      </EditorContext.Provider>
    </StoreProvider>,
  );
}

/** Sources a and b, scales c -> d. */
function graph() {
  const store = createAppStore({ registry });
  const s = store.getState();
  const [a, b, c, d] = ['test.source', 'test.source', 'test.scale', 'test.scale'].map(
    (op) => s.addNode(op) as string,
  );
  const edge = (from: string, to: string) =>
    store.getState().connect({ from: nodeId(from), fromPort: 'out', to: nodeId(to), toPort: 'in' });
  expect(edge(c as string, d as string).ok).toBe(true);
  return { store, a: a as string, b: b as string, c: c as string, d: d as string };
}

const edges = (store: AppStore) =>
  store.getState().doc.edges.map((e) => `${e.from}.${e.fromPort}->${e.to}.${e.toPort}`);
const options = (select: HTMLElement) =>
  within(select)
    .getAllByRole('option')
    .map((o) => o.textContent);

describe('InputsEditor', () => {
  it('offers every output that can feed the port, never the node itself or a cycle', () => {
    const g = graph();
    show(g.store, g.c);
    const select = screen.getByRole('combobox', { name: 'Input in from' });
    expect(options(select)).toEqual([
      '(not connected)',
      `${g.a} · Test source`,
      `${g.b} · Test source`,
    ]);
    cleanup();
    show(g.store, g.d);
    expect(options(screen.getByRole('combobox', { name: 'Input in from' }))).toEqual([
      '(not connected)',
      `${g.a} · Test source`,
      `${g.b} · Test source`,
      `${g.c} · Scale`,
    ]);
  });

  it('connects, replaces and removes an edge through the store, each undoable', () => {
    const g = graph();
    show(g.store, g.c);
    const select = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Input in from' });
    expect(select.value).toBe('');
    fireEvent.change(select, { target: { value: `${g.a}\u0000out` } });
    expect(edges(g.store)).toEqual([`${g.c}.out->${g.d}.in`, `${g.a}.out->${g.c}.in`]);
    expect(select.value).toBe(`${g.a}\u0000out`);
    fireEvent.change(select, { target: { value: `${g.b}\u0000out` } });
    expect(edges(g.store)).toEqual([`${g.c}.out->${g.d}.in`, `${g.b}.out->${g.c}.in`]);
    fireEvent.change(select, { target: { value: '' } });
    expect(edges(g.store)).toEqual([`${g.c}.out->${g.d}.in`]);
    act(() => g.store.getState().undo());
    expect(edges(g.store)).toEqual([`${g.c}.out->${g.d}.in`, `${g.b}.out->${g.c}.in`]);
    expect(select.value).toBe(`${g.b}\u0000out`);
  });

  it('gives each input port of a multi-input node its own labelled select', () => {
    const store = createAppStore({ registry });
    const src = store.getState().addNode('test.source') as string;
    const join = store.getState().addNode('test.join') as string;
    show(store, join);
    fireEvent.change(screen.getByRole('combobox', { name: 'Input b from' }), {
      target: { value: `${src}\u0000out` },
    });
    expect(edges(store)).toEqual([`${src}.out->${join}.b`]);
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Input a from' }).value).toBe(
      '',
    );
    cleanup();
    show(store, src);
    expect(screen.queryByRole('combobox')).toBeNull();
  });

  it('shows why the store refuses a connection offered by an out-of-date list', () => {
    const g = graph();
    const linked = g.store.getState().doc.edges[0];
    if (!linked) throw new Error('the test graph has its edge');
    act(() => g.store.getState().removeEdges([edgeKey(linked)]));
    show(g.store, g.c, g.store.getState().doc);
    act(() => void g.store.getState().connect(linked));
    const select = screen.getByRole('combobox', { name: 'Input in from' });
    fireEvent.change(select, { target: { value: `${g.d}\u0000out` } });
    expect(screen.getByRole('alert').textContent).toMatch(/Connection refused: .*cycle/);
    expect(edges(g.store)).toEqual([`${g.c}.out->${g.d}.in`]);
  });
});
