/**
 * Missing-value numbers of CSV files (source.csv 1.1.0's `nullValue`): LAS exports write "no value"
 * as a number, usually -999.25, which a CSV reader takes as a value; petrophysics on it is wrong
 * (a GR of -999.25 clamps to VSH 0). Values equal to it become nulls in every numeric column.
 */
import {
  DataType,
  Float64,
  Int64,
  makeData,
  Precision,
  type Data,
  type RecordBatch,
} from 'apache-arrow';
import { batchFromColumns } from './arrow-util.ts';

/** Numbers LAS exports commonly write for "no value" (a warning names them when seen). */
export const USUAL_NULLS: readonly number[] = [-999.25, -9999];

/** Whether `data` holds doubles (read from IPC, its type is a Float, not a Float64). */
function isDouble(data: Data): boolean {
  const t = data.type;
  return DataType.isFloat(t) && t.precision === Precision.DOUBLE;
}

/** Whether `data` holds signed 64-bit integers. */
function isBigInt(data: Data): boolean {
  const t = data.type;
  return DataType.isInt(t) && t.bitWidth === 64 && t.isSigned;
}

/**
 * Whether the value at `i` of a column of CSV numbers (DuckDB gives DOUBLE and BIGINT) equals
 * `missing`; undefined for other columns.
 */
function matcher(data: Data, missing: number): ((i: number) => boolean) | undefined {
  if (isDouble(data)) {
    const v = (data as Data<Float64>).values;
    return (i) => v[i] === missing;
  }
  if (isBigInt(data)) {
    const v = (data as Data<Int64>).values;
    if (!Number.isInteger(missing)) return () => false;
    const m = BigInt(missing);
    return (i) => v[i] === m;
  }
  return undefined;
}

/** `data` with the values equal to `missing` made null (the same data when there are none). */
function withoutMissing(data: Data, missing: number): Data {
  const equal = matcher(data, missing);
  if (!equal) return data;
  const n = data.length;
  const bitmap = new Uint8Array((n + 7) >> 3);
  let nulls = 0;
  for (let i = 0; i < n; i++) {
    if (data.getValid(i) && !equal(i)) bitmap[i >> 3]! |= 1 << (i & 7);
    else nulls++;
  }
  if (nulls === data.nullCount) return data;
  const props = { length: n, nullCount: nulls, nullBitmap: bitmap };
  if (isDouble(data)) {
    const values = (data as Data<Float64>).values.subarray(0, n);
    return makeData({ ...props, type: new Float64(), data: values });
  }
  const values = (data as Data<Int64>).values.subarray(0, n);
  return makeData({ ...props, type: new Int64(), data: values });
}

/** `batch` with every numeric value equal to `missing` made null. */
export function nullifyMissing(batch: RecordBatch, missing: number): RecordBatch {
  const before = batch.data.children;
  const after = before.map((d) => withoutMissing(d, missing));
  if (after.every((d, i) => d === before[i])) return batch;
  return batchFromColumns(batch.schema, after, batch.numRows);
}

/** Rows of a batch `usualNullsIn` looks at (a warning needs one sighting, not every row). */
export const LOOKED_AT_ROWS = 10_000;

/**
 * The numeric columns of `batch` holding one of the `USUAL_NULLS` in its first `LOOKED_AT_ROWS`
 * rows, with the first such value, for a warning that suggests `nullValue`.
 */
export function usualNullsIn(batch: RecordBatch): { column: string; value: number }[] {
  const found: { column: string; value: number }[] = [];
  const rows = Math.min(batch.numRows, LOOKED_AT_ROWS);
  batch.schema.fields.forEach((f, c) => {
    const data = batch.data.children[c];
    if (!data) return;
    const tests = USUAL_NULLS.flatMap((value) => {
      const equal = matcher(data, value);
      return equal ? [{ value, equal }] : [];
    });
    for (let i = 0; i < rows && tests.length > 0; i++) {
      const hit = tests.find((t) => t.equal(i));
      if (hit && data.getValid(i)) {
        found.push({ column: f.name, value: hit.value });
        return;
      }
    }
  });
  return found;
}
