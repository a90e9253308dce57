import { describe, expect, it } from 'vitest';
import type { GraphDoc } from './doc.ts';
import { HISTORY_LIMIT } from './graphSlice.ts';
import { historyAfterFollow, restoredName, sameDoc } from './tabFollow.ts';
import type { PipelineNode } from '../model/pipeline.ts';
import { nodeId } from '../model/ids.ts';

const node = (id: string, x = 0): PipelineNode => ({
  id: nodeId(id),
  op: 'test.source',
  version: '1.0.0',
  params: {},
  position: { x, y: 0 },
});
const doc = (...nodes: PipelineNode[]): GraphDoc => ({ nodes, edges: [] });

describe('historyAfterFollow', () => {
  it('makes the replaced document the last undo step', () => {
    const old = doc(node('a-1'));
    const mine = doc(node('a-1'), node('b-1'));
    const theirs = doc(node('a-1'), node('c-1'));
    expect(historyAfterFollow([old], mine, theirs)).toEqual([old, mine]);
  });

  it('adds no step when the graph did not change (a rename)', () => {
    const mine = doc(node('a-1'));
    const past = [doc()];
    expect(historyAfterFollow(past, mine, doc(node('a-1')))).toBe(past);
  });

  it('keeps at most HISTORY_LIMIT steps, dropping the oldest', () => {
    const past = Array.from({ length: HISTORY_LIMIT }, (_, i) => doc(node('a-1', i)));
    const mine = doc(node('b-1'));
    const next = historyAfterFollow(past, mine, doc());
    expect(next).toHaveLength(HISTORY_LIMIT);
    expect(next[0]).toBe(past[1]);
    expect(next[HISTORY_LIMIT - 1]).toBe(mine);
  });
});

describe('sameDoc', () => {
  it('compares nodes and edges by value', () => {
    expect(sameDoc(doc(node('a-1')), doc(node('a-1')))).toBe(true);
    expect(sameDoc(doc(node('a-1')), doc(node('a-1', 5)))).toBe(false);
    expect(sameDoc(doc(node('a-1')), doc())).toBe(false);
  });
});

describe('restoredName', () => {
  it('marks the copy as this tab’s version', () => {
    expect(restoredName('Wells')).toBe('Wells (my version)');
  });
});
