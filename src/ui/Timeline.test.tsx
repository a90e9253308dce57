// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import {
  formatMs,
  layoutLane,
  Timeline,
  timelineTicks,
  type TimelineLaneProps,
} from './Timeline.tsx';

afterEach(cleanup);

// happy-dom does no layout: the chart falls back to 800 px, so the plot is 800 - 150 - 12 = 638 px
// wide and 1 ms of a 1000 ms run is 0.638 px.
const lanes: TimelineLaneProps[] = [
  {
    key: 'worker-0',
    label: 'Worker 0',
    bars: [
      {
        key: 'a_long_node_name',
        label: 'a_long_node_name',
        status: 'done',
        from: 0,
        to: 600,
      },
      { key: 'b', label: 'b', status: 'failed', from: 100, to: 110 },
      { key: 'c', label: 'c', status: 'done', from: 112, to: 113 },
    ],
  },
  {
    key: 'main',
    label: 'Cache / main thread',
    bars: [{ key: 'src', label: 'src', status: 'cached', from: 0, to: 0 }],
  },
];

describe('Timeline', () => {
  it('draws a lane per worker and a bar per node, positioned by time, coloured by status', () => {
    render(<Timeline total={1000} lanes={lanes} label="Timeline of run r1" />);
    const chart = screen.getByRole('group', { name: 'Timeline of run r1' });
    const bars = chart.querySelectorAll('[data-testid="timeline-bar"]');
    expect(bars).toHaveLength(4);
    expect(chart.querySelectorAll('[data-testid="timeline-lane"]')).toHaveLength(2);
    expect(chart.textContent).toContain('Worker 0');
    expect(chart.textContent).toContain('Cache / main thread');
    const a = screen.getByRole('button', { name: 'a_long_node_name: done, 600 ms on Worker 0' });
    const rect = a.querySelector('rect')!;
    expect(Number(rect.getAttribute('x'))).toBeCloseTo(150, 6);
    expect(Number(rect.getAttribute('width'))).toBeCloseTo(600 * 0.638, 6);
    expect(a.getAttribute('class')).toContain('st-done');
    const b = screen.getByRole('button', { name: /^b: failed/ });
    expect(b.getAttribute('class')).toContain('st-failed');
    expect(b.getAttribute('data-lane')).toBe('worker-0');
    // A zero-length cache hit is still drawn, 3 px wide.
    const src = screen.getByRole('button', { name: /^src: cached/ });
    expect(Number(src.querySelector('rect')!.getAttribute('width'))).toBe(3);
  });

  it('labels every bar and gives bars that would cover each other (or a label) rows of their own', () => {
    render(<Timeline total={1000} lanes={lanes} label="t" />);
    const bar = (name: RegExp) => screen.getByRole('button', { name });
    const a = bar(/^a_long_node_name/);
    expect(a.querySelector('text')?.getAttribute('class')).toBe('timeline-text inside');
    // b (6 px) carries its label after it; c starts 1.3 px after b, under b's label: next row.
    expect(bar(/^b:/).querySelector('text')?.textContent).toBe('b');
    const y = (name: RegExp) => Number(bar(name).querySelector('rect')!.getAttribute('y'));
    expect(y(/^b:/) - y(/^a_long/)).toBe(22);
    expect(y(/^c:/) - y(/^b:/)).toBe(22);
    // Lane 1 has three rows: 3 x 22 + 2 x 6 px.
    const bg = document.querySelectorAll('.timeline-lane-bg');
    expect(bg[0]!.getAttribute('height')).toBe('78');
    expect(bg[1]!.getAttribute('height')).toBe('34');
  });

  it('reports hover and selection with the mouse and the keyboard', () => {
    const onSelect = vi.fn();
    const onHover = vi.fn();
    render(
      <Timeline
        total={1000}
        lanes={lanes}
        label="t"
        selected="b"
        onSelect={onSelect}
        onHover={onHover}
      />,
    );
    const a = screen.getByRole('button', { name: /^a_long_node_name/ });
    fireEvent.mouseEnter(a);
    expect(onHover).toHaveBeenLastCalledWith('a_long_node_name');
    fireEvent.mouseLeave(a);
    expect(onHover).toHaveBeenLastCalledWith(undefined);
    fireEvent.click(a);
    expect(onSelect).toHaveBeenLastCalledWith('a_long_node_name');
    fireEvent.keyDown(screen.getByRole('button', { name: /^src/ }), { key: 'Enter' });
    expect(onSelect).toHaveBeenLastCalledWith('src');
    expect(screen.getByRole('button', { name: /^b:/ }).getAttribute('aria-pressed')).toBe('true');
  });
});

describe('timelineTicks and formatMs', () => {
  it('chooses a 1-2-5 step', () => {
    expect(timelineTicks(1000)).toEqual([0, 200, 400, 600, 800, 1000]);
    expect(timelineTicks(45)).toEqual([0, 10, 20, 30, 40]);
    expect(timelineTicks(7)).toEqual([0, 2, 4, 6]);
    expect(timelineTicks(0.3)).toEqual([0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3]);
  });

  it('writes milliseconds below a second and seconds above', () => {
    expect(formatMs(250)).toBe('250 ms');
    expect(formatMs(12.345)).toBe('12.3 ms');
    expect(formatMs(1500)).toBe('1.5 s');
    expect(formatMs(61_000)).toBe('61 s');
  });
});

describe('layoutLane', () => {
  const x = (ms: number) => 100 + ms; // 1 px per ms, plot from 100 to 300
  const bar = (key: string, from: number, to: number) => ({
    key,
    label: key,
    status: 'done',
    from,
    to,
  });

  it('puts a label inside, after, before or nowhere, and packs bar plus label', () => {
    // 'abc' needs 3 x 6.6 + 8 = 27.8 px.
    const { placed, rows } = layoutLane(
      [bar('abc', 0, 50), bar('def', 60, 62), bar('ghi', 195, 198), bar('jkl', 196, 197)],
      x,
      100,
      300,
    );
    const by = Object.fromEntries(placed.map((p) => [p.bar.key, p]));
    expect(by.abc).toMatchObject({ x: 100, width: 50, labelAt: 'inside', row: 0 });
    expect(by.def).toMatchObject({ x: 160, width: 3, labelAt: 'after', row: 0 });
    // At the right edge the label goes before the bar: 'ghi' spans 267.2..298 px.
    expect(by.ghi).toMatchObject({ labelAt: 'before', row: 0 });
    expect(by.jkl).toMatchObject({ labelAt: 'before', row: 1 });
    expect(rows).toBe(2);
    const none = layoutLane([bar('long-name', 0, 1)], x, 100, 110);
    expect(none.placed[0]).toMatchObject({ labelAt: 'none', row: 0 });
  });
});
