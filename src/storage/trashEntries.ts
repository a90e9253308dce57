/**
 * The trash as the user sees it: the deleted pipelines still kept (with when each goes for good
 * and how many runs it has), and restoring one from that list without ever overwriting what is
 * stored now: a pipeline restored next to one of the same name gets a new, clearly marked name.
 */
import type { PetroflowDb } from './db.ts';
import { atomically, storageFailure, type StorageFailure } from './atomic.ts';
import { checkPipelineRecord, type PipelineRecord } from './records.ts';
import { EXECUTIONS_STORE } from './runs.ts';
import { TRASH_KEPT_MS, deletedAtOf, withoutDeletedAt } from './trash.ts';
import { newPipelineId } from '../model/ids.ts';
import { err, ok, type Result } from '../model/result.ts';
import { isObject } from '../model/validate-context.ts';

/** A deleted pipeline in the trash, as listed to the user. */
export interface TrashEntry {
  readonly id: string;
  readonly name: string;
  readonly nodes: number;
  /** When it was deleted (ms since the epoch). */
  readonly deletedAt: number;
  /** When it will be removed for good (tidyStorage at the first open after this time). */
  readonly purgeAt: number;
  /** Runs in its history (they go with it when it is removed for good). */
  readonly runs: number;
}

/** What restoring from the trash did. */
export type TrashRestore =
  /**
   * Back in the list. `renamedFrom`: its old name, when a stored pipeline had that name. `copy`:
   * a pipeline with its id was saved again since the delete (another tab), so it came back as a
   * separate pipeline with a new id, and its run history stays with that other pipeline.
   */
  | {
      readonly kind: 'restored';
      readonly record: PipelineRecord;
      readonly renamedFrom?: string;
      readonly copy: boolean;
    }
  /** Not in the trash (restored or removed meanwhile, e.g. in another tab). */
  | { readonly kind: 'missing' }
  /** The trash copy was damaged: it was set aside in the quarantine store, not restored. */
  | { readonly kind: 'damaged'; readonly reason: string };

/** `name`, or `name (restored)`, `name (restored 2)`... : the first one no stored pipeline has. */
export function freeName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  let candidate = `${name} (restored)`;
  for (let k = 2; taken.has(candidate); k++) candidate = `${name} (restored ${k})`;
  return candidate;
}

/** The deleted pipelines still in the trash, most recently deleted first; damaged ones are left out. */
export async function listTrash(
  db: PetroflowDb,
  now = Date.now(),
): Promise<Result<TrashEntry[], StorageFailure>> {
  try {
    const tx = db.transaction(['trash', EXECUTIONS_STORE], 'readonly');
    const [keys, values] = [
      await tx.objectStore('trash').getAllKeys(),
      await tx.objectStore('trash').getAll(),
    ];
    const runsOf = tx.objectStore(EXECUTIONS_STORE).index('byPipeline');
    const entries: TrashEntry[] = [];
    for (let i = 0; i < keys.length; i++) {
      const checked = checkPipelineRecord(withoutDeletedAt(values[i]));
      if (!checked.ok) continue; // kept as it is: restore sets it aside, tidyStorage removes it
      const id = String(keys[i]);
      const deletedAt = deletedAtOf(values[i]) ?? now;
      const { name, nodes } = checked.value.pipeline;
      const runs = await runsOf.count(id);
      entries.push({
        id,
        name,
        nodes: nodes.length,
        deletedAt,
        purgeAt: deletedAt + TRASH_KEPT_MS,
        runs,
      });
    }
    await tx.done;
    return ok(entries.sort((a, b) => b.deletedAt - a.deletedAt));
  } catch (e) {
    return err(storageFailure(e));
  }
}

const nameOf = (v: unknown): string | undefined =>
  isObject(v) && isObject(v.pipeline) && typeof v.pipeline.name === 'string'
    ? v.pipeline.name
    : undefined;

/**
 * Moves a pipeline from the trash back into the list, in one transaction. Nothing stored is
 * overwritten: when a stored pipeline has its name it is renamed (freeName); when one has its id
 * (saved again by another tab since the delete) it comes back under a new id. A damaged trash
 * copy is set aside in quarantine instead.
 */
export function restoreFromTrash(
  db: PetroflowDb,
  id: string,
  now = Date.now(),
): Promise<Result<TrashRestore, StorageFailure>> {
  return atomically(db, ['pipelines', 'trash', 'quarantine'], async (tx): Promise<TrashRestore> => {
    const value: unknown = await tx.objectStore('trash').get(id);
    if (value === undefined) return { kind: 'missing' };
    await tx.objectStore('trash').delete(id);
    const checked = checkPipelineRecord(withoutDeletedAt(value));
    if (!checked.ok) {
      const reason = checked.error;
      await tx
        .objectStore('quarantine')
        .add({ store: 'trash', key: id, reason, at: now, record: value });
      return { kind: 'damaged', reason };
    }
    const live = tx.objectStore('pipelines');
    const copy = (await live.getKey(id)) !== undefined;
    const taken = new Set((await live.getAll()).map(nameOf).filter((n) => n !== undefined));
    const old = checked.value;
    const name = freeName(old.pipeline.name, taken);
    const newId = copy ? newPipelineId() : old.pipeline.id;
    const record: PipelineRecord =
      name === old.pipeline.name && !copy
        ? old
        : {
            id: newId,
            revision: copy ? 1 : old.revision + 1,
            updatedAt: now,
            pipeline: { ...old.pipeline, id: newId, name },
          };
    await live.put(record, record.id);
    const renamed = name === old.pipeline.name ? {} : { renamedFrom: old.pipeline.name };
    return { kind: 'restored', record, copy, ...renamed };
  });
}
