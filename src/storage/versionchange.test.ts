// Another tab opens a newer schema while this one holds the old version (fake-indexeddb).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openStorage, type VersionChange } from './index.ts';
import { DB_VERSION, openPetroflowDb } from './db.ts';

let n = 0;
const freshName = () => `petroflow-vc-${++n}-${Math.random()}`;

/** A newer build's open (raw IndexedDB, as another tab would do); resolves with its version. */
function openNewer(name: string, events: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, DB_VERSION + 1);
    req.onblocked = () => events.push('newer blocked');
    req.onerror = () => reject(req.error ?? new Error('open failed'));
    req.onsuccess = () => {
      events.push('newer opened');
      const v = req.result.version;
      req.result.close();
      resolve(v);
    };
  });
}

describe('a newer version opened in another tab', () => {
  it('tells this tab, waits until it has finished its work and closed, then upgrades', async () => {
    const name = freshName();
    const storage = await openStorage(name);
    const events: string[] = [];
    let told: VersionChange | undefined;
    storage.onVersionChange((why) => {
      told = why;
      events.push(`told ${why}`);
      // The app saves what is pending first, then lets the upgrade through.
      void (async () => {
        await new Promise((r) => setTimeout(r, 30));
        const list = await storage.pipelines.list();
        events.push(`saved (${list.records.length} listed)`);
        storage.close();
      })();
    });
    const version = await openNewer(name, events);
    expect(told).toBe('upgrade');
    expect(version).toBe(DB_VERSION + 1);
    expect(events[0]).toBe('told upgrade');
    expect(events).toContain('newer blocked');
    expect(events.indexOf('saved (0 listed)')).toBeLessThan(events.indexOf('newer opened'));
  });

  it('closes at once when nobody listens (never blocks the other tab)', async () => {
    const name = freshName();
    await openStorage(name);
    const events: string[] = [];
    expect(await openNewer(name, events)).toBe(DB_VERSION + 1);
    expect(events).toEqual(['newer opened']);
  });
});

describe('this tab opening while an old version is held elsewhere', () => {
  it('reports that it waits, and opens once the other tab closes', async () => {
    const name = freshName();
    // An older build that does not close on versionchange (idb's default).
    const old = await openPetroflowDb(name, 2);
    let blocked = 0;
    const opening = openStorage(name, { onBlocked: () => blocked++ });
    await new Promise((r) => setTimeout(r, 50));
    expect(blocked).toBe(1);
    old.close();
    const storage = await opening;
    expect((await storage.pipelines.list()).records).toEqual([]);
    storage.close();
  });
});
