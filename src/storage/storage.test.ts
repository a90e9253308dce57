import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { openPetroflowDb, DB_VERSION } from './db.ts';
import { openStorage } from './index.ts';
import type { FileSummary } from './records.ts';
import { pipeline } from './testing/fixtures.ts';

let n = 0;
const freshName = () => `petroflow-test-${++n}-${Math.random()}`;

const summary: FileSummary = { kind: 'csv', columns: [], rows: 0, wells: [], warnings: [] };

describe('schema and migrations', () => {
  it('creates every store at the current version', async () => {
    const db = await openPetroflowDb(freshName());
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(
      [
        'fileBytes',
        'files',
        'pipeline_executions',
        'pipelines',
        'quarantine',
        'runs',
        'trash',
      ].sort(),
    );
    db.close();
  });

  it('migrates a version-1 database: keeps pipelines and gives them a revision', async () => {
    const name = freshName();
    const v1 = await openPetroflowDb(name, 1);
    expect([...v1.objectStoreNames]).not.toContain('trash');
    await v1.put('pipelines', { id: 'x', updatedAt: 5, pipeline: pipeline('x') }, 'x');
    v1.close();
    const storage = await openStorage(name);
    const got = await storage.pipelines.get('x');
    expect(got.ok && got.value?.revision).toBe(1);
    expect(got.ok && got.value?.pipeline.name).toBe('P');
    storage.close();
  });
});

describe('pipelines', () => {
  it('saves with revisions and refuses a stale base revision (another tab saved first)', async () => {
    const s = await openStorage(freshName());
    const created = await s.pipelines.create(pipeline('p1'));
    expect(created.ok && created.value.revision).toBe(1);
    const mine = await s.pipelines.save(pipeline('p1', 'mine'), 1);
    expect(mine.ok && mine.value.revision).toBe(2);
    const stale = await s.pipelines.save(pipeline('p1', 'theirs'), 1);
    expect(stale.ok).toBe(false);
    if (!stale.ok && stale.error.kind === 'conflict') {
      expect(stale.error.theirs?.pipeline.name).toBe('mine');
    } else expect.fail('a stale save must be a conflict');
    const again = await s.pipelines.create(pipeline('p1'));
    expect(again.ok).toBe(false);
    s.close();
  });

  it('sets a corrupt record aside and reports it, keeping the others', async () => {
    const name = freshName();
    const s = await openStorage(name);
    await s.pipelines.create(pipeline('good'));
    const raw = await openDB(name);
    await raw.put('pipelines', { id: 'bad', revision: 'x' }, 'bad');
    raw.close();
    const listed = await s.pipelines.list();
    expect(listed.records.map((r) => r.id)).toEqual(['good']);
    expect(listed.corrupt).toEqual([
      { store: 'pipelines', key: 'bad', reason: 'id, revision or updatedAt missing' },
    ]);
    const q = (await s.quarantine()) as { key: string; record: unknown }[];
    expect(q.map((r) => r.key)).toEqual(['bad']);
    expect(q[0]?.record).toEqual({ id: 'bad', revision: 'x' });
    expect((await s.pipelines.list()).corrupt).toEqual([]);
    s.close();
  });

  it('deletes to the trash and restores (undo of delete)', async () => {
    const s = await openStorage(freshName());
    await s.pipelines.create(pipeline('d'));
    await s.pipelines.remove('d');
    expect((await s.pipelines.list()).records).toEqual([]);
    const back = await s.pipelines.restore('d');
    expect(back?.id).toBe('d');
    expect((await s.pipelines.list()).records.map((r) => r.id)).toEqual(['d']);
    s.close();
  });
});

describe('files and runs', () => {
  it('stores bytes with metadata and reads them back; removal removes both', async () => {
    const s = await openStorage(freshName());
    const bytes = new TextEncoder().encode('A,B\n1,2\n');
    const put = await s.files.put('t.csv', bytes, summary);
    if (!put.ok) throw new Error(put.error.detail);
    const rec = put.value;
    expect(rec.size).toBe(8);
    expect(rec.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rec.where).toBe('idb');
    expect(new TextDecoder().decode(await s.files.read('t.csv'))).toBe('A,B\n1,2\n');
    expect((await s.files.list()).records.map((r) => r.name)).toEqual(['t.csv']);
    await s.files.remove('t.csv');
    expect(await s.files.read('t.csv')).toBeUndefined();
    s.close();
  });
});
