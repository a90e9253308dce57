/** Sets corrupt records aside (one transaction: removed from their store, added to quarantine). */
import type { PetroflowDb } from './db.ts';
import { checkFileRecord, checkPipelineRecord, checkRunRecord } from './records.ts';
import type { Result } from '../model/result.ts';
import { atomically } from './atomic.ts';

/** A record that was set aside, as reported to the user. */
export interface CorruptReport {
  readonly store: 'pipelines' | 'files' | 'runs';
  readonly key: string;
  readonly reason: string;
}

type CheckedStore = CorruptReport['store'];

const checks: Record<CheckedStore, (v: unknown) => Result<unknown, string>> = {
  pipelines: checkPipelineRecord,
  files: checkFileRecord,
  runs: checkRunRecord,
};

/**
 * Moves one record from `store` into quarantine, atomically: when the browser refuses (storage
 * full), the record stays where it was and is reported again on the next read.
 */
export async function setAside(db: PetroflowDb, report: CorruptReport, record: unknown) {
  await atomically(db, [report.store, 'quarantine'], async (tx) => {
    await tx.objectStore(report.store).delete(report.key);
    await tx.objectStore('quarantine').add({ ...report, at: Date.now(), record });
  });
}

/**
 * Reads every record of a store, validating each; invalid ones are set aside and reported, so
 * one corrupt record never hides the others.
 */
export async function readAllChecked<T>(
  db: PetroflowDb,
  store: CheckedStore,
): Promise<{ records: T[]; corrupt: CorruptReport[] }> {
  const tx = db.transaction(store, 'readonly');
  const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll(), tx.done]);
  const records: T[] = [];
  const corrupt: CorruptReport[] = [];
  for (let i = 0; i < values.length; i++) {
    const checked = checks[store](values[i]);
    if (checked.ok) records.push(checked.value as T);
    else {
      const report = { store, key: String(keys[i]), reason: checked.error };
      await setAside(db, report, values[i]);
      corrupt.push(report);
    }
  }
  return { records, corrupt };
}

/** Reads one record, validating it; an invalid one is set aside and reported. */
export async function readOneChecked<T>(
  db: PetroflowDb,
  store: CheckedStore,
  key: string,
): Promise<Result<T | undefined, CorruptReport>> {
  const value: unknown = await db.get(store, key);
  if (value === undefined) return { ok: true, value: undefined };
  const checked = checks[store](value);
  if (checked.ok) return { ok: true, value: checked.value as T };
  const report = { store, key, reason: checked.error };
  await setAside(db, report, value);
  return { ok: false, error: report };
}

/** Everything set aside so far (newest last), for a "repair" view or a bug report. */
export async function listQuarantine(db: PetroflowDb) {
  return db.getAll('quarantine');
}
