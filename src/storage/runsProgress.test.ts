// Runs recorded when they start: a run cut short (tab closed, reloaded) is listed as interrupted.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { ExecutionRecord } from '../model/run-record.ts';
import { openPetroflowDb } from './db.ts';
import { openStorage } from './index.ts';
import { EXECUTIONS_STORE, RUNS_KEPT_PER_PIPELINE } from './runs.ts';
import { holdRunLock, RUN_STALE_MS } from './runLocks.ts';

let n = 0;
const freshName = () => `petroflow-runs-progress-${++n}-${Math.random()}`;

function record(runId: string, start: number, status: ExecutionRecord['status']): ExecutionRecord {
  return {
    recordVersion: 1,
    runId,
    pipelineId: 'p',
    pipelineName: 'Net pay',
    pipelineHash: 'a'.repeat(64),
    operatorVersions: ['petro.vshale@1.0.0'],
    inputHashes: { 'w.las': 'b'.repeat(64) },
    provenanceHash: 'c'.repeat(64),
    start,
    end: start,
    status,
    nodes: [],
  };
}

describe('a run recorded when it starts', () => {
  it('is listed as running while its tab holds it, and replaced by the finished record', async () => {
    const s = await openStorage(freshName());
    const now = Date.now();
    const release = holdRunLock('started');
    await s.runs.start(record('started', now, 'failed'));
    const [going] = (await s.runs.list('p')).runs;
    expect(going?.progress).toBe('running');
    expect(going?.inputHashes).toEqual({ 'w.las': 'b'.repeat(64) });
    await s.runs.finish('started', { ...record('engine-id', now, 'done'), end: now + 50 });
    release();
    const list = (await s.runs.list('p')).runs;
    expect(list.map((r) => [r.runId, r.status, r.progress])).toEqual([
      ['engine-id', 'done', undefined],
    ]);
    // A late progress write (a timer that fired after the end) never brings it back.
    await s.runs.update({ ...record('started', now, 'failed'), end: now + 60 });
    expect((await s.runs.list('p')).runs).toHaveLength(1);
    s.close();
  });

  it('is interrupted when no tab runs it any more, with the nodes that had finished', async () => {
    const name = freshName();
    const db = await openPetroflowDb(name);
    const start = Date.now() - RUN_STALE_MS - 60_000;
    const node = {
      ...{ nodeId: 'vsh', op: 'petro.vshale', version: '1.0.0', status: 'done' as const },
      ...{ start: start + 5, end: start + 40, rowsIn: 10, rowsOut: 10, bytes: 0, worker: null },
      ...{ cacheHit: false, attempts: 1 },
    };
    // Written by a tab that was closed mid-run (no lock held, not rewritten since).
    const left = { ...record('cut', start, 'failed'), end: start + 40, nodes: [node] };
    await db.put(EXECUTIONS_STORE, { ...left, progress: 'running' }, 'cut');
    // Written a moment ago by another tab that is still running it.
    const fresh = record('other-tab', Date.now() - 1000, 'failed');
    await db.put(EXECUTIONS_STORE, { ...fresh, progress: 'running' }, 'other-tab');
    db.close();
    const s = await openStorage(name);
    const list = (await s.runs.list('p')).runs;
    const cut = list.find((r) => r.runId === 'cut');
    expect(cut?.progress).toBe('interrupted');
    expect(cut?.nodes.map((x) => x.nodeId)).toEqual(['vsh']);
    expect(list.find((r) => r.runId === 'other-tab')?.progress).toBe('running');
    const got = await s.runs.get('cut');
    expect(got.ok && got.value?.progress).toBe('interrupted');
    s.close();
  });

  it('counts in the cap of 50 and its replacement by the finished run keeps the count', async () => {
    const s = await openStorage(freshName());
    for (let i = 0; i < RUNS_KEPT_PER_PIPELINE; i++)
      await s.runs.add({ ...record(`old-${i}`, 1000 + i, 'done'), end: 1001 + i });
    const release = holdRunLock('going');
    await s.runs.start(record('going', 5000, 'failed'));
    let list = (await s.runs.list('p')).runs;
    expect(list).toHaveLength(RUNS_KEPT_PER_PIPELINE);
    expect(list.some((r) => r.runId === 'old-0')).toBe(false);
    await s.runs.finish('going', { ...record('final', 5000, 'done'), end: 5010 });
    release();
    list = (await s.runs.list('p')).runs;
    expect(list).toHaveLength(RUNS_KEPT_PER_PIPELINE);
    expect(list[0]?.runId).toBe('final');
    expect(list.some((r) => r.runId === 'going')).toBe(false);
    expect(list.some((r) => r.runId === 'old-1')).toBe(true);
    s.close();
  });

  it('keeps reading records without progress; an unknown progress is set aside', async () => {
    const name = freshName();
    const db = await openPetroflowDb(name);
    const t = Date.now();
    await db.put(EXECUTIONS_STORE, record('plain', t - 10, 'done'), 'plain');
    const odd = { ...record('odd', t, 'failed'), progress: 'paused' };
    await db.put(EXECUTIONS_STORE, odd, 'odd');
    db.close();
    const s = await openStorage(name);
    const list = await s.runs.list('p');
    expect(list.runs.map((r) => [r.runId, r.progress])).toEqual([['plain', undefined]]);
    expect(list.corrupt).toEqual([
      {
        store: EXECUTIONS_STORE,
        key: 'odd',
        reason: 'progress must be running, interrupted or absent',
      },
    ]);
    expect((await s.quarantine()).length).toBe(1);
    s.close();
  });
});
