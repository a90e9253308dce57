/**
 * All-or-nothing writes. IndexedDB commits a transaction as soon as no request is pending, so code
 * that throws after queuing a `put` would still commit it; `atomically` aborts the transaction on
 * any throw or failed request, and reports the failure as a value (quota, abort, closed database).
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import type { PetroflowDb, PetroflowDbSchema } from './db.ts';
import { err, ok, type Result } from '../model/result.ts';

/** Why a write did not happen; nothing of it was stored. */
export interface StorageFailure {
  readonly kind: 'failed';
  /** quota: the browser's storage is full; closed: the database was closed (another tab upgraded). */
  readonly reason: 'quota' | 'aborted' | 'closed' | 'unknown';
  /** The browser's error name and message, for a bug report. */
  readonly detail: string;
}

type Names = StoreNames<PetroflowDbSchema>;
/** A read-write transaction over some stores. */
export type WriteTx<S extends Names[]> = IDBPTransaction<PetroflowDbSchema, S, 'readwrite'>;

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);

function nameOf(e: unknown): string {
  return e instanceof Error || e instanceof DOMException ? e.name : '';
}

/** True when `e` is the browser telling that its storage quota is used up. */
export function isQuotaError(e: unknown): boolean {
  return QUOTA_NAMES.has(nameOf(e)) || (e instanceof DOMException && e.code === 22);
}

/** Classifies an error thrown by IndexedDB or the OPFS (the most telling of several wins). */
export function storageFailure(...errors: unknown[]): StorageFailure {
  const seen = errors.filter((e) => e !== undefined && e !== null);
  const quota = seen.find(isQuotaError);
  const main = quota ?? seen.find((e) => nameOf(e) !== 'AbortError') ?? seen[0];
  const name = nameOf(main);
  const detail = main instanceof Error || main instanceof DOMException ? main.message : '';
  const reason: StorageFailure['reason'] = quota
    ? 'quota'
    : name === 'InvalidStateError'
      ? 'closed'
      : name === 'AbortError'
        ? 'aborted'
        : 'unknown';
  return {
    kind: 'failed',
    reason,
    detail: `${name || 'Error'}: ${detail || (typeof main === 'string' ? main : 'no message')}`,
  };
}

/**
 * Runs `body` in one read-write transaction over `stores`. The writes it queues are stored
 * together or not at all: a throw, a failed request or a commit refused by the browser aborts
 * everything, and the failure is returned.
 */
export async function atomically<S extends Names[], T>(
  db: PetroflowDb,
  stores: S,
  body: (tx: WriteTx<S>) => Promise<T>,
): Promise<Result<T, StorageFailure>> {
  let tx: WriteTx<S>;
  try {
    tx = db.transaction(stores, 'readwrite');
  } catch (e) {
    return err(storageFailure(e));
  }
  const done = tx.done.then(
    () => undefined,
    (e: unknown) => e ?? new DOMException('The transaction was aborted.', 'AbortError'),
  );
  try {
    const value = await body(tx);
    const failed = await done;
    return failed === undefined ? ok(value) : err(storageFailure(failed, tx.error));
  } catch (e) {
    try {
      tx.abort();
    } catch {
      // finished or aborted already
    }
    const failed = await done;
    return err(storageFailure(e, tx.error, failed));
  }
}
