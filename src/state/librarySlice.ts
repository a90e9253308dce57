/**
 * Stored pipelines: open, new, rename, duplicate, delete with undo; autosave (debounced, no save
 * button) with a revision check, and conflicts with other tabs resolved by the user.
 */
import type { StateCreator } from 'zustand/vanilla';
import { newPipelineId } from '../model/ids.ts';
import type { Pipeline } from '../model/pipeline.ts';
import type { PipelineRecord } from '../storage/index.ts';
import type { AppState, LibrarySlice, StoreDeps } from './types.ts';
import { blankPipeline } from './pipelines.ts';

/** Creates the library slice (autosave starts with `init`). */
export function librarySlice(deps: StoreDeps): StateCreator<AppState, [], [], LibrarySlice> {
  return (set, get, api) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let loading = false;
    let saving: Promise<void> = Promise.resolve();
    let started = false;

    const upsert = (rec: PipelineRecord) =>
      set({
        pipelines: [rec, ...get().pipelines.filter((p) => p.id !== rec.id)].sort(
          (a, b) => b.updatedAt - a.updatedAt,
        ),
      });

    const open = (rec: PipelineRecord) => {
      loading = true;
      get().loadPipeline(rec.pipeline);
      set({ revision: rec.revision, saveState: 'saved', conflict: undefined });
      loading = false;
    };

    const save = async () => {
      const storage = deps.storage;
      if (!storage || get().saveState === 'conflict') return;
      set({ saveState: 'saving' });
      const r = await storage.pipelines.save(get().toPipeline(), get().revision);
      if (r.ok) {
        set({ revision: r.value.revision, saveState: timer ? 'pending' : 'saved' });
        upsert(r.value);
        deps.channel?.post({ type: 'pipeline-saved', id: r.value.id, revision: r.value.revision });
      } else {
        set({ saveState: 'conflict', conflict: { theirs: r.error.theirs } });
      }
    };
    const flush = async () => {
      if (timer) {
        clearTimeout(timer);
        timer = undefined;
        saving = saving.then(save);
      }
      await saving;
    };
    const schedule = () => {
      if (timer) clearTimeout(timer);
      const st = get().saveState;
      if (st !== 'conflict' && st !== 'pending') set({ saveState: 'pending' });
      timer = setTimeout(() => {
        timer = undefined;
        saving = saving.then(save);
      }, deps.autosaveMs ?? 400);
    };

    const create = async (p: Pipeline) => {
      const r = await deps.storage?.pipelines.create(p);
      if (r && !r.ok) throw new Error('A pipeline with this id exists already.');
      if (r?.ok) {
        upsert(r.value);
        open(r.value);
      } else open({ id: p.id, revision: 0, updatedAt: Date.now(), pipeline: p });
    };

    return {
      pipelines: [],
      corrupt: [],
      revision: 0,
      saveState: 'saved',
      conflict: undefined,
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
        deps.channel?.subscribe((m) => {
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
            } else if (theirs) open(theirs);
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
        await flush();
        await create(blankPipeline(name));
      },

      async openPipeline(id) {
        await flush();
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
        await flush();
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
      },

      async duplicatePipeline(id) {
        await flush();
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
        await deps.storage?.pipelines.remove(id);
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

      async resolveConflict(choice) {
        const theirs = get().conflict?.theirs;
        if (choice === 'theirs' && theirs) {
          if (timer) clearTimeout(timer);
          timer = undefined;
          open(theirs);
          return;
        }
        set({ saveState: 'pending', conflict: undefined, revision: theirs?.revision ?? 0 });
        await save();
      },
    };
  };
}
