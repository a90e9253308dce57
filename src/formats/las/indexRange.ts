/**
 * STRT/STOP/STEP of the rows a table holds, for the LAS writer: a table read from a file and then
 * filtered or resampled no longer spans the file's STRT..STOP, and a header that says otherwise
 * misleads every reader of the written file (lasio's writer recomputes them from the index too).
 */
import type { DataType, Vector } from 'apache-arrow';
import { numberReader } from './cells.ts';

/** First and last index value and the uniform step (0 when the spacing varies, as LAS 2.0 says). */
export interface IndexRange {
  readonly first: number | string;
  readonly last: number | string;
  readonly step: number | string;
}

/** The range of `index` (a numeric column, Decimal and Int64 too); empty strings where it has no numbers. */
export function indexRange(index: Vector | null): IndexRange {
  const n = index?.length ?? 0;
  const read = index ? numberReader(index.type as DataType) : () => null;
  const num = (i: number): number | string => read(index?.get(i)) ?? '';
  const first = n > 0 ? num(0) : '';
  const last = n > 0 ? num(n - 1) : '';
  let step: number | string = n > 0 ? 0 : '';
  if (n > 1 && typeof first === 'number' && typeof last === 'number') {
    const s = (last - first) / (n - 1);
    let uniform = true;
    for (let i = 1; i < n && uniform; i++) {
      const a = num(i - 1);
      const b = num(i);
      if (typeof a !== 'number' || typeof b !== 'number') uniform = false;
      else uniform = Math.abs(b - a - s) <= 1e-9 * Math.max(1, Math.abs(s));
    }
    step = uniform ? Number(s.toPrecision(12)) : 0;
  }
  return { first, last, step };
}
