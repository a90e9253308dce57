// A database written by a newer Petroflow, opened by this (older) build: in another tab left open
// across an update, or after going back to an older build.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import type { ExecutionRecord } from '../model/run-record.ts';
import { DB_VERSION, openPetroflowDb } from './db.ts';
import { openStorage, StorageOpenError } from './index.ts';
import { EXECUTIONS_STORE } from './runs.ts';

let n = 0;
const freshName = () => `petroflow-downgrade-${++n}-${Math.random()}`;

describe('a database upgraded by a newer Petroflow', () => {
  it('is refused with a message that says what happened and what to do, and left untouched', async () => {
    const name = freshName();
    const newer = await openDB(name, DB_VERSION + 1, {
      upgrade: (db) => void db.createObjectStore('from-the-future'),
    });
    newer.close();
    const opened = await openStorage(name).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(opened).toBeInstanceOf(StorageOpenError);
    const e = opened as StorageOpenError;
    expect(e.kind).toBe('newer');
    expect(e.stored).toBe(DB_VERSION + 1);
    expect(e.message).toMatch(/newer version of Petroflow/);
    expect(e.message).toMatch(/Reload the page/);
    expect(e.message).toContain(`data version ${DB_VERSION + 1}`);
    const after = await openDB(name);
    expect(after.version).toBe(DB_VERSION + 1);
    expect([...after.objectStoreNames]).toContain('from-the-future');
    after.close();
  });

  it('run records of a newer shape are neither shown nor set aside: the newer tab keeps them', async () => {
    const name = freshName();
    const db = await openPetroflowDb(name);
    const now = Date.now();
    const base: ExecutionRecord = {
      recordVersion: 1,
      runId: 'mine',
      pipelineId: 'p',
      pipelineName: 'P',
      pipelineHash: 'a'.repeat(64),
      operatorVersions: [],
      inputHashes: {},
      provenanceHash: 'c'.repeat(64),
      start: now,
      end: now + 5,
      status: 'done',
      nodes: [],
    };
    await db.put(EXECUTIONS_STORE, base, 'mine');
    const future = { ...base, runId: 'future', recordVersion: 2, nodes: { shape: 'new' } };
    await db.put(EXECUTIONS_STORE, future, 'future');
    db.close();
    const s = await openStorage(name);
    const list = await s.runs.list('p');
    expect(list.runs.map((r) => r.runId)).toEqual(['mine']);
    expect(list.corrupt).toEqual([]);
    expect(list.newer).toBe(1);
    expect(await s.runs.get('future')).toEqual({ ok: true, value: undefined });
    expect(await s.quarantine()).toEqual([]);
    s.close();
    const raw = await openPetroflowDb(name);
    expect(await raw.get(EXECUTIONS_STORE, 'future')).toEqual(future);
    raw.close();
  });
});
