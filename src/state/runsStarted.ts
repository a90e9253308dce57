/**
 * The record of the run going on in this tab: written when the run starts, rewritten (at most
 * once a second, and every RUN_HEARTBEAT_MS) with the nodes that finished, and replaced by the
 * finished run's record at the end. While it goes, the tab holds the run's Web Lock, so another
 * tab (or this one after a reload) sees a run whose tab went away as interrupted.
 */
import type { FileProvider, NodeEvent } from '../engine/types.ts';
import type { Pipeline } from '../model/pipeline.ts';
import type { ExecutionNodeMetrics, ExecutionRecord } from '../model/run-record.ts';
import { holdRunLock, RUN_HEARTBEAT_MS } from '../storage/runLocks.ts';
import { buildStartRecord, nodeFromEvent } from './runsRecord.ts';
import type { StoreDeps } from './types.ts';

/** Writes of a running run's record are at most this often (node events can come by hundreds). */
export const RUN_PROGRESS_WRITE_MS = 1000;

interface Going {
  readonly id: string;
  readonly pipeline: Pipeline;
  readonly release: () => void;
  readonly nodes: Map<string, ExecutionNodeMetrics>;
  readonly heartbeat: ReturnType<typeof setInterval>;
  record?: ExecutionRecord;
  flushTimer?: ReturnType<typeof setTimeout>;
}

/** The started-run bookkeeping of one store (see the module comment). */
export interface StartedRuns {
  begin(pipeline: Pipeline, files: FileProvider): void;
  progress(event: NodeEvent): void;
  /** Stores the finished run, replacing its started record when there is one. Throws on failure. */
  finish(pipelineId: string, record: ExecutionRecord): Promise<void>;
  /** Records the run going on as interrupted; gives its pipeline id (undefined when none). */
  stop(): Promise<string | undefined>;
  /** Resolves when every write queued so far is done. */
  settled(): Promise<void>;
}

/** Creates the bookkeeping; without storage every call but `finish` does nothing. */
export function startedRuns(deps: StoreDeps): StartedRuns {
  let going: Going | undefined;
  let writes: Promise<void> = Promise.resolve();
  const queue = (f: () => Promise<void>) => {
    writes = writes.then(f).catch(() => undefined); // best effort: the final record still goes
    return writes;
  };
  const snapshot = (g: Going): ExecutionRecord | undefined => {
    if (!g.record) return undefined;
    const nodes = [...g.nodes.values()];
    const end = Math.max(g.record.start, Date.now(), ...nodes.map((n) => n.end));
    return { ...g.record, nodes, end };
  };
  const flush = (g: Going, progress: 'running' | 'interrupted' = 'running') =>
    queue(async () => {
      const r = snapshot(g);
      if (r && deps.storage) await deps.storage.runs.update(r, progress);
    });
  const close = (g: Going) => {
    clearInterval(g.heartbeat);
    if (g.flushTimer) clearTimeout(g.flushTimer);
    if (going === g) going = undefined;
  };

  return {
    begin(pipeline, files) {
      const storage = deps.storage;
      if (!storage) return;
      if (going) void this.stop();
      const id = crypto.randomUUID();
      const g: Going = {
        id,
        pipeline,
        release: holdRunLock(id),
        nodes: new Map(),
        heartbeat: setInterval(() => void flush(g), RUN_HEARTBEAT_MS),
      };
      going = g;
      void queue(async () => {
        g.record = await buildStartRecord(pipeline, id, files, deps.registry);
        await storage.runs.start(g.record);
      });
    },

    progress(event) {
      const g = going;
      const m = g && nodeFromEvent(g.pipeline, event);
      if (!g || !m) return;
      g.nodes.set(m.nodeId, m);
      g.flushTimer ??= setTimeout(() => {
        g.flushTimer = undefined;
        void flush(g);
      }, RUN_PROGRESS_WRITE_MS);
    },

    async finish(pipelineId, record) {
      const storage = deps.storage;
      if (!storage) return;
      const g = going?.pipeline.id === pipelineId ? going : undefined;
      if (!g) return storage.runs.add(record);
      close(g);
      await writes;
      try {
        await storage.runs.finish(g.id, record);
      } finally {
        g.release();
      }
    },

    async stop() {
      const g = going;
      if (!g) return undefined;
      close(g);
      await flush(g, 'interrupted');
      g.release();
      return g.pipeline.id;
    },

    settled: () => writes,
  };
}
