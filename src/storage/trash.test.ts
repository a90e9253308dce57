import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openPetroflowDb } from './db.ts';
import { openStorage } from './index.ts';
import { EXECUTIONS_STORE } from './runs.ts';
import { ORPHAN_RUNS_GRACE_MS, TRASH_KEPT_MS } from './trash.ts';
import { pipeline, run } from './testing/fixtures.ts';

let n = 0;
const freshName = () => `petroflow-trash-${++n}-${Math.random()}`;
const DAY = 24 * 3600 * 1000;

async function runKeys(name: string): Promise<string[]> {
  const db = await openPetroflowDb(name);
  const keys = (await db.getAllKeys(EXECUTIONS_STORE)).map(String).sort();
  db.close();
  return keys;
}

describe('deleting and purging a pipeline', () => {
  it('keeps the runs while in the trash (undo brings them back), drops them on purge', async () => {
    const s = await openStorage(freshName());
    await s.pipelines.create(pipeline('p'));
    await s.pipelines.create(pipeline('q'));
    await s.runs.add(run('r1', 'p', 1000));
    await s.runs.add(run('r2', 'p', 2000));
    await s.runs.add(run('rq', 'q', 1500));
    expect((await s.pipelines.remove('p')).ok).toBe(true);
    expect((await s.runs.list('p')).runs.map((r) => r.runId)).toEqual(['r2', 'r1']);
    const back = await s.pipelines.restore('p');
    expect(back?.pipeline.id).toBe('p');
    expect(back && 'deletedAt' in back).toBe(false);
    expect((await s.runs.list('p')).runs).toHaveLength(2);

    await s.pipelines.remove('p');
    const purged = await s.pipelines.purge('p');
    expect(purged).toEqual({ ok: true, value: { pipelines: 1, runs: 2 } });
    expect((await s.runs.list('p')).runs).toEqual([]);
    expect((await s.runs.list('q')).runs.map((r) => r.runId)).toEqual(['rq']);
    expect(await s.pipelines.restore('p')).toBeUndefined();
    s.close();
  });

  it('a purge that the browser refuses removes nothing (one transaction)', async () => {
    const s = await openStorage(freshName());
    await s.pipelines.create(pipeline('p'));
    await s.runs.add(run('r1', 'p', 1000));
    await s.pipelines.remove('p');
    // The browser refuses deleting the runs (a disk error): the trash entry must stay too.
    const proto = globalThis.IDBCursor.prototype;
    const del = Object.getOwnPropertyDescriptor(proto, 'delete')?.value as IDBCursor['delete'];
    proto.delete = function () {
      throw new DOMException('The disk refused the write.', 'UnknownError');
    };
    try {
      const r = await s.pipelines.purge('p');
      expect(r.ok).toBe(false);
    } finally {
      proto.delete = del;
    }
    expect((await s.runs.list('p')).runs).toHaveLength(1);
    expect((await s.pipelines.restore('p'))?.pipeline.id).toBe('p');
    s.close();
  });

  it('purging the trash copy of a pipeline another tab saved again keeps its runs', async () => {
    const s = await openStorage(freshName());
    await s.pipelines.create(pipeline('p'));
    await s.runs.add(run('r1', 'p', 1000));
    await s.pipelines.remove('p');
    await s.pipelines.create(pipeline('p', 'Kept by the other tab'));
    expect(await s.pipelines.purge('p')).toEqual({ ok: true, value: { pipelines: 1, runs: 0 } });
    expect((await s.runs.list('p')).runs).toHaveLength(1);
    s.close();
  });

  it('undo after another tab saved the pipeline again keeps the newer version', async () => {
    const s = await openStorage(freshName());
    const first = await s.pipelines.create(pipeline('p', 'Old'));
    expect(first.ok).toBe(true);
    await s.pipelines.remove('p');
    // The other tab chose "Keep mine": its version is stored anew.
    await s.pipelines.create(pipeline('p', 'Newer, from the other tab'));
    const back = await s.pipelines.restore('p');
    expect(back?.pipeline.name).toBe('Newer, from the other tab');
    const got = await s.pipelines.get('p');
    expect(got.ok && got.value?.pipeline.name).toBe('Newer, from the other tab');
    s.close();
  });
});

describe('tidying when the database opens', () => {
  it('purges trash entries older than the keep time with their runs, keeps recent ones', async () => {
    const name = freshName();
    const s = await openStorage(name);
    const now = Date.now();
    for (const id of ['old', 'recent', 'live']) await s.pipelines.create(pipeline(id));
    await s.runs.add(run('r-old', 'old', now - 40 * DAY));
    await s.runs.add(run('r-recent', 'recent', now - 40 * DAY));
    await s.runs.add(run('r-live', 'live', now - 400 * DAY));
    await s.pipelines.remove('old', now - TRASH_KEPT_MS - DAY);
    await s.pipelines.remove('recent', now - DAY);
    s.close();
    const again = await openStorage(name);
    expect(await runKeys(name)).toEqual(['r-live', 'r-recent']);
    expect(await again.pipelines.restore('old')).toBeUndefined();
    expect((await again.pipelines.restore('recent'))?.pipeline.id).toBe('recent');
    again.close();
  });

  it('drops runs of pipelines that exist nowhere (stored before purging took them along)', async () => {
    const name = freshName();
    const db = await openPetroflowDb(name);
    const now = Date.now();
    await db.put(EXECUTIONS_STORE, run('gone-1', 'gone', now - 3 * DAY), 'gone-1');
    await db.put(EXECUTIONS_STORE, run('gone-2', 'gone', now - 2 * ORPHAN_RUNS_GRACE_MS), 'gone-2');
    // Possibly a new pipeline of another tab whose first save has not landed yet: kept.
    await db.put(EXECUTIONS_STORE, run('fresh', 'new', now - 1000), 'fresh');
    // A trash entry written by an older build (no deletedAt): kept the full time from now on,
    // however old its last save.
    const rec = { id: 't', revision: 2, updatedAt: now - 400 * DAY, pipeline: pipeline('t') };
    await db.put('trash', rec, 't');
    await db.put(EXECUTIONS_STORE, run('in-trash', 't', now - 5 * DAY), 'in-trash');
    // A pipeline set aside as damaged can still be repaired: its runs stay.
    await db.add('quarantine', { store: 'pipelines', key: 'd', reason: 'x', at: now, record: {} });
    await db.put(EXECUTIONS_STORE, run('damaged', 'd', now - 5 * DAY), 'damaged');
    db.close();
    const s = await openStorage(name);
    expect(await runKeys(name)).toEqual(['damaged', 'fresh', 'in-trash']);
    s.close();
    const later = await openStorage(name);
    expect((await later.pipelines.restore('t'))?.revision).toBe(2);
    later.close();
  });
});
