/**
 * Wrapped data (WRAP. YES) read as lasio reads it: every value of the section in one stream,
 * reshaped into records of the curve count, so a record may end inside a line and the next one
 * start on the same line. A value count that does not divide is warned at the last record's line.
 */
import { describe, expect, it } from 'vitest';
import { openLas } from './reader.ts';
import { col, lasText, readOk } from './testUtil.ts';

const version = [' VERS. 2.0 :', ' WRAP. YES : MULTIPLE LINES PER DEPTH'];
const curves = [' DEPT.M :', ' A. :', ' B. :', ' C. :'];

describe('wrapped records that end inside a line', () => {
  // lasio: np.reshape(all values, (-1, 4)) -> [100 1 2 3] [101 4 5 6] [102 7 8 9].
  const data = ['100 1 2', '3 101 4', '5 6 102', '7 8 9'];

  it('the values after the record end start the next record', () => {
    const r = readOk(lasText(curves, data, { version }));
    expect(col(r.table, 'DEPT')).toEqual([100, 101, 102]);
    expect(col(r.table, 'A')).toEqual([1, 4, 7]);
    expect(col(r.table, 'B')).toEqual([2, 5, 8]);
    expect(col(r.table, 'C')).toEqual([3, 6, 9]);
    expect(r.messages).toEqual([]);
  });

  it.each([1, 2, 3])('whatever the batch size (%i rows: batches end inside lines)', (size) => {
    const r = readOk(lasText(curves, data, { version }), 'w.las', size);
    expect(col(r.table, 'DEPT')).toEqual([100, 101, 102]);
    expect(col(r.table, 'C')).toEqual([3, 6, 9]);
    expect(r.messages).toEqual([]);
  });

  it('all records on one line, with a text curve sampled at its place in the record', () => {
    const cs = [' DEPT.M :', ' GR. :', ' LITH. :'];
    const r = readOk(lasText(cs, ['100 45 SAND 101 50 SHALE 102 55 LIME'], { version }));
    expect(r.info.curves.map((c) => c.kind)).toEqual(['number', 'number', 'text']);
    expect(col(r.table, 'DEPT')).toEqual([100, 101, 102]);
    expect(col(r.table, 'LITH')).toEqual(['SAND', 'SHALE', 'LIME']);
    expect(r.messages).toEqual([]);
  });

  it('records crossing lines are sampled in the stream (GR was sampled as text)', () => {
    const cs = [' DEPT.M :', ' GR. :', ' LITH. :'];
    const lines = ['100 45 SAND 101', '50 SHALE', '102 55 LIME 103', '60 CLAY'];
    const r = readOk(lasText(cs, lines, { version }));
    expect(r.info.curves.map((c) => c.kind)).toEqual(['number', 'number', 'text']);
    expect(col(r.table, 'GR')).toEqual([45, 50, 55, 60]);
    expect(col(r.table, 'LITH')).toEqual(['SAND', 'SHALE', 'LIME', 'CLAY']);
    expect(r.messages).toEqual([]);
  });

  it('a value count that does not divide: the last record padded, warned at its line', () => {
    const r = readOk(lasText(curves, ['100 1 2', '3 101 4', '5 6 102', '7'], { version }));
    expect(col(r.table, 'DEPT')).toEqual([100, 101, 102]);
    expect(col(r.table, 'A')).toEqual([1, 4, 7]);
    expect(col(r.table, 'B')).toEqual([2, 5, null]);
    // The third record starts on the 3rd data line (~A is line 15 of lasText's file).
    expect(r.messages).toEqual([
      'line 18: the wrapped data holds 10 values, not a multiple of the 4 curves: the last record (from this line) has 2; its missing values read as null (check WRAP and the ~Curve section)',
    ]);
  });
});

describe('a long line of wrapped records read in small batches', () => {
  /** Milliseconds to read `records` records of DEPT and A, all on one line, 2 rows a batch. */
  const time = (records: number): number => {
    const line = Array.from({ length: records }, (_, i) => `${i} 1`).join(' ');
    const bytes = new TextEncoder().encode(lasText([' DEPT.M :', ' A. :'], [line], { version }));
    const t0 = performance.now();
    const r = openLas(bytes, { fileName: 'long.las', batchSize: 2 });
    let rows = 0;
    if (r.ok) for (const batch of r.value.batches()) rows += batch.numRows;
    expect(rows).toBe(records);
    return performance.now() - t0;
  };

  it('is tokenized once, not once per batch (10x the records, about 10x the time)', () => {
    time(1000); // warm up
    const small = Math.max(5, Math.min(time(3000), time(3000)));
    const large = time(30_000);
    // Tokenizing the line again for each batch made this about 35x (and 38 s), here 3x.
    expect(large / small, `${small.toFixed(1)} ms vs ${large.toFixed(1)} ms`).toBeLessThan(20);
  });
});
