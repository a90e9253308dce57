/**
 * The Runs panel: past runs of the open pipeline, newest first (when, status, duration, what
 * ran, came from the cache or failed). Opening one shows its timeline, figures and provenance.
 */
import { useEffect, useState } from 'react';
import { useApp, useAppStore } from '../state/index.ts';
import { nodeCounts } from '../state/runsTimeline.ts';
import type { ExecutionRecord, RunHistoryRecord } from '../state/runsSlice.ts';
import { formatMs } from '../ui/Timeline.tsx';
import { RunsDetails } from './RunsDetails.tsx';
import { runWhen } from './RunsFigures.tsx';
import './runs.css';

function countsText(r: ExecutionRecord): string {
  const c = nodeCounts(r);
  const parts = [`${c.ran} ran`, `${c.cached} cached`];
  if (c.failed) parts.push(`${c.failed} failed`);
  if (c.skipped) parts.push(`${c.skipped} not run`);
  return parts.join(' · ');
}

/** The status a run is listed with: an unfinished run shows `running` or `interrupted`. */
export function runStatusText(r: RunHistoryRecord): string {
  return r.progress ?? r.status;
}

/** The panel (a sidebar tab). */
export function RunsPanel() {
  const store = useAppStore();
  const pipelineId = useApp((s) => s.pipelineId);
  const history = useApp((s) => s.runHistory);
  const [openId, setOpenId] = useState<string | undefined>();
  useEffect(() => {
    void store.getState().loadRuns();
  }, [pipelineId, store]);
  const current = history.pipelineId === pipelineId;
  const runs = current ? history.runs : [];
  const open = runs.find((r) => r.runId === openId);

  return (
    <section className="runs-panel" aria-label="Runs">
      <div className="runs-head">
        <h2>Runs of this pipeline</h2>
        <button type="button" onClick={() => void store.getState().loadRuns()}>
          Refresh
        </button>
      </div>
      {history.error && <div className="error-box small">{history.error}</div>}
      {current && history.corrupt.length > 0 && (
        <div className="issue-box small" role="alert">
          {history.corrupt.length} damaged run record(s) were set aside:{' '}
          {history.corrupt.map((c) => `“${c.key}” (${c.reason})`).join('; ')}.
        </div>
      )}
      {current && history.newer !== undefined && history.newer > 0 && (
        <div className="issue-box small">
          {history.newer} run(s) recorded by a newer version of Petroflow are not shown: reload the
          page to get it.
        </div>
      )}
      {runs.length === 0 && (
        <p className="empty-note">
          {history.loading || !current ? 'Loading…' : 'No runs yet: press Run to make one.'}
        </p>
      )}
      <ol className="run-list">
        {runs.map((r) => (
          <li key={r.runId} data-testid="run-item" data-status={runStatusText(r)}>
            <button
              type="button"
              className="run-open"
              aria-label={`Open run of ${runWhen(r.start)}, ${runStatusText(r)}`}
              title={
                r.progress === 'interrupted'
                  ? 'The tab was closed or reloaded before this run finished; the nodes that had finished are listed.'
                  : undefined
              }
              onClick={() => setOpenId(r.runId)}
            >
              <span className="run-line">
                <span className={`run-status st-${runStatusText(r)}`}>{runStatusText(r)}</span>
                <span className="run-when">{runWhen(r.start)}</span>
              </span>
              <span className="muted small">
                {formatMs(r.end - r.start)} · {countsText(r)}
              </span>
            </button>
          </li>
        ))}
      </ol>
      {open && <RunsDetails record={open} onClose={() => setOpenId(undefined)} />}
    </section>
  );
}
