/**
 * The deferred check's own logic without DuckDB: it accepts SQL figures equal to the operators'
 * masks and refuses any that differ (the caller then replays the chain eagerly).
 */
import { Float64, tableFromArrays, type RecordBatch, type Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import type { RunContext } from '../../operators/types.ts';
import type { TaskNode } from '../task.ts';
import type { Chain } from './chains.ts';
import type { StagedChain } from './deferred.ts';
import { checkDeferred, filtersReadInput } from './deferred.ts';
import { ROW_HASH, type FusedStep } from './fused-sql.ts';

const node = (nodeId: string, op: string, params: Record<string, unknown>): TaskNode => ({
  nodeId,
  op,
  version: '1.0.0',
  params,
  parent: null,
});
const chain: Chain = {
  steps: [
    node('x2', 'math.expression', { expression: 'X * 2', output: 'X2' }),
    node('zone', 'filter.depth', { index: 'DEPT', top: 2, base: 5 }),
  ],
  kinds: ['expression', 'filter'],
};
const steps: FusedStep[] = [
  { kind: 'expression', expression: 'X * 2', output: 'X2' },
  { kind: 'filter', index: 'DEPT', lo: 2, hi: 5 },
];
// Two batches: DEPT 0..3 and 4..7, so rows 2..5 (positions 2, 3, 4, 5) are kept.
const held = [0, 4].map(
  (from) =>
    tableFromArrays({
      DEPT: Float64Array.from({ length: 4 }, (_, k) => from + k),
      X: Float64Array.from({ length: 4 }, (_, k) => k),
    }).batches[0] as RecordBatch,
);
const kept = [2, 3, 4, 5];
const truth = {
  n: 8,
  m0: 0,
  c1: kept.length,
  s1: kept.reduce((a, b) => a + b, 0),
  h1: kept.reduce((a, p) => a + ((p * ROW_HASH.factor) % ROW_HASH.modulus), 0),
};

function staged(figures: Record<string, number>): StagedChain {
  const t: Table = tableFromArrays(
    Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, Float64Array.of(v)])),
  );
  return { steps, tailReady: true, selectAll: () => Promise.resolve(t) };
}
const ctx = (): RunContext => ({ nodeId: 'zone' }) as RunContext;
const signal = new AbortController().signal;

describe('checkDeferred', () => {
  it('gives the row count of every step when the SQL figures match the masks', async () => {
    const found = await checkDeferred(chain, staged(truth), held, ctx, signal);
    expect(found?.rows).toEqual([8, 4]);
    expect(found?.types[0]?.type).toBeInstanceOf(Float64);
    expect(found?.types[1]).toBeUndefined();
  });

  it.each([
    ['a row count', { n: 7 }],
    ['a kept count', { c1: 3 }],
    ['the kept positions (same count)', { s1: truth.s1 + 1 }],
    ['the position hash (same count and sum)', { h1: truth.h1 + 1 }],
  ])('refuses SQL figures that differ in %s', async (_what, change) => {
    expect(await checkDeferred(chain, staged({ ...truth, ...change }), held, ctx, signal)).toBe(
      undefined,
    );
  });

  it('refuses when the chain is not ready for its tail', async () => {
    const notReady = { ...staged(truth), tailReady: false };
    expect(await checkDeferred(chain, notReady, held, ctx, signal)).toBeUndefined();
  });

  it('knows when a filter reads a column an earlier expression wrote', () => {
    expect(filtersReadInput(steps)).toBe(true);
    expect(filtersReadInput([{ ...steps[0], output: 'DEPT' } as FusedStep, steps[1]!])).toBe(false);
  });
});
