import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { ExecutionNodeMetrics, ExecutionRecord } from '../model/run-record.ts';
import { openPetroflowDb } from './db.ts';
import { openStorage } from './index.ts';
import { checkExecutionRecord, EXECUTIONS_STORE, RUNS_KEPT_PER_PIPELINE } from './runs.ts';

let n = 0;
const freshName = () => `petroflow-runs-edge-${++n}-${Math.random()}`;

function node(nodeId: string, start: number): ExecutionNodeMetrics {
  return {
    nodeId,
    op: 'petro.vshale',
    version: '1.0.0',
    status: 'done',
    start,
    end: start + 5,
    rowsIn: 10,
    rowsOut: 10,
    bytes: 800,
    worker: 0,
    cacheHit: false,
    attempts: 1,
  };
}

function record(runId: string, start: number): ExecutionRecord {
  return {
    recordVersion: 1,
    runId,
    pipelineId: 'p',
    pipelineName: 'Net pay',
    pipelineHash: 'a'.repeat(64),
    operatorVersions: ['petro.vshale@1.0.0'],
    inputHashes: {},
    provenanceHash: 'c'.repeat(64),
    start,
    end: start + 20,
    status: 'done',
    nodes: [node('vsh', start + 1)],
  };
}

const YEAR = 365 * 24 * 3600 * 1000;

describe('RunRepository under a wall clock that went back', () => {
  it('keeps the run just recorded even when 50 stored runs look newer', async () => {
    const s = await openStorage(freshName());
    // Runs recorded while the computer's clock was a year ahead (then corrected).
    const now = Date.UTC(2026, 0, 1);
    for (let i = 0; i < RUNS_KEPT_PER_PIPELINE; i++)
      await s.runs.add(record(`future${i}`, now + YEAR + i));
    await s.runs.add(record('today', now));
    // It was stored and then dropped as "the oldest" in the same transaction: lost silently.
    const got = await s.runs.get('today');
    expect(got.ok && got.value?.runId).toBe('today');
    const { runs } = await s.runs.list('p');
    expect(runs).toHaveLength(RUNS_KEPT_PER_PIPELINE);
    expect(runs.map((r) => r.runId)).toContain('today');
    // The oldest of the others made room.
    expect(runs.map((r) => r.runId)).not.toContain('future0');
    s.close();
  });
});

describe('checkExecutionRecord', () => {
  it('refuses a record that names one node twice (bars and rows are keyed by node id)', () => {
    const r = { ...record('r', 1000), nodes: [node('vsh', 1001), node('vsh', 1002)] };
    const c = checkExecutionRecord(r);
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.error).toBe("nodes[1]: node 'vsh' is listed twice");
  });

  it('sets such a stored record aside instead of showing it', async () => {
    const name = freshName();
    const s = await openStorage(name);
    const db = await openPetroflowDb(name);
    const dup = { ...record('dup', 1000), nodes: [node('a', 1001), node('a', 1001)] };
    await db.put(EXECUTIONS_STORE, dup, 'dup');
    const list = await s.runs.list('p');
    expect(list.runs).toEqual([]);
    expect(list.corrupt.map((c) => c.key)).toEqual(['dup']);
    db.close();
    s.close();
  });
});
