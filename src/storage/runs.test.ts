import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openPetroflowDb } from './db.ts';
import { openStorage } from './index.ts';
import type { ExecutionRecord } from '../model/run-record.ts';
import { checkExecutionRecord, EXECUTIONS_STORE } from './runs.ts';

let n = 0;
const freshName = () => `petroflow-runs-${++n}-${Math.random()}`;

function record(runId: string, start: number, pipelineId = 'p'): ExecutionRecord {
  return {
    recordVersion: 1,
    runId,
    pipelineId,
    pipelineName: 'Net pay',
    pipelineHash: 'a'.repeat(64),
    operatorVersions: ['petro.vshale@1.0.0', 'source.las@1.0.0'],
    inputHashes: { 'w1.las': 'b'.repeat(64) },
    provenanceHash: 'c'.repeat(64),
    start,
    end: start + 20,
    status: 'failed',
    nodes: [
      {
        nodeId: 'logs',
        op: 'source.las',
        version: '1.0.0',
        status: 'cached',
        start,
        end: start,
        rowsIn: 0,
        rowsOut: 10,
        bytes: 800,
        worker: null,
        cacheHit: true,
        attempts: 0,
      },
      {
        nodeId: 'vsh',
        op: 'petro.vshale',
        version: '1.0.0',
        status: 'failed',
        start: start + 1,
        end: start + 19.5,
        rowsIn: 10,
        rowsOut: 0,
        bytes: 0,
        worker: 1,
        cacheHit: false,
        attempts: 2,
        error: { code: 'NODE_FAILED', message: "Column 'GR' is missing." },
      },
    ],
  };
}

describe('version 2 -> 3 migration of run history', () => {
  it('converts stored version-2 runs into legacy records and sets unreadable ones aside', async () => {
    const name = freshName();
    const v2 = await openPetroflowDb(name, 2);
    expect([...v2.objectStoreNames]).not.toContain(EXECUTIONS_STORE);
    // Exactly what runSlice stored in version 2.
    const old = {
      runId: 'r-old',
      pipelineId: 'p',
      start: 1_700_000_000_000,
      end: 1_700_000_000_900,
      status: 'done',
      nodes: {
        logs: { status: 'cached', rows: 1842, ms: 0 },
        vsh: { status: 'done', rows: 1842, ms: 412.5 },
      },
    };
    // Its pipeline is stored (runs of pipelines that exist nowhere are dropped on open: trash.ts).
    const pipeline = { format: 'petroflow.pipeline', formatVersion: 1, id: 'p', name: 'P' };
    await v2.put('pipelines', { id: 'p', revision: 1, updatedAt: 1, pipeline }, 'p');
    await v2.put('runs', old, 'r-old');
    await v2.put('runs', { runId: 'r-bad', pipelineId: 'p', status: 'done' }, 'r-bad');
    v2.close();

    const storage = await openStorage(name);
    const { runs, corrupt } = await storage.runs.list('p');
    expect(corrupt).toEqual([]);
    expect(runs).toHaveLength(1);
    const r = runs[0]!;
    expect(r).toMatchObject({ runId: 'r-old', status: 'done', legacy: true, pipelineHash: '' });
    expect(r.start).toBe(old.start);
    expect(r.nodes.map((x) => [x.nodeId, x.status, x.rowsOut, x.cacheHit, x.attempts])).toEqual([
      ['logs', 'cached', 1842, true, 0],
      ['vsh', 'done', 1842, false, 1],
    ]);
    expect(r.nodes[1]!.end - r.nodes[1]!.start).toBeCloseTo(412.5, 6);
    expect(checkExecutionRecord(r).ok).toBe(true);
    const q = (await storage.quarantine()) as { store: string; key: string; reason: string }[];
    expect(q.map((x) => [x.store, x.key])).toEqual([['runs', 'r-bad']]);
    expect(q[0]!.reason).toMatch(/start or end missing/);
    storage.close();
    const db = await openPetroflowDb(name);
    expect(await db.count('runs')).toBe(0);
    db.close();
  });
});

describe('RunRepository', () => {
  it('keeps runs per pipeline, newest first, capped at 50', async () => {
    const s = await openStorage(freshName());
    for (let i = 0; i < 53; i++) await s.runs.add(record(`r${i}`, 1000 + i));
    await s.runs.add(record('x', 5, 'other'));
    const { runs } = await s.runs.list('p');
    expect(runs).toHaveLength(50);
    expect(runs[0]?.runId).toBe('r52');
    expect(runs.at(-1)?.runId).toBe('r3');
    expect((await s.runs.list('other')).runs.map((r) => r.runId)).toEqual(['x']);
    expect((await s.runs.list('none')).runs).toEqual([]);
    const got = await s.runs.get('r52');
    expect(got.ok && got.value).toEqual(record('r52', 1052));
    s.close();
  });

  it('refuses to store an invalid record', async () => {
    const s = await openStorage(freshName());
    const bad = { ...record('r1', 1), nodes: [{ ...record('r1', 1).nodes[0]!, worker: -1 }] };
    await expect(s.runs.add(bad)).rejects.toThrow(/worker must be null or an index/);
    expect((await s.runs.list('p')).runs).toEqual([]);
    s.close();
  });

  it('sets a damaged record aside on read and keeps the others', async () => {
    const name = freshName();
    const s = await openStorage(name);
    await s.runs.add(record('good', 10));
    const db = await openPetroflowDb(name);
    await db.put(EXECUTIONS_STORE, { ...record('bad', 20), status: 'exploded' }, 'bad');
    // (A higher recordVersion is a newer build's record, left in place: downgrade.test.ts.)
    await db.put(EXECUTIONS_STORE, { ...record('worse', 30), recordVersion: 0 }, 'worse');
    const list = await s.runs.list('p');
    expect(list.runs.map((r) => r.runId)).toEqual(['good']);
    expect(list.corrupt.map((c) => [c.key, c.reason])).toEqual([
      ['bad', 'status must be done, failed or cancelled'],
      ['worse', 'unknown recordVersion 0'],
    ]);
    expect(await db.count(EXECUTIONS_STORE)).toBe(1);
    expect(await db.count('quarantine')).toBe(2);
    await db.put(EXECUTIONS_STORE, { ...record('bad2', 40), nodes: 'x' }, 'bad2');
    const one = await s.runs.get('bad2');
    expect(one.ok).toBe(false);
    if (!one.ok) expect(one.error.reason).toBe('nodes is not a list');
    expect(await s.runs.get('bad2')).toEqual({ ok: true, value: undefined });
    db.close();
    s.close();
  });
});
