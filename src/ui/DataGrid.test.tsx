// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { Float64, makeData, makeVector, Table, Field, Schema } from 'apache-arrow';
import { DataGrid } from './DataGrid.tsx';

describe('DataGrid', () => {
  // happy-dom does no layout: give elements the size a 520-pixel-high panel would have.
  const props = ['clientHeight', 'clientWidth'] as const;
  const saved = props.map((p) => Object.getOwnPropertyDescriptor(HTMLElement.prototype, p));
  beforeEach(() => {
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
      configurable: true,
      get: () => 520,
    });
    Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
      configurable: true,
      get: () => 900,
    });
  });
  afterEach(() => {
    props.forEach((p, i) => {
      const d = saved[i];
      if (d) Object.defineProperty(HTMLElement.prototype, p, d);
    });
  });

  it('is a grid named Preview that draws only the visible rows of a million', () => {
    const n = 1_000_000;
    const values = new Float64Array(n).map((_, i) => i / 10);
    const schema = new Schema([new Field('DEPT', new Float64(), false, new Map([['unit', 'M']]))]);
    const table = new Table(schema, {
      DEPT: makeVector(makeData({ type: new Float64(), length: n, data: values })),
    });
    const t0 = performance.now();
    render(<DataGrid table={table} />);
    const ms = performance.now() - t0;
    const grid = screen.getByRole('grid', { name: 'Preview' });
    expect(grid.getAttribute('aria-rowcount')).toBe(String(n + 1));
    expect(screen.getByRole('columnheader', { name: /DEPT/ }).textContent).toContain('M');
    const rows = screen.getAllByRole('row');
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.length).toBeLessThan(100);
    expect(ms).toBeLessThan(2000);
  });
});
