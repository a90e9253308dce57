/**
 * The Trash: deleted pipelines are kept for TRASH_KEPT_MS and listed here, so the user can bring
 * one back (with its runs; a name in use gets a marked new name, nothing is overwritten), remove
 * one for good, or empty the trash. A refused write changes nothing and is told as a notice.
 */
import type { StateCreator } from 'zustand/vanilla';
import { TRASH_KEPT_MS, type StorageFailure, type TrashEntry } from '../storage/index.ts';
import type { AppState, StoreDeps } from './types.ts';

export type { TrashEntry } from '../storage/index.ts';

/** The deleted pipelines and what can be done with them. */
export interface TrashSlice {
  /** What the trash holds, most recently deleted first (read again when the list changes). */
  readonly trash: readonly TrashEntry[];
  /** Reads the trash again (another tab may have changed it). */
  refreshTrash(): Promise<void>;
  /** Brings a pipeline back into the list with its runs (renamed when its name is in use). */
  restoreFromTrash(id: string): Promise<void>;
  /** Removes one pipeline for good, with its run history. */
  deleteForever(id: string): Promise<void>;
  /** Removes every pipeline in the trash for good, with their run histories. */
  emptyTrash(): Promise<void>;
}

const DAY_MS = 24 * 3600 * 1000;

/** How many days a deleted pipeline stays in the trash (said to the user). */
export const TRASH_DAYS = Math.round(TRASH_KEPT_MS / DAY_MS);

/** Whole days (rounded up) until an entry is removed for good; 0 once it is due. */
export function daysLeft(entry: TrashEntry, now = Date.now()): number {
  return Math.max(0, Math.ceil((entry.purgeAt - now) / DAY_MS));
}

/** "3 runs", "1 run", "no runs". */
export function runsText(n: number): string {
  return n === 0 ? 'no runs' : n === 1 ? '1 run' : `${n} runs`;
}

/** The user's message for a trash change the browser refused: nothing changed, what to do. */
export function trashFailureText(what: string, f: StorageFailure): string {
  const why =
    f.reason === 'quota'
      ? "the browser's storage is full; remove files you no longer need in the Files tab"
      : `the browser refused (${f.detail}); try again, or reload the page`;
  return `${what}: ${why}. Nothing was changed.`;
}

/** Creates the trash slice; it reads the trash whenever the set of stored pipelines changes. */
export function trashSlice(deps: StoreDeps): StateCreator<AppState, [], [], TrashSlice> {
  return (set, get, api) => {
    const storage = deps.storage;
    const nameOf = (id: string) => get().trash.find((e) => e.id === id)?.name ?? 'pipeline';
    const tell = (kind: 'info' | 'error', message: string) => get().notify({ kind, message });
    const refresh = async () => {
      const r = await storage?.pipelines.trash();
      if (r?.ok) set({ trash: r.value });
    };
    // A delete, an undo or another tab's change alters which pipelines are stored: read again.
    const ids = (s: AppState) => s.pipelines.map((p) => p.id).join('\n');
    api.subscribe((s, prev) => {
      if (storage && s.pipelines !== prev.pipelines && ids(s) !== ids(prev)) void refresh();
    });

    return {
      trash: [],
      refreshTrash: refresh,

      async restoreFromTrash(id) {
        if (!storage) return;
        const name = nameOf(id);
        const r = await storage.pipelines.restoreFromTrash(id);
        if (!r.ok) return tell('error', trashFailureText(`“${name}” was not restored`, r.error));
        const done = r.value;
        if (done.kind === 'restored') {
          const rec = done.record;
          deps.channel?.post({ type: 'pipeline-saved', id: rec.id, revision: rec.revision });
          await get().refreshPipelines();
          const shown = rec.pipeline.name;
          const message = done.copy
            ? `Restored “${name}” as “${shown}”: a pipeline with its id was saved again in another tab, so it came back separately and its runs stay with that one.`
            : done.renamedFrom !== undefined
              ? `Restored “${name}” as “${shown}” with its runs: a pipeline named “${name}” exists already.`
              : `Restored “${shown}” with its runs.`;
          get().notify({
            kind: 'info',
            message,
            action: { label: 'Open', run: () => void get().openPipeline(rec.id) },
          });
        } else if (done.kind === 'missing') {
          tell('info', `“${name}” is no longer in the trash (restored or removed in another tab).`);
        } else {
          tell(
            'error',
            `“${name}” could not be restored: its stored copy is damaged (${done.reason}). It was set aside for repair, not deleted.`,
          );
        }
        await refresh();
      },

      async deleteForever(id) {
        if (!storage) return;
        const name = nameOf(id);
        const r = await storage.pipelines.purge(id);
        if (!r.ok) tell('error', trashFailureText(`“${name}” was not deleted`, r.error));
        else tell('info', `Deleted “${name}” for good, with ${runsText(r.value.runs)}.`);
        await refresh();
      },

      async emptyTrash() {
        if (!storage) return;
        const r = await storage.pipelines.purgeAll();
        if (!r.ok) tell('error', trashFailureText('The trash was not emptied', r.error));
        else {
          const n = r.value.pipelines;
          const what = n === 1 ? '1 pipeline' : `${n} pipelines`;
          tell(
            'info',
            `Emptied the trash: ${what} and ${runsText(r.value.runs)} deleted for good.`,
          );
        }
        await refresh();
      },
    };
  };
}
