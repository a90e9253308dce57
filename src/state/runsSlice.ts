/**
 * The run-history slice: records every finished run (done, failed or cancelled) as a
 * `pipeline_executions` record in storage, and lists the open pipeline's past runs for the Runs
 * panel. Without storage (private mode) the records of this session are kept in memory.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { FileProvider, NodeEvent, RunSummary } from '../engine/types.ts';
import type { Pipeline } from '../model/pipeline.ts';
import type { ExecutionRecord } from '../model/run-record.ts';
import {
  RUNS_KEPT_PER_PIPELINE,
  type RunCorruptReport,
  type RunHistoryRecord,
} from '../storage/runs.ts';
import { buildRunRecord } from './runsRecord.ts';
import { startedRuns } from './runsStarted.ts';
import type { AppState, StoreDeps } from './types.ts';

/** The stored run record and its per-node metrics, for the editor (which may not import storage). */
export type { ExecutionNodeMetrics, ExecutionRecord } from '../model/run-record.ts';
export type { RunCorruptReport, RunHistoryRecord, RunProgress } from '../storage/runs.ts';

/** The open pipeline's run history as the Runs panel shows it. */
export interface RunHistory {
  readonly pipelineId: string;
  /** Newest first; unfinished runs (running, interrupted) have `progress` set. */
  readonly runs: readonly RunHistoryRecord[];
  /** Damaged records that were set aside while reading. */
  readonly corrupt: readonly RunCorruptReport[];
  readonly loading: boolean;
  readonly error?: string;
  /** Runs recorded by a newer Petroflow (another tab after an update): kept, not shown. */
  readonly newer?: number;
}

/** Run history in the store. */
export interface RunsSlice {
  readonly runHistory: RunHistory;
  /** (Re)reads the open pipeline's runs. */
  loadRuns(): Promise<void>;
  /**
   * Stores the record of a finished run of `pipeline` (the exact pipeline that ran); `files` is
   * the run's own provider, the library as it was when the run started.
   */
  recordRun(pipeline: Pipeline, summary: RunSummary, files: FileProvider): Promise<void>;
  /**
   * Records that a run of `pipeline` starts (runSlice calls it before the engine runs), so a run
   * cut short by closing the tab is listed as interrupted. `recordRun` then replaces it.
   */
  runStarted(pipeline: Pipeline, files: FileProvider): void;
  /** Notes a node event of the run going on (runSlice's onEvent); finished nodes are kept. */
  runProgressed(event: NodeEvent): void;
  /** The run going on stopped without a summary (the engine threw): recorded as interrupted. */
  runStopped(): Promise<void>;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Creates the run-history slice. */
export function runsSlice(deps: StoreDeps): StateCreator<AppState, [], [], RunsSlice> {
  const memory: ExecutionRecord[] = [];
  const started = startedRuns(deps);
  // Reads of the history can overlap (a run's start, its end, Refresh): only the latest applies.
  let latestLoad = 0;
  return (set, get) => {
    return {
      runHistory: { pipelineId: '', runs: [], corrupt: [], loading: false },

      async loadRuns() {
        const pipelineId = get().pipelineId;
        const runs = deps.storage?.runs;
        if (!runs) {
          const mine = memory.filter((r) => r.pipelineId === pipelineId);
          set({ runHistory: { pipelineId, runs: mine, corrupt: [], loading: false } });
          return;
        }
        const prev = get().runHistory;
        const keep = prev.pipelineId === pipelineId ? prev.runs : [];
        const load = ++latestLoad;
        set({ runHistory: { pipelineId, runs: keep, corrupt: [], loading: true } });
        try {
          const list = await runs.list(pipelineId);
          // Another pipeline was opened, or a later read started, meanwhile.
          if (get().pipelineId !== pipelineId || load !== latestLoad) return;
          set({ runHistory: { pipelineId, ...list, loading: false } });
        } catch (e) {
          if (get().pipelineId !== pipelineId || load !== latestLoad) return;
          const error = `The run history could not be read: ${message(e)}`;
          set({ runHistory: { pipelineId, runs: keep, corrupt: [], loading: false, error } });
        }
      },

      async recordRun(pipeline, summary, files) {
        let record: ExecutionRecord;
        try {
          record = await buildRunRecord(pipeline, summary, files, deps.registry);
          if (deps.storage) await started.finish(pipeline.id, record);
          else {
            memory.unshift(record);
            // As storage does: a cap per pipeline, so one pipeline's runs never push out another's.
            const mine = memory.filter((r) => r.pipelineId === record.pipelineId);
            for (const old of mine.slice(RUNS_KEPT_PER_PIPELINE))
              memory.splice(memory.indexOf(old), 1);
          }
        } catch (e) {
          await started.stop(); // its started record, if any, stays as interrupted
          get().notify({
            kind: 'error',
            message: `The run finished but its record was not saved in the run history: ${message(e)}`,
          });
          return;
        }
        if (get().pipelineId === record.pipelineId) await get().loadRuns();
      },

      runStarted(pipeline, files) {
        started.begin(pipeline, files);
        if (get().pipelineId === pipeline.id) void started.settled().then(() => get().loadRuns());
      },

      runProgressed(event) {
        started.progress(event);
      },

      async runStopped() {
        const pipelineId = await started.stop();
        if (pipelineId !== undefined && get().pipelineId === pipelineId) await get().loadRuns();
      },
    };
  };
}
