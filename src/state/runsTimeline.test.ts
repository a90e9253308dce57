import { describe, expect, it } from 'vitest';
import type { ExecutionNodeMetrics, ExecutionRecord } from '../model/run-record.ts';
import { MAIN_LANE_LABEL, nodeCounts, runTimeline } from './runsTimeline.ts';

const T0 = 1_700_000_000_000;

function node(
  nodeId: string,
  worker: number | null,
  from: number,
  to: number,
  status: ExecutionNodeMetrics['status'] = 'done',
): ExecutionNodeMetrics {
  return {
    nodeId,
    op: 'test.step',
    version: '1.0.0',
    status,
    start: T0 + from,
    end: T0 + to,
    rowsIn: 1,
    rowsOut: 1,
    bytes: 8,
    worker,
    cacheHit: status === 'cached',
    attempts: status === 'done' ? 1 : 0,
  };
}

function record(nodes: ExecutionNodeMetrics[], end = 1000): ExecutionRecord {
  return {
    recordVersion: 1,
    runId: 'r',
    pipelineId: 'p',
    pipelineName: 'P',
    pipelineHash: '',
    operatorVersions: [],
    inputHashes: {},
    provenanceHash: '',
    start: T0,
    end: T0 + end,
    status: 'done',
    nodes,
  };
}

describe('runTimeline', () => {
  it('puts each worker on a lane (sorted) and cache hits on the main lane, last', () => {
    const t = runTimeline(
      record([
        node('src', null, 0, 0, 'cached'),
        node('b', 1, 100, 600),
        node('a', 0, 100, 400),
        node('c', 0, 450, 900),
      ]),
    );
    expect(t.total).toBe(1000);
    expect(t.lanes.map((l) => [l.key, l.label, l.bars.map((b) => b.nodeId)])).toEqual([
      ['worker-0', 'Worker 0', ['a', 'c']],
      ['worker-1', 'Worker 1', ['b']],
      ['main', MAIN_LANE_LABEL, ['src']],
    ]);
    const b = t.lanes[1]!.bars[0]!;
    expect([b.key, b.label, b.status, b.from, b.to]).toEqual(['b', 'b', 'done', 100, 600]);
  });

  it('orders the bars of a lane by start, then end', () => {
    const t = runTimeline(
      record([node('c', 0, 20, 800), node('a', 0, 0, 300), node('b', 0, 0, 200)]),
    );
    expect(t.lanes[0]!.bars.map((b) => b.nodeId)).toEqual(['b', 'a', 'c']);
  });

  it('stretches the total to the last node end and never divides by zero', () => {
    expect(runTimeline(record([node('a', 0, 0, 1500)], 1000)).total).toBe(1500);
    expect(runTimeline(record([], 0)).total).toBe(1);
    expect(runTimeline(record([], 0)).lanes).toEqual([]);
  });
});

describe('nodeCounts', () => {
  it('counts nodes by outcome', () => {
    const r = record([
      node('a', 0, 0, 1),
      node('b', null, 0, 0, 'cached'),
      node('c', 0, 0, 1, 'failed'),
      node('d', null, 0, 0, 'skipped'),
      node('e', null, 0, 0, 'cancelled'),
    ]);
    expect(nodeCounts(r)).toEqual({ ran: 1, cached: 1, failed: 1, skipped: 2 });
  });
});
