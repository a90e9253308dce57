import { describe, expect, it } from 'vitest';
import { checkExecutionRecord } from '../storage/runs.ts';
import { testPipeline } from '../engine/testing/fixtures.ts';
import type { NodeSpan, RunSummary } from '../engine/types.ts';
import { makeExecutionRecord, toOtlpJson } from '../engine/telemetry/index.ts';

const pipeline = testPipeline(
  [
    { id: 'src', op: 'test.numbers' },
    { id: 'a', op: 'test.step' },
    { id: 'b', op: 'test.step' },
  ],
  ['src->a', 'src->b'],
);

const T = Date.UTC(2025, 5, 1, 12);

function span(nodeId: string, start: number, end: number): NodeSpan {
  return {
    nodeId,
    op: nodeId === 'src' ? 'test.numbers' : 'test.step',
    version: '1.0.0',
    start,
    end,
    rowsIn: 1,
    rowsOut: 1,
    bytes: 8,
    worker: 0,
    cacheHit: false,
    status: 'done',
    attempts: 1,
  };
}

/**
 * Node times come from the worker that ran the node (its own `performance.timeOrigin`), the run's
 * from the main thread. After a wall-clock step between the two threads' starts, or a retry on a
 * replacement worker, they disagree: here `a` ends before it starts (retried on a worker whose
 * clock is 40 ms behind) and `b` ends after the run.
 */
const skewed: RunSummary = {
  runId: 'r-skew',
  status: 'done',
  start: T + 10,
  end: T + 100,
  nodes: {
    src: { status: 'done', rows: 1, ms: 5, cached: false },
    a: { status: 'done', rows: 1, ms: 0, cached: false },
    b: { status: 'done', rows: 1, ms: 20, cached: false },
  },
  spans: [span('src', T + 5, T + 9), span('a', T + 50, T + 30), span('b', T + 80, T + 130)],
};

describe('makeExecutionRecord times', () => {
  it('keeps a record whose node clocks disagree storable, with every node inside its run', async () => {
    const record = await makeExecutionRecord(pipeline, skewed, {});
    // Storage refused such a record outright ("nodes[1]: start or end invalid"): the run was lost.
    expect(checkExecutionRecord(record).ok).toBe(true);
    for (const n of record.nodes) {
      expect(n.end).toBeGreaterThanOrEqual(n.start);
      expect(n.start).toBeGreaterThanOrEqual(record.start);
      expect(n.end).toBeLessThanOrEqual(record.end);
    }
    // The run widens to cover what its nodes measured; a node is never moved.
    expect(record.start).toBe(T + 5);
    expect(record.end).toBe(T + 130);
    expect(record.nodes.map((n) => [n.start, n.end])).toEqual([
      [T + 5, T + 9],
      [T + 50, T + 50],
      [T + 80, T + 130],
    ]);
  });

  it('exports spans that nest in the run span, with no negative duration', async () => {
    const record = await makeExecutionRecord(pipeline, skewed, {});
    const [run, ...nodes] = toOtlpJson(record).resourceSpans[0]!.scopeSpans[0]!.spans;
    for (const s of nodes) {
      expect(BigInt(s.startTimeUnixNano)).toBeGreaterThanOrEqual(BigInt(run!.startTimeUnixNano));
      expect(BigInt(s.endTimeUnixNano)).toBeLessThanOrEqual(BigInt(run!.endTimeUnixNano));
      expect(BigInt(s.endTimeUnixNano)).toBeGreaterThanOrEqual(BigInt(s.startTimeUnixNano));
    }
  });

  it('leaves consistent times exactly as measured', async () => {
    const fine: RunSummary = {
      ...skewed,
      spans: [span('src', T + 12, T + 20), span('a', T + 21, T + 40), span('b', T + 21, T + 90)],
    };
    const record = await makeExecutionRecord(pipeline, fine, {});
    expect([record.start, record.end]).toEqual([T + 10, T + 100]);
    expect(record.nodes.map((n) => n.end - n.start)).toEqual([8, 19, 69]);
  });
});
