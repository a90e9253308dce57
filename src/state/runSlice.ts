/**
 * The run slice: drives the engine, keeps per-node status, loads tables for the preview, and hands
 * every finished run to the run history (runsSlice.ts).
 */
import { tableFromIPC } from 'apache-arrow';
import type { StateCreator } from 'zustand/vanilla';
import type { Engine, FileProvider, NodeEvent } from '../engine/types.ts';
import { ancestors } from '../model/graph.ts';
import type { AppState, NodeRunState, RunSlice, StoreDeps } from './types.ts';
import { portLookup } from './ports.ts';
import { nodeSignatures, sameSignatures, staleNodes } from './staleness.ts';
import { createIssueChecker } from './validate.ts';

function stateOf(e: NodeEvent): NodeRunState {
  switch (e.status) {
    case 'queued':
      return { status: 'queued' };
    case 'running':
      return { status: 'running', rows: e.rows };
    case 'done':
      return { status: 'done', rows: e.rows, ms: e.ms };
    case 'cached':
      return { status: 'cached', rows: e.rows };
    case 'failed':
      return { status: 'failed', error: e.error };
    case 'skipped':
      return { status: 'skipped', reason: e.reason };
  }
}

function message(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (typeof e === 'object' && e !== null && 'message' in e) return String(e.message);
  return String(e);
}

/** Creates the run slice. */
export function runSlice(deps: StoreDeps): StateCreator<AppState, [], [], RunSlice> {
  const issuesOf = createIssueChecker(deps.registry, portLookup(deps.registry));
  let engine: Promise<Engine> | undefined;
  let abort: AbortController | undefined;
  const getEngine = () => (deps.engine ? (engine ??= deps.engine()) : undefined);

  return (set, get, api) => {
    // Results go out of date when the graph or the files change, during a run or after it.
    api.subscribe((s, prev) => {
      if (s.files === prev.files && s.ranWith === prev.ranWith && sameSignatures(s.doc, prev.doc))
        return;
      const ran = Object.keys(s.ranWith).length > 0;
      const stale = ran
        ? staleNodes(s.ranWith, nodeSignatures(s.doc, deps.registry, s.files))
        : new Set<string>();
      if (stale.size > 0 || s.stale.size > 0) set({ stale });
    });

    /**
     * A run's files: the library as it was when the run started (names and content hashes), so
     * the engine and the run's record see the same files even when the library changes meanwhile.
     */
    const providerAt = (library: AppState['files']): FileProvider => {
      const hashes = new Map(library.map((f) => [f.name, f.hash]));
      const missing = (name: string) =>
        new Error(`File "${name}" is not in the file library: add it first.`);
      return {
        names: () => [...hashes.keys()].sort(),
        async read(name) {
          const bytes = await deps.storage?.files.read(name);
          if (!bytes) throw missing(name);
          return bytes;
        },
        // IndexedDB and the OPFS give a fresh copy on every read.
        readsFresh: true,
        hash(name) {
          const h = hashes.get(name);
          return h === undefined ? Promise.reject(missing(name)) : Promise.resolve(h);
        },
      };
    };

    return {
      runStatus: {},
      ranWith: {},
      stale: new Set<string>(),
      running: false,
      lastRun: undefined,
      preview: undefined,
      outputColumns: {},

      async run(target) {
        if (get().running) return;
        const doc = get().doc;
        const scope = target
          ? new Set<string>([target, ...ancestors<string>(doc, target)])
          : undefined;
        const { files, outputColumns } = get();
        const issues = [...issuesOf(doc, { files, outputColumns })].filter(
          ([id]) => !scope || scope.has(id),
        );
        if (issues.length > 0) {
          const [id, list] = issues[0] as [string, readonly { message: string }[]];
          get().notify({
            kind: 'error',
            message: `Fix ${issues.length === 1 ? 'the problem' : `${issues.length} problems`} before running: node "${id}": ${list[0]?.message ?? ''}`,
          });
          return;
        }
        const enginePromise = getEngine();
        if (!enginePromise) {
          get().notify({ kind: 'error', message: 'Running is not available in this build yet.' });
          return;
        }
        abort = new AbortController();
        const queued: Record<string, NodeRunState> = { ...get().runStatus };
        for (const n of doc.nodes)
          if (!scope || scope.has(n.id)) queued[n.id] = { status: 'queued' };
        set({ running: true, runStatus: queued, notice: undefined });
        const provider = providerAt(get().files);
        const pipeline = get().toPipeline();
        // Stored at once, so a run cut short by closing the tab is listed as interrupted.
        get().runStarted(pipeline, provider);
        // What each node's result will have been produced from (edits during the run show).
        const sigs = nodeSignatures(pipeline, deps.registry, get().files);
        const ranWith = (id: string): Record<string, string> => {
          const sig = sigs.get(id);
          const { [id]: _old, ...rest } = get().ranWith;
          return sig === undefined ? rest : { ...rest, [id]: sig };
        };
        try {
          const summary = await (
            await enginePromise
          ).run(pipeline, provider, {
            ...(target ? { target } : {}),
            signal: abort.signal,
            onEvent: (e) => {
              get().runProgressed(e);
              set({
                runStatus: { ...get().runStatus, [e.nodeId]: stateOf(e) },
                ranWith: ranWith(e.nodeId),
              });
            },
          });
          const status: Record<string, NodeRunState> = { ...get().runStatus };
          const ran: Record<string, string> = { ...get().ranWith };
          for (const [id, n] of Object.entries(summary.nodes)) {
            const sig = sigs.get(id);
            if (sig !== undefined) ran[id] = sig;
            const prev = status[id];
            status[id] = {
              status: n.status,
              rows: n.rows,
              ms: n.ms,
              ...(n.error ? { error: n.error } : {}),
              ...(prev?.reason ? { reason: prev.reason } : {}),
            };
          }
          set({ runStatus: status, ranWith: ran, lastRun: summary, outputColumns: {} });
          if (summary.status === 'cancelled')
            get().notify({ kind: 'info', message: 'Run cancelled.' });
          await get().recordRun(pipeline, summary, provider);
          const sel = [...get().selected];
          if (sel.length === 1 && sel[0]) await get().showNodeOutput(sel[0]);
        } catch (e) {
          get().notify({ kind: 'error', message: `The run stopped: ${message(e)}` });
          await get().runStopped();
          const status: Record<string, NodeRunState> = {};
          for (const [id, s] of Object.entries(get().runStatus)) {
            status[id] = s.status === 'queued' || s.status === 'running' ? { status: 'idle' } : s;
          }
          set({ runStatus: status });
        } finally {
          abort = undefined;
          set({ running: false });
        }
      },

      cancel() {
        abort?.abort();
      },

      async showNodeOutput(id) {
        const source = { kind: 'node' as const, id };
        const st = get().runStatus[id]?.status;
        if (st !== 'done' && st !== 'cached') {
          set({ preview: { source, loading: false } });
          return;
        }
        set({ preview: { source, loading: true } });
        try {
          const bytes = await get().nodeOutput(id);
          if (!bytes) {
            set({
              preview: {
                source,
                loading: false,
                error: 'No output kept for this node: run it again.',
              },
            });
            return;
          }
          const table = tableFromIPC(bytes);
          const cols = table.schema.fields.map((f) => f.name);
          set({
            preview: { source, loading: false, table },
            outputColumns: { ...get().outputColumns, [id]: cols },
          });
        } catch (e) {
          set({ preview: { source, loading: false, error: message(e) } });
        }
      },

      async showFile(name) {
        const source = { kind: 'file' as const, id: name };
        set({ preview: { source, loading: true } });
        const bytes = await deps.storage?.files.read(name);
        if (!bytes || !deps.readTable) {
          set({ preview: { source, loading: false, error: `Cannot read "${name}".` } });
          return;
        }
        const r = await deps.readTable(name, bytes);
        set({
          preview: r.ok
            ? { source, loading: false, table: r.value }
            : { source, loading: false, error: r.error },
        });
      },

      async nodeOutput(id) {
        const e = getEngine();
        return e ? (await e).output(id) : undefined;
      },
    };
  };
}
