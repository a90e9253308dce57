import { describe, expect, it } from 'vitest';
import {
  crossplotAxes,
  crossplotData,
  crossplotEmptyNote,
  hasValues,
  histogram,
  leftOutNote,
  loneBinWidth,
  noValuesNote,
} from './plotData.ts';

const f = (...v: number[]) => Float64Array.from(v);

describe('crossplot points', () => {
  it('sorts by x and drops incomplete rows', () => {
    const p = crossplotData(f(3, 1, NaN, 2), f(30, 10, 5, NaN));
    expect([...p.x]).toEqual([1, 3]);
    expect([...p.y]).toEqual([10, 30]);
    expect([p.nonPositiveX, p.nonPositiveY]).toEqual([0, 0]);
    expect(leftOutNote(p)).toBeUndefined();
  });

  it('keeps values <= 0 on linear axes', () => {
    const p = crossplotData(f(-9999, 0, 5), f(1, -2, 3));
    expect([...p.x]).toEqual([-9999, 0, 5]);
    expect([...p.y]).toEqual([1, -2, 3]);
  });

  it('leaves out and counts x <= 0 on a log X axis', () => {
    const x = f(-9999, 2, 0, 1, NaN, -9999);
    const y = f(50, 20, 60, 10, 70, NaN);
    const p = crossplotData(x, y, { x: true, y: false });
    expect([...p.x]).toEqual([1, 2]);
    expect([...p.y]).toEqual([10, 20]);
    // The NaN rows are incomplete, not "left out by the log axis".
    expect([p.nonPositiveX, p.nonPositiveY]).toEqual([2, 0]);
    expect(leftOutNote(p)).toBe('2 left out: X <= 0 on a log axis');
  });

  it('counts a row once when both axes are log and both values are <= 0', () => {
    const p = crossplotData(f(-1, 2, 3, 4), f(-1, -2, 3, 0), { x: true, y: true });
    expect([...p.x]).toEqual([3]);
    expect([p.nonPositiveX, p.nonPositiveY]).toEqual([1, 2]);
    expect(leftOutNote(p)).toBe('3 left out: X or Y <= 0 on a log axis');
  });

  it('formats large counts with thousands separators', () => {
    const x = new Float64Array(2000).fill(-9999);
    const p = crossplotData(x, new Float64Array(2000).fill(1), { x: true, y: false });
    expect(leftOutNote(p)).toBe('2,000 left out: X <= 0 on a log axis');
  });
});

describe('crossplot axes', () => {
  it('titles each axis with its unit and draws RHOB on Y increasing downwards', () => {
    const axes = crossplotAxes({ name: 'NPHI', unit: 'V/V' }, { name: 'RHOB', unit: 'G/C3' });
    expect(axes.x).toEqual({ title: 'NPHI (V/V)', dir: 1 });
    expect(axes.y).toEqual({ title: 'RHOB (G/C3)', dir: -1 });
  });

  it('shows limestone units as the column states them, and a name alone without a unit', () => {
    const axes = crossplotAxes({ name: 'TNPH', unit: 'PU' }, { name: 'GR', unit: '' });
    expect(axes.x.title).toBe('TNPH (PU)');
    expect(axes.y).toEqual({ title: 'GR', dir: 1 });
  });

  it('recognises a density by its unit, and keeps a density on X increasing rightwards', () => {
    expect(crossplotAxes({ name: 'A', unit: '' }, { name: 'BULK', unit: 'g/cc' }).y.dir).toBe(-1);
    expect(crossplotAxes({ name: 'A', unit: '' }, { name: 'ZDEN', unit: '' }).y.dir).toBe(-1);
    expect(crossplotAxes({ name: 'A', unit: '' }, { name: 'D', unit: 'K/M3' }).y.dir).toBe(-1);
    expect(crossplotAxes({ name: 'RHOB', unit: 'G/C3' }, { name: 'NPHI', unit: 'V/V' })).toEqual({
      x: { title: 'RHOB (G/C3)', dir: 1 },
      y: { title: 'NPHI (V/V)', dir: 1 },
    });
  });
});

describe('notes when there is nothing to plot', () => {
  it('names an all-null column and its row count', () => {
    expect(hasValues(f(NaN, NaN))).toBe(false);
    expect(hasValues(f(NaN, 0))).toBe(true);
    expect(noValuesNote('GR', new Float64Array(2723).fill(NaN))).toBe(
      'GR has no values to plot (all 2,723 rows are null)',
    );
    expect(noValuesNote('GR', f(NaN))).toBe('GR has no values to plot (all 1 row is null)');
    expect(noValuesNote('GR', f())).toBe('GR has no values to plot (the table has no rows)');
    expect(noValuesNote('GR', f(NaN, 3))).toBeUndefined();
  });

  it('explains an empty crossplot: a null column, log axes, or no common row', () => {
    const some = f(1, NaN);
    const other = f(NaN, 2);
    const nulls = f(NaN, NaN);
    const none = crossplotData(some, nulls);
    expect(
      crossplotEmptyNote({ name: 'A', values: some }, { name: 'B', values: nulls }, none),
    ).toBe('B has no values to plot (all 2 rows are null)');
    const apart = crossplotData(some, other);
    expect(
      crossplotEmptyNote({ name: 'A', values: some }, { name: 'B', values: other }, apart),
    ).toBe('Nothing to plot: no row has both A and B.');
    const neg = f(-1, -2);
    const logged = crossplotData(neg, f(1, 2), { x: true, y: false });
    expect(
      crossplotEmptyNote({ name: 'A', values: neg }, { name: 'B', values: f(1, 2) }, logged),
    ).toBe('Nothing to plot: every row with both values has X <= 0, which a log axis cannot show.');
    const fine = crossplotData(f(1), f(2));
    expect(crossplotEmptyNote({ name: 'A', values: f(1) }, { name: 'B', values: f(2) }, fine)).toBe(
      undefined,
    );
  });
});

describe('histogram bins', () => {
  it('bins finite values into equal widths over [min, max]', () => {
    const h = histogram(f(0, 1, 2, 3, NaN, 4), 4);
    expect(h.counts).toEqual([1, 1, 1, 2]);
    expect(h.centers).toEqual([0.5, 1.5, 2.5, 3.5]);
    expect(h.range).toEqual([0, 4]);
    expect(h.width).toBe(1);
  });

  it('has no bins for a column without values', () => {
    expect(histogram(f(NaN, Infinity), 4)).toEqual({
      centers: [],
      counts: [],
      range: undefined,
      width: 0,
    });
  });

  it('gives a lone value one nominal bin, empty neighbours and a range around it', () => {
    const h = histogram(f(7, 7, NaN, 7), 40);
    expect(h.width).toBeCloseTo(0.1, 12);
    expect(h.counts).toEqual([null, 3, null]);
    expect(h.centers[1]).toBe(7);
    expect(h.centers[0]).toBeCloseTo(6.9, 12);
    expect(h.centers[2]).toBeCloseTo(7.1, 12);
    expect(h.range?.[0]).toBeCloseTo(6.5, 12);
    expect(h.range?.[1]).toBeCloseTo(7.5, 12);
    // The bar is a tenth of the axis, not all of it.
    const [lo, hi] = h.range ?? [0, 0];
    expect(h.width / (hi - lo)).toBeCloseTo(0.1, 12);
  });

  it('sizes the nominal bin to the value: a tenth of its order of magnitude', () => {
    expect(loneBinWidth(7)).toBe(0.1);
    expect(loneBinWidth(-7)).toBe(0.1);
    expect(loneBinWidth(1500)).toBe(100);
    expect(loneBinWidth(0.25)).toBeCloseTo(0.01, 15);
    expect(loneBinWidth(0)).toBe(1);
    expect(loneBinWidth(Number.MIN_VALUE)).toBe(1);
  });
});
