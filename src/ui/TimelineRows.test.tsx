// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { layoutLane, MAX_LANE_ROWS, Timeline, type TimelineBarProps } from './Timeline.tsx';

afterEach(cleanup);

const x = (ms: number) => 150 + ms * 0.638; // the fallback 800 px chart, 1000 ms run
const bar = (key: string, from: number, to: number, status = 'done'): TimelineBarProps => ({
  key,
  label: key,
  status,
  from,
  to,
});

// A re-run served from the cache: 300 nodes, each taking no time, all at the run's start.
const cached = Array.from({ length: 300 }, (_, i) => bar(`node_${i}`, 0, 0, 'cached'));
// 300 short nodes one after another on one worker.
const chain = Array.from({ length: 300 }, (_, i) => bar(`step_${i}`, i * 3, i * 3 + 2));

describe('a lane of many bars', () => {
  it('stays a bounded height: 300 cache hits took 300 rows (6.6k px) before', () => {
    const { placed, rows } = layoutLane(cached, x, 150, 798);
    expect(rows).toBeLessThanOrEqual(MAX_LANE_ROWS);
    // Every bar is still drawn (and named by its title), none is dropped.
    expect(placed).toHaveLength(300);
    expect(new Set(placed.map((p) => p.bar.key)).size).toBe(300);
    for (const p of placed) expect(p.row).toBeLessThan(rows);
  });

  it('drops the labels that do not fit before it lets bars overlap', () => {
    const { placed, rows } = layoutLane(chain, x, 150, 798);
    expect(rows).toBeLessThanOrEqual(MAX_LANE_ROWS);
    // Without their labels, bars of consecutive nodes fit in a few rows without covering each other.
    const byRow = new Map<number, { x: number; width: number }[]>();
    for (const p of placed) byRow.set(p.row, [...(byRow.get(p.row) ?? []), p]);
    for (const list of byRow.values()) {
      const sorted = [...list].sort((a, b) => a.x - b.x);
      for (let i = 1; i < sorted.length; i++)
        expect(sorted[i]!.x).toBeGreaterThanOrEqual(sorted[i - 1]!.x + sorted[i - 1]!.width);
    }
    expect(placed.every((p) => p.labelAt === 'none' || p.labelAt === 'inside')).toBe(true);
  });

  it('keeps labels when a lane has room for them', () => {
    const few = layoutLane([bar('abc', 0, 50), bar('def', 60, 62)], (ms) => 100 + ms, 100, 300);
    expect(few.placed.map((p) => p.labelAt)).toEqual(['inside', 'after']);
  });

  it('draws 300 cached nodes in a chart of bounded height, every bar still a button', () => {
    const { container } = render(
      <Timeline total={1000} lanes={[{ key: 'main', label: 'Cache', bars: cached }]} label="t" />,
    );
    const height = Number(container.querySelector('svg')?.getAttribute('height'));
    expect(height).toBeLessThan(400);
    expect(container.querySelectorAll('[data-testid="timeline-bar"]')).toHaveLength(300);
  });
});
