/**
 * The end of a deleted pipeline: a pipeline deleted goes to the trash with its run history (undo
 * brings both back); purged for good, its trash entry and its run records go in one transaction.
 * `tidyStorage` runs when the database opens: it purges trash entries kept longer than
 * TRASH_KEPT_MS and drops run records whose pipeline exists nowhere (left by builds before purging
 * took the runs along), so neither grows without bound.
 */
import type { PetroflowDb } from './db.ts';
import { atomically, type StorageFailure, type WriteTx } from './atomic.ts';
import { EXECUTIONS_STORE } from './runs.ts';
import type { Result } from '../model/result.ts';
import { isObject } from '../model/validate-context.ts';

/** How long a deleted pipeline stays restorable (as a desktop trash or a cloud drive's bin). */
export const TRASH_KEPT_MS = 30 * 24 * 3600 * 1000;

/**
 * Runs of a pipeline found nowhere are dropped only when older than this: another tab may have run
 * a new pipeline whose first save has not landed yet.
 */
export const ORPHAN_RUNS_GRACE_MS = 3600 * 1000;

type PurgeTx = WriteTx<['trash', 'pipelines', typeof EXECUTIONS_STORE, 'quarantine']>;

/** What was removed for good. */
export interface PurgeReport {
  readonly pipelines: number;
  readonly runs: number;
}

/** When a trash entry was deleted, or undefined when an older build deleted it (no `deletedAt`). */
export function deletedAtOf(v: unknown): number | undefined {
  const d = isObject(v) ? v.deletedAt : undefined;
  return typeof d === 'number' && Number.isFinite(d) ? d : undefined;
}

/** A trash entry as the pipeline record it was (the time of the delete is trash bookkeeping). */
export function withoutDeletedAt(v: unknown): unknown {
  if (!isObject(v) || !('deletedAt' in v)) return v;
  const { deletedAt: _gone, ...rest } = v;
  return rest;
}

async function dropRuns(tx: PurgeTx, pipelineId: string, olderThan = Infinity): Promise<number> {
  const index = tx.objectStore(EXECUTIONS_STORE).index('byPipeline');
  let gone = 0;
  let cursor = await index.openCursor(pipelineId);
  while (cursor) {
    const start = (cursor.value as { start?: unknown } | undefined)?.start;
    if (!(typeof start === 'number' && start >= olderThan)) {
      await cursor.delete();
      gone++;
    }
    cursor = await cursor.continue();
  }
  return gone;
}

/**
 * Removes a trashed pipeline for good, and its runs, in one transaction. A pipeline that is live
 * again (another tab saved it after the delete) keeps its runs: only the trash copy goes.
 */
async function purgeIn(tx: PurgeTx, id: string): Promise<number> {
  await tx.objectStore('trash').delete(id);
  const live: unknown = await tx.objectStore('pipelines').get(id);
  return live === undefined ? dropRuns(tx, id) : 0;
}

/** Purges one pipeline from the trash with its run history (see purgeIn). */
export function purgePipeline(
  db: PetroflowDb,
  id: string,
): Promise<Result<PurgeReport, StorageFailure>> {
  return atomically(db, ['trash', 'pipelines', EXECUTIONS_STORE, 'quarantine'], async (tx) => {
    const had: unknown = await tx.objectStore('trash').get(id);
    const runs = await purgeIn(tx, id);
    return { pipelines: had === undefined ? 0 : 1, runs };
  });
}

/** Empties the trash: every entry goes for good with its run history, in one transaction. */
export function purgeAllTrash(db: PetroflowDb): Promise<Result<PurgeReport, StorageFailure>> {
  return atomically(db, ['trash', 'pipelines', EXECUTIONS_STORE, 'quarantine'], async (tx) => {
    const ids = (await tx.objectStore('trash').getAllKeys()).map(String);
    let runs = 0;
    for (const id of ids) runs += await purgeIn(tx, id);
    return { pipelines: ids.length, runs };
  });
}

/**
 * Purges trash entries deleted before `now - keptMs` (with their runs) and run records whose
 * pipeline is neither stored, in the trash nor set aside in quarantine (older than
 * ORPHAN_RUNS_GRACE_MS), in one transaction.
 */
export function tidyStorage(
  db: PetroflowDb,
  now = Date.now(),
  keptMs = TRASH_KEPT_MS,
): Promise<Result<PurgeReport, StorageFailure>> {
  return atomically(db, ['trash', 'pipelines', EXECUTIONS_STORE, 'quarantine'], async (tx) => {
    const trash = tx.objectStore('trash');
    const [trashKeys, trashValues] = [await trash.getAllKeys(), await trash.getAll()];
    let pipelines = 0;
    let runs = 0;
    const kept = new Set<string>();
    for (let i = 0; i < trashKeys.length; i++) {
      const id = String(trashKeys[i]);
      const value = trashValues[i];
      const at = deletedAtOf(value);
      if (at === undefined && isObject(value)) {
        // Deleted by an older build, when is unknown: it gets the full keep time from now on.
        await trash.put({ ...value, deletedAt: now }, id);
        kept.add(id);
      } else if (at === undefined || at < now - keptMs) {
        runs += await purgeIn(tx, id);
        pipelines++;
      } else kept.add(id);
    }
    const live = new Set((await tx.objectStore('pipelines').getAllKeys()).map(String));
    // A pipeline set aside as damaged may be repaired from the quarantine: its runs stay.
    for (const q of await tx.objectStore('quarantine').getAll())
      if (q.store === 'pipelines' || q.store === 'trash') live.add(q.key);
    const index = tx.objectStore(EXECUTIONS_STORE).index('byPipeline');
    const owners: string[] = [];
    let c = await index.openKeyCursor(null, 'nextunique');
    while (c) {
      owners.push(String(c.key));
      c = await c.continue();
    }
    for (const owner of owners)
      if (!live.has(owner) && !kept.has(owner))
        runs += await dropRuns(tx, owner, now - ORPHAN_RUNS_GRACE_MS);
    return { pipelines, runs };
  });
}
