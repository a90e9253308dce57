/**
 * A run record as a timeline: a lane per pool worker (plus one for cache hits, skipped nodes and
 * in-process work), a bar per node from its start to its end, in milliseconds from the run's
 * start, so parallelism and waiting are visible. Rows inside a lane are the chart's business
 * (src/ui/Timeline.tsx packs bars with their labels, in pixels).
 */
import type { ExecutionNodeMetrics, ExecutionRecord } from '../model/run-record.ts';

/** One bar: a node's time on its lane. */
export interface TimelineBar {
  /** The node id (unique in the run), also the bar's label. */
  readonly key: string;
  readonly label: string;
  readonly nodeId: string;
  readonly status: ExecutionNodeMetrics['status'];
  /** Milliseconds from the run's start. */
  readonly from: number;
  readonly to: number;
  readonly node: ExecutionNodeMetrics;
}

/** One lane: a worker, or the main thread and cache. */
export interface TimelineLane {
  readonly key: string;
  readonly label: string;
  /** Sorted by start. */
  readonly bars: readonly TimelineBar[];
}

/** The whole timeline of a run. */
export interface RunTimeline {
  /** Milliseconds from the run's start to its end (at least 1). */
  readonly total: number;
  readonly lanes: readonly TimelineLane[];
}

/** Label of the lane of nodes that ran on no worker. */
export const MAIN_LANE_LABEL = 'Cache / main thread';

/** Lays out a run: lanes in worker order, the main-thread lane last, bars by start time. */
export function runTimeline(record: ExecutionRecord): RunTimeline {
  const ends = record.nodes.map((n) => n.end - record.start);
  const total = Math.max(1, record.end - record.start, ...ends);
  const groups = new Map<number | null, ExecutionNodeMetrics[]>();
  for (const n of record.nodes) {
    const list = groups.get(n.worker) ?? [];
    list.push(n);
    groups.set(n.worker, list);
  }
  const workers = [...groups.keys()].filter((w): w is number => w !== null).sort((a, b) => a - b);
  const order: (number | null)[] = [...workers, ...(groups.has(null) ? [null] : [])];
  const lanes = order.map((w) => ({
    key: w === null ? 'main' : `worker-${w}`,
    label: w === null ? MAIN_LANE_LABEL : `Worker ${w}`,
    bars: (groups.get(w) ?? [])
      .map((n) => bar(n, record.start))
      .sort((a, b) => a.from - b.from || a.to - b.to),
  }));
  return { total, lanes };
}

function bar(node: ExecutionNodeMetrics, t0: number): TimelineBar {
  const from = Math.max(0, node.start - t0);
  const to = Math.max(from, node.end - t0);
  const id = node.nodeId;
  return { key: id, label: id, nodeId: id, status: node.status, from, to, node };
}

/** Counts of a run's nodes by outcome, for the run list. */
export function nodeCounts(record: ExecutionRecord): {
  ran: number;
  cached: number;
  failed: number;
  skipped: number;
} {
  const c = { ran: 0, cached: 0, failed: 0, skipped: 0 };
  for (const n of record.nodes) {
    if (n.status === 'done') c.ran++;
    else if (n.status === 'cached') c.cached++;
    else if (n.status === 'failed') c.failed++;
    else c.skipped++;
  }
  return c;
}
