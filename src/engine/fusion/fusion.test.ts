/**
 * Unit tests of the fusion pieces that need no DuckDB: which nodes share a segment, which chains
 * are fused, which columns they read, and the check that a fused filter agrees with the operator.
 * The end-to-end comparisons with real DuckDB are in src/workers/duckdb/fusion.test.ts.
 */
import { Table, tableFromArrays, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { builtinRegistry } from '../../operators/index.ts';
import { bindDepthFilter } from '../../operators/tables/filter-depth.ts';
import { planRun } from '../plan.ts';
import { buildSegments } from '../segments.ts';
import type { SegmentTask, TaskNode } from '../task.ts';
import { testPipeline, type TestNode } from '../testing/fixtures.ts';
import { findChains } from './chains.ts';
import { FusionMismatch, fusedOutputs } from './fused-batch.ts';
import { fusedColumns, keepColumn, valuesSql, viewSql } from './fused-sql.ts';

const expr = (id: string, expression: string, output: string): TestNode => ({
  id,
  op: 'math.expression',
  params: { expression, output },
});
const csv: TestNode = { id: 'csv', op: 'source.csv', params: { file: 'a.csv' } };
const agg: TestNode = {
  id: 'agg',
  op: 'sql',
  params: { query: 'SELECT count(*) AS n FROM input' },
};

function segmentsOf(nodes: TestNode[], edges: string[]): string[][] {
  const plan = planRun(testPipeline(nodes, edges), builtinRegistry, undefined);
  if (!plan.ok) throw new Error(plan.error.message);
  return buildSegments(plan.value, new Set(plan.value.order)).map((s) => [...s.nodes]);
}

function task(
  nodes: { id: string; op: string; parent: string | null; port?: string }[],
): SegmentTask {
  const list: TaskNode[] = nodes.map((n) => ({
    nodeId: n.id,
    op: n.op,
    version: '1.0.0',
    params: {},
    parent: n.parent,
    ...(n.port ? { port: n.port } : {}),
  }));
  return { taskId: 't', nodes: list, inputs: {}, fileNames: [], capacity: 4 };
}

describe('segments with a sql tail', () => {
  it('puts a sql node in the segment of the expression it alone consumes', () => {
    const nodes = [csv, expr('a', 'GR * 2', 'A'), agg];
    expect(segmentsOf(nodes, ['csv->a', 'a->agg:input'])).toEqual([['csv', 'a', 'agg']]);
  });

  it('keeps it apart when the expression has another consumer, or after a source', () => {
    const two = [csv, expr('a', 'GR * 2', 'A'), agg, expr('b', 'A + 1', 'B')];
    expect(segmentsOf(two, ['csv->a', 'a->agg:input', 'a->b'])).toEqual([
      ['csv', 'a', 'b'],
      ['agg'],
    ]);
    expect(segmentsOf([csv, agg], ['csv->agg:input'])).toEqual([['csv'], ['agg']]);
  });
});

describe('findChains', () => {
  it('finds steps in order with their tail, and stops at a branch', () => {
    const t = task([
      { id: 'csv', op: 'source.csv', parent: null },
      { id: 'a', op: 'math.expression', parent: 'csv' },
      { id: 'f', op: 'filter.depth', parent: 'a' },
      { id: 'b', op: 'math.expression', parent: 'f' },
      { id: 'agg', op: 'sql', parent: 'b', port: 'input' },
    ]);
    const [c] = findChains(t, builtinRegistry);
    expect(c?.steps.map((s) => s.nodeId)).toEqual(['a', 'f', 'b']);
    expect(c?.kinds).toEqual(['expression', 'filter', 'expression']);
    expect(c?.tail?.nodeId).toBe('agg');
    const branched = task([
      { id: 'csv', op: 'source.csv', parent: null },
      { id: 'a', op: 'math.expression', parent: 'csv' },
      { id: 'b', op: 'math.expression', parent: 'a' },
      { id: 'c', op: 'math.expression', parent: 'a' },
    ]);
    expect(findChains(branched, builtinRegistry)).toEqual([]);
  });

  it('does not fuse a lone step, nor a chain without an expression', () => {
    const lone = task([
      { id: 'csv', op: 'source.csv', parent: null },
      { id: 'a', op: 'math.expression', parent: 'csv' },
    ]);
    expect(findChains(lone, builtinRegistry)).toEqual([]);
    const filters = task([
      { id: 'csv', op: 'source.csv', parent: null },
      { id: 'f', op: 'filter.depth', parent: 'csv' },
      { id: 'g', op: 'filter.depth', parent: 'f' },
    ]);
    expect(findChains(filters, builtinRegistry)).toEqual([]);
  });
});

describe('fused SQL', () => {
  const steps = [
    { kind: 'expression', expression: 'GR * 2', output: 'A' },
    { kind: 'filter', index: 'DEPT', lo: 1, hi: 2 },
    { kind: 'expression', expression: 'A + NPHI', output: 'GR' },
  ] as const;

  it('reads only the referenced columns, or all for a tail', () => {
    const names = ['DEPT', 'GR', 'NPHI', 'RT'];
    expect(fusedColumns(steps, names, false)).toEqual(['DEPT', 'GR', 'NPHI']);
    expect(fusedColumns(steps, names, true)).toEqual(names);
  });

  it('refuses names that clash up to case, reserved names, and expressions reading any column', () => {
    expect(fusedColumns(steps, ['DEPT', 'gr', 'GR', 'NPHI'], false)).toBeUndefined();
    expect(fusedColumns(steps, ['DEPT', 'GR', '__petroflow_x'], false)).toBeUndefined();
    const lower = [{ kind: 'expression', expression: 'GR', output: 'dept' }] as const;
    expect(fusedColumns(lower, ['DEPT', 'GR'], false)).toBeUndefined();
    const star = [
      { kind: 'expression', expression: 'list_sum([COLUMNS(*)])', output: 'S' },
    ] as const;
    expect(fusedColumns(star, ['DEPT', 'GR'], false)).toBeUndefined();
  });

  it('guards later expressions by the filter and replaces a column in place', () => {
    const chain = { steps, names: ['DEPT', 'GR', 'NPHI'] };
    const sql = valuesSql(chain, 't');
    expect(sql).toContain('CASE WHEN __petroflow_k1 THEN (A + NPHI) END');
    expect(sql).toContain('REPLACE (__petroflow_v2 AS "GR")');
    expect(viewSql(chain, 't')).toMatch(
      /EXCLUDE \(__petroflow_v0, __petroflow_k1, __petroflow_v2\) FROM \S+ WHERE __petroflow_k1$/,
    );
  });
});

describe('fusedOutputs', () => {
  const batch = tableFromArrays({ DEPT: Float64Array.from([1, 2, 3, 4]) }).batches[0]!;
  const filter = bindDepthFilter(batch.schema, { index: 'DEPT', top: 2, base: 3 }, { nodeId: 'f' });
  if (!filter.ok) throw new Error(filter.error.message);
  const step = { kind: 'filter', bound: filter.value } as const;
  const result = (flags: (boolean | null)[]) =>
    new Table({ [keepColumn(0)]: vectorFromArray(flags) });

  it('takes the filter output from the operator when the SQL flags agree', () => {
    const [out] = fusedOutputs(batch, result([false, true, true, null]), 1, () => step);
    expect([...(out?.batch.getChild('DEPT') ?? [])]).toEqual([2, 3]);
  });

  it('refuses a result whose flags disagree with the operator (the batch runs unfused)', () => {
    expect(() => fusedOutputs(batch, result([false, true, false, false]), 1, () => step)).toThrow(
      FusionMismatch,
    );
    const short = new Table({ [keepColumn(0)]: vectorFromArray([true]) });
    expect(() => fusedOutputs(batch, short, 1, () => step)).toThrow(FusionMismatch);
  });
});
