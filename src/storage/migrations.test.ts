// Migrations from stored examples of every earlier schema version: the raw records each version
// wrote (src/storage/fixtures/db-v*.json) are loaded into a database created at that version,
// which is then opened at DB_VERSION. Everything readable arrives migrated and valid; anything
// unreadable is in quarantine, never lost and never in the way.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { openDB } from 'idb';
import { DB_VERSION, openPetroflowDb } from './db.ts';
import { openStorage } from './index.ts';
import { checkFileRecord, checkPipelineRecord } from './records.ts';
import { checkExecutionRecord, EXECUTIONS_STORE } from './runs.ts';
import { fixtureValue, injectPutFault } from './fault-injection.ts';

interface Fixture {
  readonly version: number;
  readonly stores: Record<string, { key?: string; value: unknown }[]>;
}

const fixture = (v: number): Fixture =>
  JSON.parse(readFileSync(new URL(`./fixtures/db-v${v}.json`, import.meta.url), 'utf8')) as Fixture;

let n = 0;
/** A database at the fixture's version holding exactly the fixture's records. */
async function load(f: Fixture): Promise<string> {
  const name = `petroflow-mig-${++n}-${Math.random()}`;
  const db = await openPetroflowDb(name, f.version);
  expect(db.version).toBe(f.version);
  const raw = await openDB(name, f.version); // untyped: the old schema's stores
  db.close();
  for (const [store, rows] of Object.entries(f.stores)) {
    for (const row of rows) await raw.put(store, fixtureValue(row.value), row.key);
  }
  raw.close();
  return name;
}

type Quarantined = { store: string; key: string; reason: string; record: unknown };

describe.each([1, 2])('a version-%i database opened by this version', (version) => {
  it('arrives with every readable record migrated and valid', async () => {
    const f = fixture(version);
    const storage = await openStorage(await load(f));
    const pipelines = await storage.pipelines.list();
    expect(pipelines.records.map((r) => r.id)).toEqual(
      version === 1 ? ['p-wells', 'p-empty'] : ['p-wells'],
    );
    for (const r of pipelines.records) expect(checkPipelineRecord(r).ok).toBe(true);
    const wells = pipelines.records[0]!;
    expect(wells.revision).toBe(version === 1 ? 1 : 7);
    expect(wells.pipeline.nodes.map((x) => x.op)).toEqual(['source.las', 'petro.vshale']);
    expect(wells.pipeline.edges).toHaveLength(1);

    const files = await storage.files.list();
    expect(files.records.map((x) => x.name)).toEqual(['w1.las']);
    expect(checkFileRecord(files.records[0]).ok).toBe(true);
    const bytes = await storage.files.read('w1.las');
    expect(new TextDecoder().decode(bytes)).toContain('1480.2 51.3');

    const runs = await storage.runs.list('p-wells');
    expect(runs.corrupt).toEqual([]);
    expect(runs.runs.map((r) => [r.runId, r.status, r.legacy])).toEqual(
      version === 1
        ? [['r-v1', 'done', true]]
        : [
            ['r-failed', 'failed', true],
            ['r-old', 'done', true],
          ],
    );
    for (const r of runs.runs) expect(checkExecutionRecord(r).ok).toBe(true);
    if (version === 2) {
      expect((await storage.pipelines.restore('p-deleted'))?.revision).toBe(3);
    }
    storage.close();
  });

  it('sets every unreadable record aside in quarantine, with the record and why', async () => {
    const f = fixture(version);
    const name = await load(f);
    const storage = await openStorage(name);
    await storage.pipelines.list();
    await storage.files.list();
    const q = (await storage.quarantine()) as Quarantined[];
    const keys = q.map((x) => `${x.store}/${x.key}`).sort();
    expect(keys).toEqual(
      version === 1
        ? ['pipelines/p-broken', 'pipelines/p-junk', 'runs/r-v1-bad']
        : ['files/bad.csv', 'pipelines/p-mismatch', 'pipelines/p-old-bad', 'runs/r-bad'],
    );
    const junk = q.find((x) => x.key === 'p-junk');
    if (junk) expect(junk.record).toBe('not a record');
    expect(q.find((x) => x.key.startsWith('r-'))?.reason).toMatch(/not converted to version 3/);
    storage.close();
    const db = await openPetroflowDb(name);
    expect(db.version).toBe(DB_VERSION);
    expect(await db.count('runs')).toBe(0);
    db.close();
  });

  it('a migration that fails part-way leaves the old database as it was', async () => {
    const f = fixture(version);
    const name = await load(f);
    const restore = injectPutFault(EXECUTIONS_STORE, 'quota');
    try {
      await expect(openStorage(name)).rejects.toBeDefined();
    } finally {
      restore();
    }
    const raw = await openDB(name);
    expect(raw.version).toBe(version);
    expect(await raw.count('runs')).toBe(f.stores.runs?.length);
    expect(await raw.get('pipelines', 'p-wells')).toEqual(f.stores.pipelines?.[0]?.value);
    raw.close();
    const storage = await openStorage(name);
    expect((await storage.runs.list('p-wells')).runs.length).toBeGreaterThan(0);
    storage.close();
  });
});
