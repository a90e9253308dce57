/** Human text of a node's run status, and the status a node shows (disabled, stale, cancelled). */
import type { NodeRunState } from '../state/index.ts';

/** Error code the engine gives a node stopped by cancellation (src/engine/errors.ts, scheduler.ts). */
const CANCELLED_CODE = 'CANCELLED';
/** Reason the engine gives a node skipped because the run was cancelled (scheduler.ts). */
const CANCELLED_REASON = 'cancelled';
/** Reason the engine gives a node skipped below a failed one (run-state.ts `blockedBy`, node-io.ts). */
const UPSTREAM_FAILED = /^upstream node '(.+)' failed$/;

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
    case 'cancelled':
      return 'cancelled · run again';
    case 'skipped':
      return run?.reason ? `skipped · ${run.reason}` : 'skipped';
    default:
      return status;
  }
}

/**
 * True when the node's last run ended because the user cancelled it, not because anything broke:
 * it failed with the engine's cancellation error, was skipped as "cancelled", or was skipped below
 * a node that was itself cancelled (followed up the "upstream node 'x' failed" reasons).
 */
export function wasCancelled(
  runStatus: Readonly<Record<string, NodeRunState | undefined>>,
  id: string,
): boolean {
  const seen = new Set<string>();
  let current: string | undefined = id;
  while (current !== undefined && !seen.has(current)) {
    seen.add(current);
    const run: NodeRunState | undefined = runStatus[current];
    if (run?.status === 'failed') return run.error?.code === CANCELLED_CODE;
    if (run?.status !== 'skipped' || run.reason === undefined) return false;
    if (run.reason === CANCELLED_REASON) return true;
    current = UPSTREAM_FAILED.exec(run.reason)?.[1];
  }
  return false;
}

/**
 * The status a node shows: "skipped" when disabled, "stale" when its finished result no longer
 * matches the graph, "cancelled" when it failed or was skipped only because the run was cancelled.
 */
export function shownStatus(
  disabled: boolean,
  status: string,
  stale: boolean,
  cancelled = false,
): string {
  if (disabled) return 'skipped';
  const finished = status !== 'idle' && status !== 'queued' && status !== 'running';
  if (stale && finished) return 'stale';
  return cancelled && (status === 'failed' || status === 'skipped') ? 'cancelled' : status;
}
