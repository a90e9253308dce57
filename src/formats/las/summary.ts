/**
 * The `petroflow inspect --json` object (pipeline-format.md section 4): header facts plus, per
 * curve, `count` (values present), `nulls`, and `first`/`last`/`min`/`max` over present values
 * (null when the curve has none; `min`/`max` are null for text curves). Streams the batches.
 */
import type { Data, RecordBatch } from 'apache-arrow';
import type { LasReader } from './reader.ts';
import type { LasDelimiter, LasHeaderItem } from './types.ts';
import { formatLasWarning } from './warnings.ts';

/** Statistics of one curve. */
export interface LasCurveSummary {
  mnemonic: string;
  unit: string;
  description: string;
  count: number;
  nulls: number;
  first: number | string | null;
  last: number | string | null;
  min: number | null;
  max: number | null;
}

/** The `inspect --json` object. */
export interface LasSummary {
  version: number;
  wrapped: boolean;
  delimiter: LasDelimiter;
  nullValue: number | null;
  encoding: string;
  well: LasHeaderItem[];
  params: LasHeaderItem[];
  curves: LasCurveSummary[];
  rows: number;
  warnings: string[];
}

function isValid(d: Data, i: number): boolean {
  const bm = d.nullBitmap;
  if (!bm || d.nullCount === 0) return true;
  const j = d.offset + i;
  return (bm[j >> 3]! & (1 << (j & 7))) !== 0;
}

function addNumbers(d: Data, nums: Float64Array, s: LasCurveSummary): void {
  for (let i = 0; i < d.length; i++) {
    if (!isValid(d, i)) {
      s.nulls++;
      continue;
    }
    const v = nums[d.offset + i]!;
    s.count++;
    if (s.first === null) s.first = v;
    s.last = v;
    if (s.min === null || v < s.min) s.min = v;
    if (s.max === null || v > s.max) s.max = v;
  }
}

function addBatch(batch: RecordBatch, stats: LasCurveSummary[]): void {
  stats.forEach((s, c) => {
    const vector = batch.getChildAt(c);
    if (!vector) return;
    const d: Data | undefined = vector.data[0];
    const values: unknown = d?.values;
    if (d && vector.data.length === 1 && values instanceof Float64Array)
      return addNumbers(d, values, s);
    for (let i = 0; i < vector.length; i++) {
      const v: unknown = vector.get(i);
      if (v === null || v === undefined) {
        s.nulls++;
        continue;
      }
      s.count++;
      const x = typeof v === 'number' ? v : typeof v === 'string' ? v : JSON.stringify(v);
      if (s.first === null) s.first = x;
      s.last = x;
    }
  });
}

/** Reads all batches of `reader` and summarises the file. */
export function summarizeLas(reader: LasReader): LasSummary {
  const { info } = reader;
  const stats: LasCurveSummary[] = info.curves.map((c) => ({
    mnemonic: c.mnemonic,
    unit: c.unit,
    description: c.description,
    count: 0,
    nulls: 0,
    first: null,
    last: null,
    min: null,
    max: null,
  }));
  let rows = 0;
  for (const batch of reader.batches()) {
    rows += batch.numRows;
    addBatch(batch, stats);
  }
  return {
    version: info.version,
    wrapped: info.wrapped,
    delimiter: info.delimiter,
    nullValue: info.nullValue,
    encoding: info.encoding,
    well: [...info.well],
    params: [...info.params],
    curves: stats,
    rows,
    warnings: reader.warnings.map(formatLasWarning),
  };
}
