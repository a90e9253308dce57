/** Human text of a node's run status. */
import type { NodeRunState } from '../state/index.ts';

/** e.g. "running · 12,000 rows", "done · 4,096 rows · 35 ms". */
export function statusText(status: string, run: NodeRunState | undefined): string {
  const rows = run?.rows !== undefined ? ` · ${run.rows.toLocaleString('en-US')} rows` : '';
  switch (status) {
    case 'running':
      return `running${rows}`;
    case 'done':
      return `done${rows}${run?.ms !== undefined ? ` · ${Math.round(run.ms)} ms` : ''}`;
    case 'cached':
      return `cached${rows}`;
    case 'stale':
      return 'out of date · run again';
    case 'skipped':
      return run?.reason ? `skipped · ${run.reason}` : 'skipped';
    default:
      return status;
  }
}

/** The status a node shows: "skipped" when disabled, "stale" when its finished result no longer matches the graph. */
export function shownStatus(disabled: boolean, status: string, stale: boolean): string {
  if (disabled) return 'skipped';
  const finished = status !== 'idle' && status !== 'queued' && status !== 'running';
  return stale && finished ? 'stale' : status;
}
