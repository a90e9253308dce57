/**
 * Arrow helpers of the table operators: batches from columns, all-null columns, row selection and
 * single-chunk columns. Fields (with their metadata) always come from the schema passed in.
 */
import type { Schema } from 'apache-arrow';
import {
  DataType,
  Field,
  Float64,
  Precision,
  RecordBatch,
  Struct,
  Utf8,
  makeData,
  makeVector,
  vectorFromArray,
  type Data,
  type Vector,
} from 'apache-arrow';
import { float64Data, isNumericType, readFloat64Data } from '../columns.ts';

/** A record batch of `schema` from one `Data` per field (all of `length` rows). */
export function batchFromColumns(
  schema: Schema,
  children: readonly Data[],
  length: number,
): RecordBatch {
  const struct = makeData({
    type: new Struct(schema.fields),
    length,
    nullCount: 0,
    children: [...children],
  });
  return new RecordBatch(schema, struct);
}

/** A column of `length` nulls of any type. */
export function nullData(type: DataType, length: number): Data {
  if (type instanceof Float64) return float64Data(new Float64Array(length).fill(NaN));
  return vectorFromArray(new Array<null>(length).fill(null), type).data[0]!;
}

/** One column as a single chunk (DuckDB results arrive in chunks of 2048 rows). */
export function singleData(vector: Vector): Data {
  if (vector.data.length === 1) return vector.data[0] as Data;
  const type = vector.type as DataType;
  if (type instanceof Float64) {
    const values = new Float64Array(vector.length);
    for (let i = 0; i < vector.length; i++) {
      const v: unknown = vector.get(i);
      values[i] = typeof v === 'number' ? v : NaN;
    }
    return float64Data(values);
  }
  return vectorFromArray([...vector] as unknown[], type).data[0]!;
}

/**
 * A Float64 column with NaN and ±Infinity made null (Petroflow's rule: non-finite numbers are
 * missing; DuckDB gives Infinity for 1.0 / 0); any other column, or one without them, as is.
 */
export function finiteFloat64(data: Data): Data {
  // Arrow IPC (DuckDB's results) decodes a double as Float with precision DOUBLE, not Float64.
  const type = data.type;
  if (!DataType.isFloat(type) || type.precision !== Precision.DOUBLE) return data;
  const col = readFloat64Data(data);
  return col.nullCount === data.nullCount ? data : float64Data(col.values);
}

/** The rows of `batch` at `rows` (ascending or not), keeping the schema and its metadata. */
export function takeRows(batch: RecordBatch, rows: readonly number[]): RecordBatch {
  if (rows.length > 0) {
    const first = rows[0]!;
    const contiguous = rows.every((r, k) => r === first + k);
    if (contiguous) return batch.slice(first, first + rows.length);
  }
  const children = batch.schema.fields.map((f, c) => {
    const col = batch.getChildAt(c)!;
    if (f.type instanceof Float64) {
      const src = readFloat64Data(col.data[0] as Data);
      return float64Data(Float64Array.from(rows, (r) => src.values[r]!));
    }
    return vectorFromArray(
      rows.map((r) => col.get(r) as unknown),
      f.type as DataType,
    ).data[0]!;
  });
  return batchFromColumns(batch.schema, children, rows.length);
}

/**
 * Converts a column to `target`: same type as is; numbers to Float64; anything to Utf8 as text.
 * Used when stacking files whose columns of one name have different types.
 */
export function convertData(data: Data, target: DataType): Data {
  const type = data.type;
  if (sameType(type, target)) return data;
  if (target instanceof Float64 && isNumericType(type)) {
    return float64Data(readFloat64Data(data).values);
  }
  if (target instanceof Utf8) {
    const vec = makeVector(data);
    const texts: (string | null)[] = [];
    for (let i = 0; i < data.length; i++) {
      const v: unknown = vec.get(i);
      texts.push(v === null || v === undefined ? null : textOf(v, type));
    }
    return vectorFromArray(texts, new Utf8()).data[0]!;
  }
  return nullData(target, data.length);
}

/**
 * A value as text the way DuckDB casts it to VARCHAR: dates as 2020-01-02 and timestamps as
 * 2020-01-02 03:04:05.006 (Arrow hands both over as epoch milliseconds), the rest as written.
 */
function textOf(v: unknown, type: DataType): string {
  if (typeof v === 'string') return v;
  const ms = v instanceof Date ? v.getTime() : v;
  if ((DataType.isDate(type) || DataType.isTimestamp(type)) && typeof ms === 'number') {
    const iso = new Date(ms).toISOString();
    if (DataType.isDate(type)) return iso.slice(0, 10);
    return iso.slice(0, 19).replace('T', ' ') + (ms % 1000 === 0 ? '' : iso.slice(19, 23));
  }
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v) ?? '';
}

/** A field like `f` but nullable (a stacked file may lack the column). */
export function nullable(f: Field): Field {
  return f.nullable ? f : new Field(f.name, f.type, true, f.metadata);
}

/** True when two Arrow types are the same (by their full description, e.g. `Timestamp<SECOND>`). */
export function sameType(a: DataType, b: DataType): boolean {
  return typeName(a) === typeName(b);
}

/** An Arrow type's description, e.g. `Float64`, `Utf8`, `Timestamp<SECOND>` (for messages too). */
export function typeName(t: DataType): string {
  return (t as { toString(): string }).toString();
}
