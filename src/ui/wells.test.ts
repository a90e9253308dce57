import { describe, expect, it } from 'vitest';
import { Float64, Table, Utf8, vectorFromArray, tableFromArrays } from 'apache-arrow';
import {
  columnFacts,
  numericColumn,
  rowsIn,
  valueRange,
  wellColumn,
  wellRows,
} from './tableData.ts';

/** A table stacked from per-well batches, as source.las gives for several files. */
function stacked(parts: readonly { well: (string | null)[]; dept: number[] }[]): Table {
  const tables = parts.map(
    (p) =>
      new Table({
        DEPT: vectorFromArray(p.dept, new Float64()),
        GR: vectorFromArray(
          p.dept.map((d) => d / 10),
          new Float64(),
        ),
        WELL: vectorFromArray(p.well, new Utf8()),
      }),
  );
  const [first, ...rest] = tables;
  return first!.concat(...rest);
}

describe('rows of each well', () => {
  const t = stacked([
    { well: ['W-1', 'W-1', 'W-1'], dept: [1000, 1000.5, 1001] },
    { well: ['W-2', 'W-2'], dept: [2000, 2000.5] },
    { well: ['W-3', 'W-3', 'W-3', 'W-3'], dept: [1500, 1499.5, 1499, 1498.5] },
  ]);

  it('lists wells in order of appearance with their row ranges across batches', () => {
    expect(t.batches.length).toBe(3);
    expect([...wellRows(t)]).toEqual([
      ['W-1', [[0, 3]]],
      ['W-2', [[3, 5]]],
      ['W-3', [[5, 9]]],
    ]);
  });

  it("narrows the table to one well's rows and depth range", () => {
    const w2 = rowsIn(t, wellRows(t).get('W-2'));
    expect(w2.numRows).toBe(2);
    expect([...numericColumn(w2, 'DEPT')]).toEqual([2000, 2000.5]);
    expect([...numericColumn(w2, 'GR')]).toEqual([200, 200.05]);
    expect(valueRange(numericColumn(w2, 'DEPT'))).toEqual([2000, 2000.5]);
    const w3 = rowsIn(t, wellRows(t).get('W-3'));
    expect([...numericColumn(w3, 'DEPT')]).toEqual([1500, 1499.5, 1499, 1498.5]);
    expect(valueRange(numericColumn(w3, 'DEPT'))).toEqual([1498.5, 1500]);
    expect(rowsIn(t, undefined)).toBe(t);
    expect(rowsIn(t, []).numRows).toBe(0);
  });

  it('joins interleaved runs of one well and leaves rows without a well out', () => {
    const mixed = stacked([
      { well: ['A', 'A', 'B'], dept: [1, 2, 10] },
      { well: ['B', null, 'A'], dept: [11, 99, 3] },
    ]);
    const rows = wellRows(mixed);
    expect([...rows]).toEqual([
      [
        'A',
        [
          [0, 2],
          [5, 6],
        ],
      ],
      ['B', [[2, 4]]],
    ]);
    expect([...numericColumn(rowsIn(mixed, rows.get('A')), 'DEPT')]).toEqual([1, 2, 3]);
    expect([...numericColumn(rowsIn(mixed, rows.get('B')), 'DEPT')]).toEqual([10, 11]);
  });

  it('finds no wells without a text WELL column', () => {
    const plain = tableFromArrays({
      DEPT: Float64Array.from([1, 2]),
      WELL: Float64Array.from([1, 2]),
    });
    expect(wellColumn(columnFacts(plain))).toBeUndefined();
    expect(wellRows(plain).size).toBe(0);
    expect(valueRange(Float64Array.from([NaN, Infinity]))).toBeUndefined();
  });
});
