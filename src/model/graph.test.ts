import { describe, expect, it } from 'vitest';
import { ancestors, descendants, findCycle, findCycles, topologicalOrder } from './graph.ts';

const nodes = (...ids: string[]) => ids.map((id) => ({ id }));
const edges = (...pairs: string[]) =>
  pairs.map((p) => {
    const [from = '', to = ''] = p.split('>');
    return { from, to };
  });

describe('graph helpers', () => {
  it('findCycle returns null for a DAG and the cycle nodes in order otherwise', () => {
    expect(findCycle(nodes('a', 'b', 'c'), edges('a>b', 'b>c', 'a>c'))).toBeNull();
    expect(findCycle(nodes('x', 'a', 'b', 'c'), edges('x>a', 'a>b', 'b>c', 'c>a'))).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(findCycle(nodes('a'), edges('a>a'))).toEqual(['a']);
  });

  it('findCycles gives one cycle per strongly connected group', () => {
    const n = nodes('a', 'b', 'c', 'd', 'e');
    expect(findCycles(n, edges('a>b', 'b>a', 'c>d', 'd>e', 'e>c', 'b>c'))).toEqual([
      ['a', 'b'],
      ['c', 'd', 'e'],
    ]);
  });

  it('topologicalOrder breaks ties by file order and reports a cycle', () => {
    expect(topologicalOrder(nodes('c', 'b', 'a', 'd'), edges('a>d', 'b>d'))).toEqual({
      ok: true,
      value: ['c', 'b', 'a', 'd'],
    });
    expect(topologicalOrder(nodes('z', 'y', 'x'), edges('x>y', 'y>z'))).toEqual({
      ok: true,
      value: ['x', 'y', 'z'],
    });
    expect(topologicalOrder(nodes('a', 'b', 'c'), edges('a>b', 'b>c', 'c>b'))).toEqual({
      ok: false,
      error: ['b', 'c'],
    });
  });

  it('ancestors and descendants, in file order, without the node itself', () => {
    const p = {
      nodes: nodes('s1', 's2', 'm', 'out1', 'out2', 'lone'),
      edges: edges('s1>m', 's2>m', 'm>out1', 'out1>out2'),
    };
    expect(ancestors(p, 'out1')).toEqual(['s1', 's2', 'm']);
    expect(descendants(p, 'm')).toEqual(['out1', 'out2']);
    expect(descendants(p, 'lone')).toEqual([]);
    expect(ancestors(p, 'missing')).toEqual([]);
  });

  it('handles a 100 000-node chain without recursion, in linear-ish time', () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => `n${i}`);
    const all = ids.map((id) => ({ id }));
    const chain = ids.slice(1).map((to, i) => ({ from: ids[i] as string, to }));
    const t0 = performance.now();
    expect(findCycle(all, chain)).toBeNull();
    const order = topologicalOrder(all, chain);
    expect(order.ok && order.value[99_999]).toBe('n99999');
    expect(descendants({ nodes: all, edges: chain }, 'n0')).toHaveLength(99_999);
    const loop = [...chain, { from: 'n99999', to: 'n0' }];
    expect(findCycle(all, loop)).toHaveLength(100_000);
    expect(performance.now() - t0).toBeLessThan(15_000);
  });
});
