/** Pipeline repository: saves with a revision check so two tabs never silently overwrite each other. */
import type { PetroflowDb } from './db.ts';
import type { Pipeline } from '../model/pipeline.ts';
import { err, ok, type Result } from '../model/result.ts';
import { checkPipelineRecord, type PipelineRecord } from './records.ts';
import { readAllChecked, readOneChecked, setAside, type CorruptReport } from './quarantine.ts';

/** A save refused because someone else saved a newer revision first. */
export interface SaveConflict {
  readonly kind: 'conflict';
  /** What is stored now (the other tab's version), or undefined when it was deleted. */
  readonly theirs: PipelineRecord | undefined;
}

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
  async create(
    pipeline: Pipeline,
    now = Date.now(),
  ): Promise<Result<PipelineRecord, SaveConflict>> {
    return this.save(pipeline, 0, now);
  }

  /**
   * Saves `pipeline` on top of `baseRevision` (0 for a new one). When the stored revision differs,
   * nothing is written and the stored record is returned so the user can choose.
   */
  async save(
    pipeline: Pipeline,
    baseRevision: number,
    now = Date.now(),
  ): Promise<Result<PipelineRecord, SaveConflict>> {
    const tx = this.db.transaction('pipelines', 'readwrite');
    const current: unknown = await tx.store.get(pipeline.id);
    const checked = current === undefined ? undefined : checkPipelineRecord(current);
    const currentRev = checked?.ok ? checked.value.revision : 0;
    if (currentRev !== baseRevision) {
      await tx.done;
      return err({ kind: 'conflict', theirs: checked?.ok ? checked.value : undefined });
    }
    const record: PipelineRecord = {
      id: pipeline.id,
      revision: baseRevision + 1,
      updatedAt: now,
      pipeline,
    };
    await Promise.all([tx.store.put(record, pipeline.id), tx.done]);
    if (checked && !checked.ok) {
      await this.db.add('quarantine', {
        store: 'pipelines',
        key: pipeline.id,
        reason: `overwritten corrupt record: ${checked.error}`,
        at: now,
        record: current,
      });
    }
    return ok(record);
  }

  /** Deletes a pipeline, keeping it in the trash (one transaction) so it can be restored. */
  async remove(id: string): Promise<void> {
    const tx = this.db.transaction(['pipelines', 'trash'], 'readwrite');
    const value: unknown = await tx.objectStore('pipelines').get(id);
    if (value !== undefined) {
      await tx.objectStore('trash').put(value, id);
      await tx.objectStore('pipelines').delete(id);
    }
    await tx.done;
  }

  /** Restores a deleted pipeline from the trash (undo of delete); undefined when not there. */
  async restore(id: string): Promise<PipelineRecord | undefined> {
    const tx = this.db.transaction(['pipelines', 'trash'], 'readwrite');
    const value: unknown = await tx.objectStore('trash').get(id);
    const checked = checkPipelineRecord(value);
    if (value !== undefined) {
      await tx.objectStore('trash').delete(id);
      if (checked.ok) await tx.objectStore('pipelines').put(checked.value, id);
    }
    await tx.done;
    if (value !== undefined && !checked.ok) {
      await this.db.add('quarantine', {
        store: 'trash',
        key: id,
        reason: checked.error,
        at: Date.now(),
        record: value,
      });
    }
    return checked.ok ? checked.value : undefined;
  }

  /** Sets a record aside by hand (used when a record is valid JSON but not a loadable pipeline). */
  setAside(id: string, reason: string, record: unknown): Promise<void> {
    return setAside(this.db, { store: 'pipelines', key: id, reason }, record);
  }
}
