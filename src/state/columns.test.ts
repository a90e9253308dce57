import { describe, expect, it } from 'vitest';
import { createAppStore } from './store.ts';
import { testRegistry } from './testOperators.ts';
import { globMatch, inputColumns } from './columns.ts';
import { nodeId } from '../model/ids.ts';
import { createIssueChecker } from './validate.ts';
import { portLookup } from './ports.ts';

const registry = testRegistry();

describe('columns offered to a node', () => {
  it('come from the upstream outputSchema, through row-wise nodes, or from the last run', () => {
    const s = createAppStore({ registry });
    const a = s.getState().addNode('test.source') as string;
    const b = s.getState().addNode('test.scale') as string;
    const c = s.getState().addNode('test.scale') as string;
    const e = (from: string, to: string) => ({
      from: nodeId(from),
      fromPort: 'out',
      to: nodeId(to),
      toPort: 'in',
    });
    s.getState().connect(e(a, b));
    s.getState().connect(e(b, c));
    const ctx = { doc: s.getState().doc, files: [], outputColumns: {} };
    expect(inputColumns(registry, ctx, b)).toEqual({ in: ['DEPT', 'GR'] });
    expect(inputColumns(registry, ctx, c)).toEqual({ in: ['DEPT', 'GR'] });
    expect(
      inputColumns(registry, { ...ctx, outputColumns: { [b]: ['DEPT', 'GR', 'X'] } }, c),
    ).toEqual({
      in: ['DEPT', 'GR', 'X'],
    });
    expect(inputColumns(registry, ctx, a)).toEqual({});
  });

  it('globs match file names case-insensitively', () => {
    expect(globMatch('*.las', 'Well-1.LAS')).toBe(true);
    expect(globMatch('well-?.las', 'well-1.las')).toBe(true);
    expect(globMatch('*.las', 'tops.csv')).toBe(false);
    expect(globMatch('a+b.las', 'a+b.las')).toBe(true);
  });
});

describe('typing in one field', () => {
  it('is one undo step; another field is another step', () => {
    const s = createAppStore({ registry });
    const id = s.getState().addNode('test.scale') as string;
    const before = s.getState().past.length;
    for (const v of [1, 12, 120]) s.getState().setParams(id, { col: 'GR', factor: v }, 'factor');
    expect(s.getState().past.length).toBe(before + 1);
    s.getState().setParams(id, { col: 'DEPT', factor: 120 }, 'col');
    expect(s.getState().past.length).toBe(before + 2);
    s.getState().undo();
    s.getState().undo();
    expect(s.getState().doc.nodes[0]?.params).toEqual({ col: 'GR' });
  });
});

describe('issues with context', () => {
  it('are clean for a connected, valid chain', () => {
    const s = createAppStore({ registry });
    const a = s.getState().addNode('test.source') as string;
    const b = s.getState().addNode('test.scale') as string;
    s.getState().connect({ from: nodeId(a), fromPort: 'out', to: nodeId(b), toPort: 'in' });
    s.getState().setParams(b, { col: 'GR', factor: 2 });
    const check = createIssueChecker(registry, portLookup(registry));
    expect(check(s.getState().doc, { files: [], outputColumns: {} }).size).toBe(0);
  });
});
