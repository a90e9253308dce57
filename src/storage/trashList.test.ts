import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openStorage, TRASH_KEPT_MS, type Storage } from './index.ts';
import { freeName } from './trashEntries.ts';
import { openPetroflowDb } from './db.ts';
import { pipeline, run } from './testing/fixtures.ts';

let n = 0;
const fresh = () => openStorage(`petroflow-trash-list-${++n}-${Math.random()}`);
const DAY = 24 * 3600 * 1000;

async function names(s: Storage): Promise<string[]> {
  return (await s.pipelines.list()).records.map((r) => r.pipeline.name).sort();
}

describe('the Trash list', () => {
  it('lists deleted pipelines, newest delete first, with run counts and removal time', async () => {
    const s = await fresh();
    await s.pipelines.create(pipeline('a', 'Alpha'));
    await s.pipelines.create(pipeline('b', 'Beta'));
    await s.pipelines.create(pipeline('c', 'Kept'));
    await s.runs.add(run('r1', 'a', 1000));
    await s.runs.add(run('r2', 'a', 2000));
    const now = Date.now();
    await s.pipelines.remove('a', now - 3 * DAY);
    await s.pipelines.remove('b', now - DAY);
    const listed = await s.pipelines.trash(now);
    expect(listed).toEqual({
      ok: true,
      value: [
        {
          id: 'b',
          name: 'Beta',
          nodes: 1,
          deletedAt: now - DAY,
          purgeAt: now - DAY + TRASH_KEPT_MS,
          runs: 0,
        },
        {
          id: 'a',
          name: 'Alpha',
          nodes: 1,
          deletedAt: now - 3 * DAY,
          purgeAt: now - 3 * DAY + TRASH_KEPT_MS,
          runs: 2,
        },
      ],
    });
    s.close();
  });

  it('restores with its runs; a name in use gets a marked name, nothing is overwritten', async () => {
    const s = await fresh();
    await s.pipelines.create(pipeline('a', 'Well A'));
    await s.runs.add(run('r1', 'a', 1000));
    await s.pipelines.remove('a');
    await s.pipelines.create(pipeline('new', 'Well A'));
    await s.pipelines.create(pipeline('x', 'Well A (restored)'));
    const r = await s.pipelines.restoreFromTrash('a', 5000);
    if (!r.ok || r.value.kind !== 'restored') throw new Error(`not restored: ${JSON.stringify(r)}`);
    expect(r.value.renamedFrom).toBe('Well A');
    expect(r.value.copy).toBe(false);
    expect(r.value.record).toMatchObject({ id: 'a', revision: 2, updatedAt: 5000 });
    expect(r.value.record.pipeline.name).toBe('Well A (restored 2)');
    expect(await names(s)).toEqual(['Well A', 'Well A (restored 2)', 'Well A (restored)']);
    expect((await s.runs.list('a')).runs.map((x) => x.runId)).toEqual(['r1']);
    expect(await s.pipelines.trash()).toEqual({ ok: true, value: [] });
    expect(await s.pipelines.restoreFromTrash('a')).toEqual({
      ok: true,
      value: { kind: 'missing' },
    });
    s.close();
  });

  it('restores without a clash as it was (same record, no rename)', async () => {
    const s = await fresh();
    const created = await s.pipelines.create(pipeline('a', 'Solo'), 10);
    await s.pipelines.remove('a');
    const r = await s.pipelines.restoreFromTrash('a');
    expect(r).toEqual({
      ok: true,
      value: { kind: 'restored', record: created.ok && created.value, copy: false },
    });
    s.close();
  });

  it('a pipeline saved again under the same id (another tab) stays; the trash copy comes back apart', async () => {
    const s = await fresh();
    await s.pipelines.create(pipeline('a', 'Shared'));
    await s.runs.add(run('r1', 'a', 1000));
    await s.pipelines.remove('a');
    await s.pipelines.create(pipeline('a', 'Shared'));
    const r = await s.pipelines.restoreFromTrash('a');
    if (!r.ok || r.value.kind !== 'restored') throw new Error('not restored');
    expect(r.value.copy).toBe(true);
    expect(r.value.record.id).not.toBe('a');
    expect(r.value.record.pipeline.id).toBe(r.value.record.id);
    expect(r.value.record.pipeline.name).toBe('Shared (restored)');
    const live = await s.pipelines.get('a');
    expect(live.ok && live.value?.revision).toBe(1);
    expect((await s.runs.list('a')).runs).toHaveLength(1);
    s.close();
  });

  it('a damaged trash copy is left out of the list, and set aside (not lost) when restored', async () => {
    const name = `petroflow-trash-list-damaged-${Math.random()}`;
    const s = await openStorage(name);
    const raw = await openPetroflowDb(name);
    await raw.put('trash', { id: 'bad', revision: 'x', deletedAt: Date.now() }, 'bad');
    raw.close();
    expect(await s.pipelines.trash()).toEqual({ ok: true, value: [] });
    expect(await s.pipelines.restoreFromTrash('bad')).toEqual({
      ok: true,
      value: { kind: 'damaged', reason: 'id, revision or updatedAt missing' },
    });
    const q = (await s.quarantine()) as { store: string; key: string; record: unknown }[];
    expect(q.map((r) => [r.store, r.key])).toEqual([['trash', 'bad']]);
    expect(q[0]?.record).toMatchObject({ id: 'bad', revision: 'x' });
    s.close();
  });

  it('names: the first free one of name, name (restored), name (restored 2)...', () => {
    expect(freeName('W', new Set())).toBe('W');
    expect(freeName('W', new Set(['W']))).toBe('W (restored)');
    expect(freeName('W', new Set(['W', 'W (restored)', 'W (restored 2)']))).toBe('W (restored 3)');
  });
});

describe('removing for good', () => {
  it('purges one pipeline with its runs, leaving the others and their runs', async () => {
    const s = await fresh();
    for (const id of ['a', 'b']) await s.pipelines.create(pipeline(id, id));
    await s.runs.add(run('ra', 'a', 1000));
    await s.runs.add(run('rb', 'b', 1000));
    await s.pipelines.remove('a');
    await s.pipelines.remove('b');
    expect(await s.pipelines.purge('a')).toEqual({ ok: true, value: { pipelines: 1, runs: 1 } });
    const left = await s.pipelines.trash();
    expect(left.ok && left.value.map((e) => [e.id, e.runs])).toEqual([['b', 1]]);
    expect((await s.runs.list('a')).runs).toEqual([]);
    s.close();
  });

  it('empties the trash: every entry and its runs; live pipelines keep theirs', async () => {
    const s = await fresh();
    for (const id of ['a', 'b', 'live']) await s.pipelines.create(pipeline(id, id));
    for (const id of ['a', 'b', 'live']) await s.runs.add(run(`r-${id}`, id, 1000));
    await s.runs.add(run('r-a2', 'a', 2000));
    await s.pipelines.remove('a');
    await s.pipelines.remove('b');
    expect(await s.pipelines.purgeAll()).toEqual({ ok: true, value: { pipelines: 2, runs: 3 } });
    expect(await s.pipelines.trash()).toEqual({ ok: true, value: [] });
    expect((await s.runs.list('live')).runs).toHaveLength(1);
    expect(await names(s)).toEqual(['live']);
    s.close();
  });

  it('emptying the trash that the browser refuses removes nothing (one transaction)', async () => {
    const s = await fresh();
    for (const id of ['a', 'b']) await s.pipelines.create(pipeline(id, id));
    await s.runs.add(run('ra', 'a', 1000));
    await s.runs.add(run('rb', 'b', 1000));
    await s.pipelines.remove('a');
    await s.pipelines.remove('b');
    const proto = globalThis.IDBCursor.prototype;
    const del = Object.getOwnPropertyDescriptor(proto, 'delete')?.value as IDBCursor['delete'];
    let calls = 0;
    proto.delete = function (this: IDBCursor) {
      // The first run goes, the second is refused (a disk error): the first must come back too.
      if (++calls > 1) throw new DOMException('The disk refused the write.', 'UnknownError');
      return del.call(this);
    };
    try {
      expect((await s.pipelines.purgeAll()).ok).toBe(false);
    } finally {
      proto.delete = del;
    }
    const left = await s.pipelines.trash();
    expect(left.ok && left.value.map((e) => [e.id, e.runs]).sort()).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
    s.close();
  });
});
