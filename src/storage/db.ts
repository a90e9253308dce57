/**
 * The IndexedDB schema of Petroflow: store names, the database name and version, and the
 * migrations that bring an older database up to date. Every stored record is validated on read
 * (records.ts), so a schema change here must come with a migration.
 */
import {
  openDB,
  type DBSchema,
  type IDBPDatabase,
  type IDBPTransaction,
  type StoreNames,
} from 'idb';
import { legacyRunToExecution } from './runs.ts';

/** Database name. Changing this needs a migration (users would lose everything they saved). */
export const DB_NAME = 'petroflow';

/** Schema version. Changing this needs a migration: add one to `migrations` below. */
export const DB_VERSION = 3;

/** A record that failed validation on read, moved aside so the rest keeps working. */
export interface QuarantineRecord {
  readonly id?: number;
  readonly store: string;
  readonly key: string;
  readonly reason: string;
  readonly at: number;
  readonly record: unknown;
}

/** The typed shape of the database; values stay `unknown` until records.ts has validated them. */
export interface PetroflowDbSchema extends DBSchema {
  pipelines: { key: string; value: unknown };
  files: { key: string; value: unknown };
  fileBytes: { key: string; value: unknown };
  /** Version 2 run history; emptied by the version 3 migration (kept so old code paths open). */
  runs: { key: string; value: unknown; indexes: { byPipeline: string } };
  /** Run history: one `pipeline_executions` record per run (runs.ts). */
  pipeline_executions: { key: string; value: unknown; indexes: { byPipeline: string } };
  trash: { key: string; value: unknown };
  quarantine: { key: number; value: QuarantineRecord };
}

/** An open Petroflow database. */
export type PetroflowDb = IDBPDatabase<PetroflowDbSchema>;

type UpgradeTx = IDBPTransaction<
  PetroflowDbSchema,
  ArrayLike<StoreNames<PetroflowDbSchema>>,
  'versionchange'
>;

/** Migration i brings a database from version i to version i + 1. Append only, never edit. */
const migrations: ReadonlyArray<(db: PetroflowDb, tx: UpgradeTx) => Promise<void> | void> = [
  // 0 -> 1: pipelines, the file library (metadata and bytes apart), run history.
  (db) => {
    db.createObjectStore('pipelines');
    db.createObjectStore('files');
    db.createObjectStore('fileBytes');
    db.createObjectStore('runs');
  },
  // 1 -> 2: deleted pipelines kept for undo, corrupt records set aside, runs indexed by pipeline,
  // and every pipeline record gets a revision (conflict detection between tabs).
  async (db, tx) => {
    db.createObjectStore('trash');
    db.createObjectStore('quarantine', { keyPath: 'id', autoIncrement: true });
    tx.objectStore('runs').createIndex('byPipeline', 'pipelineId');
    const store = tx.objectStore('pipelines');
    let cursor = await store.openCursor();
    while (cursor) {
      const v: unknown = cursor.value;
      if (v && typeof v === 'object' && !('revision' in v)) {
        await cursor.update({ ...v, revision: 1 });
      }
      cursor = await cursor.continue();
    }
  },
  // 2 -> 3: run history becomes `pipeline_executions` records (provenance, per-node metrics).
  // Each old run is converted (marked legacy: it never recorded provenance); one that cannot be
  // read is set aside in quarantine. The old `runs` store is left empty.
  async (db, tx) => {
    db.createObjectStore('pipeline_executions').createIndex('byPipeline', 'pipelineId');
    const executions = tx.objectStore('pipeline_executions');
    const quarantine = tx.objectStore('quarantine');
    let cursor = await tx.objectStore('runs').openCursor();
    while (cursor) {
      const key = String(cursor.key);
      const converted = legacyRunToExecution(cursor.value);
      if (converted.ok) await executions.put(converted.value, converted.value.runId);
      else {
        const reason = `not converted to version 3: ${converted.error}`;
        await quarantine.add({ store: 'runs', key, reason, at: Date.now(), record: cursor.value });
      }
      await cursor.delete();
      cursor = await cursor.continue();
    }
  },
];

/** What the browser tells an open (or opening) connection about other tabs. */
export interface DbEvents {
  /** This open waits: another tab still holds an older version open. */
  blocked?(): void;
  /** Another tab wants a newer version: this connection must close for it to proceed. */
  blocking?(): void;
  /** The browser closed the connection on its own (storage cleared, disk error). */
  terminated?(): void;
}

/** Opens (and migrates) the database; `version` is lower than DB_VERSION only in migration tests. */
export function openPetroflowDb(
  name: string = DB_NAME,
  version: number = DB_VERSION,
  events: DbEvents = {},
): Promise<PetroflowDb> {
  return openDB<PetroflowDbSchema>(name, version, {
    upgrade(db, oldVersion, newVersion, tx) {
      const run = async () => {
        for (let v = oldVersion; v < (newVersion ?? version); v++) {
          const step = migrations[v];
          if (!step) throw new Error(`No IndexedDB migration from version ${v}.`);
          await step(db, tx);
        }
      };
      // A failed migration aborts the upgrade transaction, so the old database stays intact; the
      // open itself then rejects (that is where the failure is reported, not on `tx.done`).
      tx.done.catch(() => undefined);
      run().catch(() => {
        try {
          tx.abort();
        } catch {
          // aborted already (a failed request aborts the upgrade by itself)
        }
      });
    },
    blocked: () => events.blocked?.(),
    blocking: () => events.blocking?.(),
    terminated: () => events.terminated?.(),
  });
}
