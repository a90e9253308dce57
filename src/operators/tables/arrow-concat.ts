/**
 * Joins Arrow columns and batches into single chunks. DuckDB hands results over in chunks of 2048
 * rows; every per-batch step downstream (an expression's DuckDB round trip, an IPC message, a
 * channel hop) has a fixed cost, so batches are joined into large ones first. Fixed-width,
 * boolean, Utf8/Binary and struct columns are copied buffer by buffer; other types (lists,
 * dictionaries, 64-bit offsets) go through Arrow's builders, value by value.
 */
import type { RecordBatch } from 'apache-arrow';
import { DataType, Vector, makeData, vectorFromArray, type Data, type Schema } from 'apache-arrow';
import { batchFromColumns } from './arrow-util.ts';

/** Limits of one joined batch: it closes once it holds `rows` rows or `bytes` bytes. */
export interface BatchLimits {
  readonly rows: number;
  readonly bytes: number;
}

/** The default batch size of DuckDB results: about 16 MB, at most a million rows. */
export const DEFAULT_BATCH_LIMITS: BatchLimits = { rows: 1 << 20, bytes: 16 << 20 };

/** The typed arrays Arrow keeps values in. */
type Typed =
  | Int8Array
  | Int16Array
  | Int32Array
  | Uint8Array
  | Uint16Array
  | Uint32Array
  | Float32Array
  | Float64Array
  | BigInt64Array
  | BigUint64Array;
type TypedCtor = new (length: number) => Typed;

/** The values buffer of `d` (Data's own type is `any` without a type parameter). */
function valuesOf(d: Data): Typed {
  return d.values as Typed;
}

/** The 32-bit value offsets of a Utf8/Binary `d`. */
function offsetsOf(d: Data): Int32Array {
  return d.valueOffsets as Int32Array;
}

function isFixedWidth(t: DataType): boolean {
  return (
    DataType.isInt(t) ||
    DataType.isFloat(t) ||
    DataType.isDate(t) ||
    DataType.isTimestamp(t) ||
    DataType.isTime(t) ||
    DataType.isDecimal(t) ||
    DataType.isDuration(t) ||
    DataType.isInterval(t) ||
    DataType.isFixedSizeBinary(t)
  );
}

/** Copies `length` bits of `src` from bit `from` to `dst` at bit `to`. */
function copyBits(
  dst: Uint8Array,
  to: number,
  src: Uint8Array,
  from: number,
  length: number,
): void {
  let i = 0;
  if ((to & 7) === 0 && (from & 7) === 0) {
    const whole = length >> 3;
    dst.set(src.subarray(from >> 3, (from >> 3) + whole), to >> 3);
    i = whole << 3;
  }
  for (; i < length; i++) {
    const s = from + i;
    const d = to + i;
    if ((src[s >> 3]! >> (s & 7)) & 1) dst[d >> 3]! |= 1 << (d & 7);
  }
}

/** Sets `length` bits of `dst` from bit `to` (a part without nulls). */
function setBits(dst: Uint8Array, to: number, length: number): void {
  let i = 0;
  for (; i < length && ((to + i) & 7) !== 0; i++) dst[(to + i) >> 3]! |= 1 << ((to + i) & 7);
  const bytes = (length - i) >> 3;
  dst.fill(255, (to + i) >> 3, ((to + i) >> 3) + bytes);
  for (i += bytes << 3; i < length; i++) dst[(to + i) >> 3]! |= 1 << ((to + i) & 7);
}

function validity(parts: readonly Data[], total: number): { bitmap?: Uint8Array; nulls: number } {
  const nulls = parts.reduce((n, p) => n + p.nullCount, 0);
  if (nulls === 0) return { nulls };
  const bitmap = new Uint8Array((total + 7) >> 3);
  let at = 0;
  for (const p of parts) {
    if (p.nullCount > 0 && p.nullBitmap) copyBits(bitmap, at, p.nullBitmap, p.offset, p.length);
    else setBits(bitmap, at, p.length);
    at += p.length;
  }
  return { bitmap, nulls };
}

function concatFixed(parts: readonly Data[], total: number): Typed {
  const first = valuesOf(parts[0]!);
  const width = parts[0]!.stride * first.BYTES_PER_ELEMENT;
  const out = new (first.constructor as TypedCtor)(total * parts[0]!.stride);
  const bytes = new Uint8Array(out.buffer);
  let at = 0;
  for (const p of parts) {
    const v = valuesOf(p);
    bytes.set(new Uint8Array(v.buffer, v.byteOffset, p.length * width), at);
    at += p.length * width;
  }
  return out;
}

function concatBools(parts: readonly Data[], total: number): Uint8Array {
  const out = new Uint8Array((total + 7) >> 3);
  let at = 0;
  for (const p of parts) {
    copyBits(out, at, valuesOf(p) as Uint8Array, p.offset, p.length);
    at += p.length;
  }
  return out;
}

function concatVariable(parts: readonly Data[], total: number): Data | undefined {
  const sizes = parts.map((p) => offsetsOf(p)[p.length]! - offsetsOf(p)[0]!);
  const bytes = sizes.reduce((a, b) => a + b, 0);
  if (bytes >= 2 ** 31) return undefined;
  const offsets = new Int32Array(total + 1);
  const values = new Uint8Array(bytes);
  let row = 0;
  let at = 0;
  for (const p of parts) {
    const o = offsetsOf(p);
    const base = o[0]!;
    for (let i = 1; i <= p.length; i++) offsets[row + i] = at + o[i]! - base;
    values.set((valuesOf(p) as Uint8Array).subarray(base, o[p.length]), at);
    row += p.length;
    at += o[p.length]! - base;
  }
  const { bitmap, nulls } = validity(parts, total);
  const type: DataType = parts[0]!.type;
  return makeData({
    type,
    length: total,
    nullCount: nulls,
    nullBitmap: bitmap,
    valueOffsets: offsets,
    data: values,
  } as never);
}

/** One `Data` holding the rows of `parts` in order (all of one type). */
export function concatData(parts: readonly Data[]): Data {
  if (parts.length === 1) return parts[0]!;
  const type: DataType = parts[0]!.type;
  const total = parts.reduce((n, p) => n + p.length, 0);
  if (isFixedWidth(type) || DataType.isBool(type)) {
    const values = DataType.isBool(type) ? concatBools(parts, total) : concatFixed(parts, total);
    const { bitmap, nulls } = validity(parts, total);
    return makeData({
      type,
      length: total,
      nullCount: nulls,
      nullBitmap: bitmap,
      data: values,
    } as never);
  }
  if (DataType.isUtf8(type) || DataType.isBinary(type)) {
    const joined = concatVariable(parts, total);
    if (joined) return joined;
  }
  if (DataType.isStruct(type)) {
    const children = type.children.map((_, c) => concatData(parts.map((p) => p.children[c]!)));
    const { bitmap, nulls } = validity(parts, total);
    return makeData({ type, length: total, nullCount: nulls, nullBitmap: bitmap, children });
  }
  const values = Array.from(new Vector([...parts]), plain);
  return vectorFromArray(values, type).data[0]!;
}

/** A value as Arrow's builders take it: nested vectors as arrays, rows as plain objects. */
function plain(v: unknown): unknown {
  if (v instanceof Vector) return Array.from(v, plain);
  if (v !== null && typeof v === 'object' && !(v instanceof Date) && 'toJSON' in v) {
    const json = (v as { toJSON(): unknown }).toJSON();
    if (json !== null && typeof json === 'object')
      return Object.fromEntries(Object.entries(json).map(([k, x]) => [k, plain(x)]));
  }
  return v;
}

function batchBytes(batch: RecordBatch): number {
  return batch.data.children.reduce((n, d) => n + d.byteLength, 0);
}

function joinBatches(schema: Schema, group: readonly RecordBatch[]): RecordBatch {
  if (group.length === 1) return group[0]!;
  const length = group.reduce((n, b) => n + b.numRows, 0);
  const children = schema.fields.map((_, c) => concatData(group.map((b) => b.data.children[c]!)));
  return batchFromColumns(schema, children, length);
}

/**
 * Consecutive batches joined into batches of about `limits` (batches of one schema, e.g. a
 * table's); empty batches are dropped unless every batch is empty.
 */
export function coalesceBatches(
  schema: Schema,
  batches: readonly RecordBatch[],
  limits: BatchLimits = DEFAULT_BATCH_LIMITS,
): RecordBatch[] {
  const out: RecordBatch[] = [];
  let group: RecordBatch[] = [];
  let rows = 0;
  let bytes = 0;
  for (const b of batches) {
    if (b.numRows === 0) continue;
    group.push(b);
    rows += b.numRows;
    bytes += batchBytes(b);
    if (rows >= limits.rows || bytes >= limits.bytes) {
      out.push(joinBatches(schema, group));
      group = [];
      rows = bytes = 0;
    }
  }
  if (group.length > 0) out.push(joinBatches(schema, group));
  return out.length > 0 || batches.length === 0 ? out : [batches[0]!];
}
