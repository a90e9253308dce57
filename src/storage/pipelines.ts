/** Pipeline repository: saves with a revision check so two tabs never silently overwrite each other. */
import type { PetroflowDb } from './db.ts';
import type { Pipeline } from '../model/pipeline.ts';
import { err, ok, type Result } from '../model/result.ts';
import { checkPipelineRecord, type PipelineRecord } from './records.ts';
import { readAllChecked, readOneChecked, setAside, type CorruptReport } from './quarantine.ts';
import { atomically, type StorageFailure } from './atomic.ts';
import { purgeAllTrash, purgePipeline, withoutDeletedAt, type PurgeReport } from './trash.ts';
import { listTrash, restoreFromTrash, type TrashEntry, type TrashRestore } from './trashEntries.ts';
import { isObject } from '../model/validate-context.ts';

/** A save refused because someone else saved a newer revision first. */
export interface SaveConflict {
  readonly kind: 'conflict';
  /** What is stored now (the other tab's version), or undefined when it was deleted. */
  readonly theirs: PipelineRecord | undefined;
}

/** Why a save stored nothing: another tab saved first, or the browser refused the write. */
export type SaveProblem = SaveConflict | StorageFailure;

/** Stored pipelines (create, list, get, save with revision check, delete to trash, restore). */
export class PipelineRepository {
  constructor(private readonly db: PetroflowDb) {}

  /** Every valid pipeline (newest first) and the records that had to be set aside. */
  async list(): Promise<{ records: PipelineRecord[]; corrupt: CorruptReport[] }> {
    const r = await readAllChecked<PipelineRecord>(this.db, 'pipelines');
    r.records.sort((a, b) => b.updatedAt - a.updatedAt);
    return r;
  }

  /** One pipeline, undefined when absent; a corrupt record is set aside and reported. */
  get(id: string): Promise<Result<PipelineRecord | undefined, CorruptReport>> {
    return readOneChecked<PipelineRecord>(this.db, 'pipelines', id);
  }

  /** Stores a new pipeline at revision 1 (overwrites nothing: fails when the id exists). */
  create(pipeline: Pipeline, now = Date.now()): Promise<Result<PipelineRecord, SaveProblem>> {
    return this.save(pipeline, 0, now);
  }

  /**
   * Saves `pipeline` on top of `baseRevision` (0 for a new one). When the stored revision differs,
   * nothing is written and the stored record is returned so the user can choose. One transaction:
   * when it fails (storage full, aborted) the previous record stays as it was.
   */
  async save(
    pipeline: Pipeline,
    baseRevision: number,
    now = Date.now(),
  ): Promise<Result<PipelineRecord, SaveProblem>> {
    const r = await atomically(this.db, ['pipelines', 'quarantine'], async (tx) => {
      const store = tx.objectStore('pipelines');
      const current: unknown = await store.get(pipeline.id);
      const checked = current === undefined ? undefined : checkPipelineRecord(current);
      const currentRev = checked?.ok ? checked.value.revision : 0;
      if (currentRev !== baseRevision) {
        return err<SaveConflict>({
          kind: 'conflict',
          theirs: checked?.ok ? checked.value : undefined,
        });
      }
      const record: PipelineRecord = {
        id: pipeline.id,
        revision: baseRevision + 1,
        updatedAt: now,
        pipeline,
      };
      await store.put(record, pipeline.id);
      if (checked && !checked.ok) {
        const reason = `overwritten corrupt record: ${checked.error}`;
        await tx
          .objectStore('quarantine')
          .add({ store: 'pipelines', key: pipeline.id, reason, at: now, record: current });
      }
      return ok(record);
    });
    return r.ok ? r.value : r;
  }

  /**
   * Deletes a pipeline, keeping it in the trash (one transaction) with the time of the delete, so
   * it can be restored; its run history stays until it is purged (trash.ts).
   */
  async remove(id: string, now = Date.now()): Promise<Result<void, StorageFailure>> {
    return atomically(this.db, ['pipelines', 'trash'], async (tx) => {
      const value: unknown = await tx.objectStore('pipelines').get(id);
      if (value !== undefined) {
        const kept = isObject(value) ? { ...value, deletedAt: now } : value;
        await tx.objectStore('trash').put(kept, id);
        await tx.objectStore('pipelines').delete(id);
      }
    });
  }

  /** Removes a deleted pipeline from the trash for good, with its run history (one transaction). */
  purge(id: string): Promise<Result<PurgeReport, StorageFailure>> {
    return purgePipeline(this.db, id);
  }

  /** Empties the trash for good, every entry's run history with it (one transaction). */
  purgeAll(): Promise<Result<PurgeReport, StorageFailure>> {
    return purgeAllTrash(this.db);
  }

  /** The deleted pipelines still in the trash, most recently deleted first. */
  trash(now = Date.now()): Promise<Result<TrashEntry[], StorageFailure>> {
    return listTrash(this.db, now);
  }

  /**
   * Restores a pipeline from the Trash list: a name (or id) already in use is renamed, so nothing
   * stored is ever overwritten (see restoreFromTrash).
   */
  restoreFromTrash(id: string, now = Date.now()): Promise<Result<TrashRestore, StorageFailure>> {
    return restoreFromTrash(this.db, id, now);
  }

  /**
   * Restores a deleted pipeline from the trash (undo of delete); undefined when not there. When
   * another tab saved the pipeline again since the delete, that newer record is kept (never
   * overwritten by the older trash copy) and returned; the trash copy stays until purged.
   */
  async restore(id: string): Promise<PipelineRecord | undefined> {
    const r = await atomically(this.db, ['pipelines', 'trash', 'quarantine'], async (tx) => {
      const value: unknown = await tx.objectStore('trash').get(id);
      if (value === undefined) return undefined;
      const live: unknown = await tx.objectStore('pipelines').get(id);
      const liveChecked = live === undefined ? undefined : checkPipelineRecord(live);
      if (liveChecked?.ok) return liveChecked.value;
      if (liveChecked && !liveChecked.ok) {
        const reason = `replaced by the restored pipeline: ${liveChecked.error}`;
        const at = Date.now();
        await tx
          .objectStore('quarantine')
          .add({ store: 'pipelines', key: id, reason, at, record: live });
      }
      const checked = checkPipelineRecord(withoutDeletedAt(value));
      await tx.objectStore('trash').delete(id);
      if (checked.ok) await tx.objectStore('pipelines').put(checked.value, id);
      else {
        const at = Date.now();
        await tx
          .objectStore('quarantine')
          .add({ store: 'trash', key: id, reason: checked.error, at, record: value });
      }
      return checked.ok ? checked.value : undefined;
    });
    return r.ok ? r.value : undefined;
  }

  /** Sets a record aside by hand (used when a record is valid JSON but not a loadable pipeline). */
  setAside(id: string, reason: string, record: unknown): Promise<void> {
    return setAside(this.db, { store: 'pipelines', key: id, reason }, record);
  }
}
