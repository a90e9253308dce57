/**
 * A run timeline drawn with plain SVG: a lane per worker, a bar per task from its start to its end,
 * coloured by status and labelled with its id (text as text), over a time axis. Bars are
 * focusable buttons; hovering or selecting one reports it, so the host shows its figures.
 */
import { useEffect, useRef, useState } from 'react';
import './Timeline.css';

/** One bar, in milliseconds from the start of the timeline. */
export interface TimelineBarProps {
  readonly key: string;
  readonly label: string;
  /** done, cached, failed, skipped or cancelled (any other value draws grey). */
  readonly status: string;
  readonly from: number;
  readonly to: number;
}

/** One lane of bars. */
export interface TimelineLaneProps {
  readonly key: string;
  readonly label: string;
  readonly bars: readonly TimelineBarProps[];
}

/** Where a bar is drawn and where its label goes. */
export interface PlacedBar {
  readonly bar: TimelineBarProps;
  readonly x: number;
  readonly width: number;
  readonly row: number;
  readonly labelAt: 'inside' | 'after' | 'before' | 'none';
}

/** Props of the Timeline. */
export interface TimelineProps {
  /** Milliseconds the axis spans. */
  readonly total: number;
  readonly lanes: readonly TimelineLaneProps[];
  /** Accessible name of the chart. */
  readonly label: string;
  readonly selected?: string;
  onSelect?(key: string): void;
  onHover?(key: string | undefined): void;
}

const GUTTER = 150;
const AXIS = 26;
const ROW = 22;
const LANE_PAD = 6;
const CHAR = 6.6;
const LEGEND = ['done', 'cached', 'failed', 'skipped', 'cancelled'] as const;

/** Axis ticks: a 1-2-5 step giving about `count` ticks over [0, total]. */
export function timelineTicks(total: number, count = 6): number[] {
  const raw = Math.max(total, 1e-9) / count;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? 10 * pow;
  const ticks: number[] = [];
  for (let v = 0; v <= total + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

/** A duration as the axis writes it: `250 ms`, `1.5 s`. */
export function formatMs(ms: number): string {
  if (ms < 1000) return `${Number(ms.toPrecision(3))} ms`;
  return `${Number((ms / 1000).toPrecision(3))} s`;
}

/** Most rows a lane takes: past it, labels that do not fit inside their bar go, then bars overlap. */
export const MAX_LANE_ROWS = 12;

interface Item extends Omit<PlacedBar, 'row'> {
  readonly start: number;
  readonly end: number;
}

function place(
  bar: TimelineBarProps,
  x: (ms: number) => number,
  left: number,
  right: number,
  outside: boolean,
): Item {
  const x0 = x(bar.from);
  const width = Math.max(3, x(bar.to) - x0);
  const textW = bar.label.length * CHAR + 8;
  const labelAt: PlacedBar['labelAt'] =
    textW <= width
      ? 'inside'
      : !outside
        ? 'none'
        : x0 + width + textW <= right
          ? 'after'
          : x0 - textW >= left
            ? 'before'
            : 'none';
  const start = labelAt === 'before' ? x0 - textW : x0;
  const end = x0 + width + (labelAt === 'after' ? textW : 0);
  return { bar, x: x0, width, labelAt, start, end };
}

/**
 * First-fit rows over each item's extent, at most `maxRows`. When none is free, `overlap` puts the
 * item in the row that frees first (it covers part of a bar there); otherwise gives up.
 */
function pack(
  items: readonly Item[],
  maxRows: number,
  overlap: boolean,
): { placed: PlacedBar[]; rows: number } | undefined {
  const sorted = [...items].sort((a, b) => a.start - b.start || a.end - b.end);
  const rowEnds: number[] = [];
  const placed: PlacedBar[] = [];
  for (const { start, end, ...rest } of sorted) {
    let row = rowEnds.findIndex((e) => e + 1 <= start);
    if (row < 0 && rowEnds.length < maxRows) row = rowEnds.push(end) - 1;
    else if (row < 0) {
      if (!overlap) return undefined;
      row = rowEnds.indexOf(Math.min(...rowEnds));
      rowEnds[row] = Math.max(rowEnds[row] ?? end, end);
    } else rowEnds[row] = end;
    placed.push({ ...rest, row });
  }
  return { placed, rows: Math.max(1, rowEnds.length) };
}

/**
 * Places a lane's bars: each bar at least 3 px wide, its label inside when it fits, else after it
 * (or before it at the right edge); then first-fit rows over the bar plus its label, so bars that
 * overlap in time (a streamed segment) and labels never cover one another. A lane that would
 * need more than `maxRows` rows (300 cache hits at one instant) keeps only the labels that fit
 * inside their bars, and past that lets bars overlap: every bar is still drawn and named by its
 * title, and the table under the chart lists every node.
 */
export function layoutLane(
  bars: readonly TimelineBarProps[],
  x: (ms: number) => number,
  left: number,
  right: number,
  maxRows = MAX_LANE_ROWS,
): { placed: PlacedBar[]; rows: number } {
  const labelled = pack(
    bars.map((b) => place(b, x, left, right, true)),
    maxRows,
    false,
  );
  if (labelled) return labelled;
  const bare = bars.map((b) => place(b, x, left, right, false));
  return (
    pack(bare, maxRows, false) ??
    (pack(bare, maxRows, true) as { placed: PlacedBar[]; rows: number })
  );
}

function useWidth(fallback: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => setWidth(el.clientWidth || fallback));
    ro.observe(el);
    setWidth(el.clientWidth || fallback);
    return () => ro.disconnect();
  }, [fallback]);
  return { ref, width };
}

/** The timeline chart. */
export function Timeline(props: TimelineProps) {
  const { ref, width } = useWidth(800);
  const plot = Math.max(100, width - GUTTER - 12);
  const x = (ms: number) => GUTTER + (ms / props.total) * plot;
  const layouts = props.lanes.map((lane) => layoutLane(lane.bars, x, GUTTER, width - 2));
  const laneTops: number[] = [];
  let y = AXIS;
  for (const l of layouts) {
    laneTops.push(y);
    y += l.rows * ROW + 2 * LANE_PAD;
  }
  const ticks = timelineTicks(props.total);
  return (
    <div className="timeline" ref={ref}>
      <svg width={width} height={y + 1} role="group" aria-label={props.label}>
        {ticks.map((t) => (
          <g key={t} className="timeline-tick">
            <line x1={x(t)} x2={x(t)} y1={AXIS - 4} y2={y} />
            <text x={x(t)} y={AXIS - 8} textAnchor="middle">
              {formatMs(t)}
            </text>
          </g>
        ))}
        {props.lanes.map((lane, i) => (
          <Lane
            key={lane.key}
            lane={lane}
            layout={layouts[i] ?? { placed: [], rows: 1 }}
            top={laneTops[i] ?? 0}
            width={width}
            {...props}
          />
        ))}
      </svg>
      <div className="timeline-legend" aria-hidden="true">
        {LEGEND.map((st) => (
          <span key={st} className={`timeline-bar legend-item st-${st}`}>
            <svg width={14} height={10}>
              <rect x={1} y={1} width={12} height={8} rx={2} />
            </svg>
            {st}
          </span>
        ))}
      </div>
    </div>
  );
}

function Lane(
  p: TimelineProps & {
    lane: TimelineLaneProps;
    layout: { placed: PlacedBar[]; rows: number };
    top: number;
    width: number;
  },
) {
  const { lane, top } = p;
  const height = p.layout.rows * ROW + 2 * LANE_PAD;
  return (
    <g className="timeline-lane" data-testid="timeline-lane" data-lane={lane.key}>
      <rect className="timeline-lane-bg" x={0} y={top} width={p.width} height={height} />
      <text className="timeline-lane-label" x={8} y={top + height / 2 + 4}>
        {lane.label}
      </text>
      {p.layout.placed.map(({ bar, x: x0, width: w, row, labelAt }) => {
        const by = top + LANE_PAD + row * ROW + 2;
        const name = `${bar.label}: ${bar.status}, ${formatMs(bar.to - bar.from)} on ${lane.label}`;
        const textX =
          labelAt === 'inside' || labelAt === 'after'
            ? x0 + (labelAt === 'after' ? w : 0) + 4
            : x0 - 4;
        return (
          <g
            key={bar.key}
            className={`timeline-bar st-${bar.status}${p.selected === bar.key ? ' selected' : ''}`}
            data-testid="timeline-bar"
            data-node={bar.key}
            data-lane={lane.key}
            role="button"
            tabIndex={0}
            aria-label={name}
            aria-pressed={p.selected === bar.key}
            onClick={() => p.onSelect?.(bar.key)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                p.onSelect?.(bar.key);
              }
            }}
            onMouseEnter={() => p.onHover?.(bar.key)}
            onMouseLeave={() => p.onHover?.(undefined)}
            onFocus={() => p.onHover?.(bar.key)}
            onBlur={() => p.onHover?.(undefined)}
          >
            <title>{name}</title>
            <rect x={x0} y={by} width={w} height={ROW - 4} rx={3} />
            {labelAt !== 'none' && (
              <text
                x={textX}
                y={by + ROW / 2 + 2}
                textAnchor={labelAt === 'before' ? 'end' : 'start'}
                className={labelAt === 'inside' ? 'timeline-text inside' : 'timeline-text'}
              >
                {bar.label}
              </text>
            )}
          </g>
        );
      })}
    </g>
  );
}
