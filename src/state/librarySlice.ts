/**
 * Stored pipelines: open, new, rename, duplicate, delete with undo; autosave (debounced, no save
 * button) with a revision check, and conflicts with other tabs resolved by the user.
 */
import type { StateCreator } from 'zustand/vanilla';
import { newPipelineId } from '../model/ids.ts';
import type { Pipeline } from '../model/pipeline.ts';
import type { PipelineRecord, StorageFailure, VersionChange } from '../storage/index.ts';
import type { AppState, LibrarySlice, StoreDeps } from './types.ts';
import { blankPipeline } from './pipelines.ts';
import { reloadText, saveFailureText } from './libraryText.ts';
import { REPLACED_TEXT, RESTORE_LABEL, historyAfterFollow, restoredName } from './tabFollow.ts';

export { reloadText, saveFailureText } from './libraryText.ts';

const unknownFailure = (e: unknown): StorageFailure => ({
  kind: 'failed',
  reason: 'unknown',
  detail: e instanceof Error ? `${e.name}: ${e.message}` : String(e),
});

/** Creates the library slice (autosave starts with `init`). */
export function librarySlice(deps: StoreDeps): StateCreator<AppState, [], [], LibrarySlice> {
  return (set, get, api) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let loading = false;
    let saving: Promise<void> = Promise.resolve();
    let started = false;
    // The next stored save replaces another tab's version ("Keep mine"): other tabs are told.
    let replacing = false;

    const upsert = (rec: PipelineRecord) =>
      set({
        pipelines: [rec, ...get().pipelines.filter((p) => p.id !== rec.id)].sort(
          (a, b) => b.updatedAt - a.updatedAt,
        ),
      });

    const open = (rec: PipelineRecord) => {
      loading = true;
      get().loadPipeline(rec.pipeline);
      set({
        revision: rec.revision,
        saveState: 'saved',
        conflict: undefined,
        saveError: undefined,
      });
      loading = false;
    };

    let closed: VersionChange | undefined;
    const fail = (f: StorageFailure) => set({ saveState: 'error', saveError: saveFailureText(f) });

    const save = async () => {
      const storage = deps.storage;
      if (!storage || get().saveState === 'conflict' || closed) return;
      set({ saveState: 'saving' });
      const r = await storage.pipelines.save(get().toPipeline(), get().revision);
      if (r.ok) {
        set({
          revision: r.value.revision,
          saveState: timer ? 'pending' : 'saved',
          saveError: undefined,
        });
        upsert(r.value);
        const replaced = replacing;
        replacing = false;
        deps.channel?.post({
          type: 'pipeline-saved',
          id: r.value.id,
          revision: r.value.revision,
          ...(replaced ? { replaced } : {}),
        });
      } else if (r.error.kind === 'conflict') {
        set({ saveState: 'conflict', conflict: { theirs: r.error.theirs } });
      } else fail(r.error);
    };
    // Every save runs after the previous one; a failed save never stops the next (the chain
    // always settles), and its failure is shown with the edits kept in memory.
    const enqueue = () => {
      saving = saving.then(save).catch((e: unknown) => fail(unknownFailure(e)));
      return saving;
    };
    const flush = async () => {
      if (timer || get().saveState === 'error') {
        if (timer) clearTimeout(timer);
        timer = undefined;
        void enqueue();
      }
      await saving;
    };
    /** Flushes, and tells the user when the open pipeline could not be saved (true when saved). */
    const flushed = async (doing: string) => {
      await flush();
      if (get().saveState !== 'error') return true;
      get().notify({
        kind: 'error',
        message: `Cannot ${doing} yet: the open pipeline's changes are not saved. Free space and choose Retry save, or export it as JSON (Export menu) first.`,
      });
      return false;
    };
    const schedule = () => {
      if (timer) clearTimeout(timer);
      if (closed) {
        set({ saveState: 'error', reloadRequired: reloadText(closed, true) });
        return;
      }
      const st = get().saveState;
      if (st !== 'conflict' && st !== 'pending') set({ saveState: 'pending' });
      timer = setTimeout(() => {
        timer = undefined;
        void enqueue();
      }, deps.autosaveMs ?? 400);
    };
    // Another tab opened a newer database version (or the browser closed ours): save what is
    // pending, close the connection so the other tab's upgrade can go on, and ask for a reload.
    const versionChanged = async (why: VersionChange) => {
      if (why === 'upgrade') await flush();
      closed = why;
      if (timer) clearTimeout(timer);
      timer = undefined;
      deps.storage?.close();
      const st = get().saveState;
      set({
        reloadRequired: reloadText(why, st === 'error' || st === 'conflict' || st === 'pending'),
      });
    };

    // Another tab saved the open pipeline and this tab has nothing unsaved: show the new version,
    // keeping the one shown before as the last undo step. When the other tab replaced it ("Keep
    // mine") instead of building on it, say so and offer to keep this tab's version as a copy.
    const follow = (theirs: PipelineRecord, replaced: boolean) => {
      const { past, doc } = get();
      const mine = get().toPipeline();
      open(theirs);
      upsert(theirs);
      set({ past: historyAfterFollow(past, doc, get().doc) });
      if (!replaced) return;
      get().notify({
        kind: 'info',
        message: REPLACED_TEXT,
        action: { label: RESTORE_LABEL, run: () => void restoreCopy(mine) },
      });
    };
    const restoreCopy = async (mine: Pipeline) => {
      if (!(await flushed('restore your version'))) return;
      const name = restoredName(mine.name);
      await create({ ...mine, id: newPipelineId(), name });
      get().notify({
        kind: 'info',
        message: `Your version is kept as “${name}” (open now); the other tab's version is unchanged.`,
      });
    };

    const create = async (p: Pipeline) => {
      const r = await deps.storage?.pipelines.create(p);
      if (r && !r.ok && r.error.kind === 'conflict') {
        throw new Error('A pipeline with this id exists already.');
      }
      if (r?.ok) {
        upsert(r.value);
        open(r.value);
        return;
      }
      // Not stored (or no storage): open it in memory; a failure is shown and retried on edit.
      open({ id: p.id, revision: 0, updatedAt: Date.now(), pipeline: p });
      if (r && !r.ok && r.error.kind === 'failed') fail(r.error);
    };

    return {
      pipelines: [],
      corrupt: [],
      revision: 0,
      saveState: 'saved',
      conflict: undefined,
      saveError: undefined,
      reloadRequired: undefined,
      ready: false,

      async init() {
        if (started) return;
        started = true;
        api.subscribe((s, prev) => {
          if (loading || !deps.storage) return;
          if (s.doc !== prev.doc || s.name !== prev.name || s.description !== prev.description) {
            if (s.pipelineId === prev.pipelineId) schedule();
          }
        });
        deps.storage?.onVersionChange((why) => void versionChanged(why));
        deps.channel?.subscribe((m) => {
          if (closed) return;
          if (m.id !== get().pipelineId || m.revision <= get().revision) {
            void get().refreshPipelines();
            return;
          }
          void (async () => {
            const r = await deps.storage?.pipelines.get(m.id);
            const theirs = r?.ok ? r.value : undefined;
            const st = get().saveState;
            if (st === 'pending' || st === 'saving' || st === 'conflict') {
              set({ saveState: 'conflict', conflict: { theirs } });
            } else if (theirs) follow(theirs, m.replaced === true);
            else set({ saveState: 'conflict', conflict: { theirs: undefined } });
          })();
        });
        if (deps.storage) {
          const [p, f] = await Promise.all([
            deps.storage.pipelines.list(),
            deps.storage.files.list(),
          ]);
          set({ pipelines: p.records, corrupt: [...p.corrupt, ...f.corrupt], files: f.records });
          const first = p.records[0];
          if (first) open(first);
          else await create(blankPipeline());
        }
        set({ ready: true });
      },

      async refreshPipelines() {
        const r = await deps.storage?.pipelines.list();
        if (r) set({ pipelines: r.records, corrupt: [...get().corrupt, ...r.corrupt] });
      },

      async newPipeline(name) {
        if (!(await flushed('make a new pipeline'))) return;
        await create(blankPipeline(name));
      },

      async openPipeline(id) {
        if (!(await flushed('open another pipeline'))) return;
        const r = await deps.storage?.pipelines.get(id);
        if (r?.ok && r.value) open(r.value);
        else if (r && !r.ok) {
          set({ corrupt: [...get().corrupt, r.error] });
          get().notify({
            kind: 'error',
            message: `That pipeline was damaged and has been set aside: ${r.error.reason}.`,
          });
          await get().refreshPipelines();
        }
      },

      async importPipeline(p) {
        if (!(await flushed('import a pipeline'))) return;
        await create({ ...p, id: newPipelineId() });
      },

      async renamePipeline(id, name) {
        const clean = name.trim() || 'Untitled pipeline';
        if (id === get().pipelineId) {
          set({ name: clean });
          return;
        }
        const r = await deps.storage?.pipelines.get(id);
        if (!r?.ok || !r.value) return;
        const saved = await deps.storage?.pipelines.save(
          { ...r.value.pipeline, name: clean },
          r.value.revision,
        );
        if (saved?.ok) upsert(saved.value);
        else if (saved?.error.kind === 'failed') {
          get().notify({ kind: 'error', message: `Not renamed: ${saveFailureText(saved.error)}` });
        }
      },

      async duplicatePipeline(id) {
        if (!(await flushed('duplicate a pipeline'))) return;
        let source: Pipeline | undefined;
        if (id === get().pipelineId) source = get().toPipeline();
        else {
          const r = await deps.storage?.pipelines.get(id);
          source = r?.ok ? r.value?.pipeline : undefined;
        }
        if (source)
          await create({ ...source, id: newPipelineId(), name: `Copy of ${source.name}` });
      },

      async deletePipeline(id) {
        await flush();
        const removed = await deps.storage?.pipelines.remove(id);
        if (removed && !removed.ok) {
          const full = removed.error.reason === 'quota' ? ": the browser's storage is full" : '';
          get().notify({
            kind: 'error',
            message: `Not deleted${full} (${removed.error.detail}). Remove files you no longer need in the Files tab, then try again.`,
          });
          return;
        }
        deps.channel?.post({ type: 'pipeline-deleted', id, revision: Number.MAX_SAFE_INTEGER });
        const name = get().pipelines.find((p) => p.id === id)?.pipeline.name ?? 'pipeline';
        set({ pipelines: get().pipelines.filter((p) => p.id !== id) });
        if (id === get().pipelineId) {
          const next = get().pipelines[0];
          if (next) open(next);
          else await create(blankPipeline());
        }
        get().notify({
          kind: 'info',
          message: `Deleted "${name}".`,
          action: {
            label: 'Undo',
            run: () =>
              void (async () => {
                const rec = await deps.storage?.pipelines.restore(id);
                if (rec) {
                  upsert(rec);
                  await flush();
                  open(rec);
                }
                get().notify(undefined);
              })(),
          },
        });
      },

      saveNow: flush,

      async retrySave() {
        if (timer) clearTimeout(timer);
        timer = undefined;
        await enqueue();
      },

      async resolveConflict(choice) {
        const theirs = get().conflict?.theirs;
        // Either way the choice covers every edit so far: no older autosave is left to run.
        if (timer) clearTimeout(timer);
        timer = undefined;
        if (choice === 'theirs' && theirs) {
          replacing = false;
          open(theirs);
          return;
        }
        replacing = true;
        set({ saveState: 'pending', conflict: undefined, revision: theirs?.revision ?? 0 });
        await enqueue();
      },
    };
  };
}
