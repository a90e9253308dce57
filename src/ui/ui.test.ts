import { describe, expect, it } from 'vitest';
import { Field, Float64, Schema, Table, Utf8, vectorFromArray } from 'apache-arrow';
import { cellText, columnFacts, depthColumn, numericColumn } from './tableData.ts';
import { curvePairs, logTracks } from './logTrackSpec.ts';

function withUnits(names: Record<string, string>): Table {
  const fields = Object.entries(names).map(
    ([n, unit]) =>
      new Field(n, n === 'WELL' ? new Utf8() : new Float64(), true, new Map([['unit', unit]])),
  );
  const cols = Object.fromEntries(
    Object.keys(names).map((n) => [
      n,
      n === 'WELL' ? vectorFromArray(['A', 'A']) : vectorFromArray([1, 2], new Float64()),
    ]),
  );
  return new Table(new Schema(fields), cols);
}

describe('table facts', () => {
  it('reads units from field metadata and finds the depth index', () => {
    const t = withUnits({ DEPT: 'M', GR: 'GAPI', WELL: '' });
    const cols = columnFacts(t);
    expect(cols.map((c) => [c.name, c.unit, c.numeric])).toEqual([
      ['DEPT', 'M', true],
      ['GR', 'GAPI', true],
      ['WELL', '', false],
    ]);
    expect(depthColumn(cols)?.name).toBe('DEPT');
  });

  it('turns nulls into NaN for plots and into empty cells for the grid', () => {
    const t = new Table({ A: vectorFromArray([1.5, null, 3], new Float64()) });
    expect([...numericColumn(t, 'A')]).toEqual([1.5, NaN, 3]);
    expect([
      cellText(null),
      cellText(0.1 + 0.2),
      cellText(12),
      cellText('x'),
      cellText(true),
    ]).toEqual(['', '0.3', '12', 'x', 'true']);
  });
});

describe('log tracks chosen for a table', () => {
  it('draws GR with a fill, resistivity on a log scale, density/neutron together, computed curves', () => {
    const t = withUnits({
      DEPT: 'M',
      GR: 'GAPI',
      ILD: 'OHMM',
      RHOB: 'G/C3',
      NPHI: 'V/V',
      VSH: '',
      PHIE: '',
      SW: '',
      CALI: 'IN',
    });
    const tracks = logTracks(columnFacts(t));
    expect(tracks.map((x) => x.id)).toEqual(['gr', 'res', 'dn', 'vsh', 'porosity', 'sw']);
    expect(tracks[0]?.curves[0]?.fill).toBeDefined();
    expect(tracks[1]?.curves[0]).toMatchObject({ column: 'ILD', scale: 'log' });
    expect(tracks[2]?.curves.map((c) => c.column)).toEqual(['RHOB', 'NPHI']);
    expect(tracks[2]?.curves[1]?.domain).toEqual([0.45, -0.15]);
  });

  it('draws nothing for a table without known curves', () => {
    expect(logTracks(columnFacts(withUnits({ DEPT: 'M', CALI: 'IN' })))).toEqual([]);
  });
});

describe('curve samples', () => {
  const depth = Float64Array.from([100, 101, 102, 103, 104]);
  const values = Float64Array.from([5, 0, -5, NaN, 20]);

  it('make nulls gaps on a linear track and keep zero and negative values', () => {
    expect(curvePairs(depth, values, 'linear')).toEqual([
      [100, 5],
      [101, 0],
      [102, -5],
      [103, null],
      [104, 20],
    ]);
  });

  it('make values <= 0 gaps on a log track too (they have no logarithm)', () => {
    expect(curvePairs(depth, values, 'log')).toEqual([
      [100, 5],
      [101, null],
      [102, null],
      [103, null],
      [104, 20],
    ]);
  });
});
