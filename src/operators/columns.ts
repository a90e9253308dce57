/**
 * Numeric column helpers shared by operators: read any Arrow numeric column as a Float64Array plus
 * validity (no row objects, so a million samples take milliseconds), and build batches with Float64
 * columns added or replaced, carrying `unit`/`description` field metadata.
 */
import {
  DataType,
  Field,
  Float64,
  Precision,
  RecordBatch,
  Schema,
  Struct,
  Type,
  makeData,
  type Data,
  type Table,
} from 'apache-arrow';
import { petroflowError, type PetroflowError } from '../model/errors.ts';
import { err, ok, type Result } from '../model/result.ts';

/** A numeric column read as doubles: `values[i]` is NaN wherever `valid[i]` is 0. */
export interface NumericColumn {
  readonly values: Float64Array;
  /** 1 where the row holds a finite number, 0 for a null, NaN or infinite value. */
  readonly valid: Uint8Array;
  readonly nullCount: number;
}

/** True for the Arrow types whose values read as numbers (integers, floats, decimals). */
export function isNumericType(type: DataType): boolean {
  return DataType.isInt(type) || DataType.isFloat(type) || DataType.isDecimal(type);
}

/** Converts one little-endian two's-complement decimal (`stride` words of 32 bits) to a number. */
function decimalAt(words: Uint32Array, i: number, stride: number, scale: number): number {
  let big = 0n;
  for (let w = stride - 1; w >= 0; w--) big = (big << 32n) | BigInt(words[i * stride + w] ?? 0);
  const bits = BigInt(stride * 32);
  if (big >> (bits - 1n) === 1n) big -= 1n << bits;
  return Number(big) / 10 ** scale;
}

/** Decodes an IEEE 754 half-precision value from its 16 bits. */
function halfToNumber(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exp = (bits >> 10) & 0x1f;
  const frac = bits & 0x3ff;
  if (exp === 0) return sign * 2 ** -14 * (frac / 1024);
  if (exp === 31) return frac ? NaN : sign * Infinity;
  return sign * 2 ** (exp - 15) * (1 + frac / 1024);
}

/** Value reader for one chunk by Arrow type (Arrow has already sliced `values` to the chunk). */
function rawReader(data: Data): (i: number) => number {
  const { type } = data;
  if (DataType.isDecimal(type)) {
    const words = data.values as Uint32Array;
    const stride = type.bitWidth / 32;
    return (i) => decimalAt(words, i, stride, type.scale);
  }
  if (DataType.isBool(type)) {
    const bytes = data.values as Uint8Array;
    const offset = data.offset;
    return (i) => ((bytes[(offset + i) >> 3] ?? 0) >> ((offset + i) & 7)) & 1;
  }
  if (DataType.isFloat(type) && type.precision === Precision.HALF) {
    const halves = data.values as Uint16Array;
    return (i) => halfToNumber(halves[i] ?? 0);
  }
  if (DataType.isInt(type) || DataType.isFloat(type)) {
    const values = data.values as ArrayLike<number | bigint>;
    return (i) => Number(values[i]);
  }
  return () => NaN;
}

/**
 * Reads one chunk of a numeric (or boolean, as 0/1) column. Nulls and non-finite values (NaN,
 * ±Infinity) become NaN with validity 0, so formulas treat them all as missing.
 */
export function readFloat64Data(data: Data): NumericColumn {
  const n = data.length;
  const values = new Float64Array(n);
  const valid = new Uint8Array(n);
  const type = data.type;
  if (DataType.isFloat(type) && type.precision !== Precision.HALF) {
    const src = data.values as Float64Array | Float32Array;
    for (let i = 0; i < n; i++) values[i] = src[i] ?? NaN;
  } else {
    const read = rawReader(data);
    for (let i = 0; i < n; i++) values[i] = read(i);
  }
  const bitmap = data.nullCount > 0 ? data.nullBitmap : undefined;
  const offset = data.offset;
  let nulls = 0;
  for (let i = 0; i < n; i++) {
    const present =
      bitmap === undefined || ((bitmap[(offset + i) >> 3] ?? 0) & (1 << ((offset + i) & 7))) !== 0;
    if (present && Number.isFinite(values[i])) {
      valid[i] = 1;
    } else {
      values[i] = NaN;
      nulls++;
    }
  }
  return { values, valid, nullCount: nulls };
}

/** Reads column `index` (a position or name) of a batch as doubles; see `readFloat64Data`. */
export function readFloat64(batch: RecordBatch, column: number | string): NumericColumn {
  const i =
    typeof column === 'number' ? column : batch.schema.fields.findIndex((f) => f.name === column);
  const data = batch.data.children[i];
  if (data === undefined) throw new Error(`Column ${String(column)} is not in the batch.`);
  return readFloat64Data(data);
}

/** Reads a column of a whole table (all batches, concatenated) as doubles. */
export function readTableFloat64(table: Table, name: string): NumericColumn {
  const values = new Float64Array(table.numRows);
  const valid = new Uint8Array(table.numRows);
  let at = 0;
  let nullCount = 0;
  for (const batch of table.batches) {
    const part = readFloat64(batch, name);
    values.set(part.values, at);
    valid.set(part.valid, at);
    at += part.values.length;
    nullCount += part.nullCount;
  }
  return { values, valid, nullCount };
}

/** Arrow Float64 data from doubles: every non-finite value (NaN, ±Infinity) becomes a null. */
export function float64Data(values: Float64Array): Data<Float64> {
  const n = values.length;
  const bitmap = new Uint8Array((n + 7) >> 3);
  let nulls = 0;
  for (let i = 0; i < n; i++) {
    if (Number.isFinite(values[i])) bitmap[i >> 3]! |= 1 << (i & 7);
    else {
      values[i] = 0;
      nulls++;
    }
  }
  return makeData({
    type: new Float64(),
    length: n,
    nullCount: nulls,
    data: values,
    ...(nulls > 0 ? { nullBitmap: bitmap } : {}),
  });
}

/** A nullable Float64 field with Petroflow's `unit` and `description` metadata. */
export function float64Field(name: string, unit: string, description: string): Field<Float64> {
  return new Field(
    name,
    new Float64(),
    true,
    new Map([
      ['unit', unit],
      ['description', description],
    ]),
  );
}

/** `schema` with each field replaced in place when its name exists, else appended (in order). */
export function withFields(schema: Schema, fields: readonly Field[]): Schema {
  const out = [...schema.fields];
  for (const f of fields) {
    const at = out.findIndex((o) => o.name === f.name);
    if (at >= 0) out[at] = f;
    else out.push(f);
  }
  return new Schema(out, schema.metadata);
}

/**
 * A batch of `schema` (made by `withFields` from the batch's schema and the same fields) whose
 * columns are the batch's columns with `columns` (keyed by field name) added or replaced.
 */
export function withColumns(
  batch: RecordBatch,
  schema: Schema,
  columns: ReadonlyMap<string, Data>,
): RecordBatch {
  const children = schema.fields.map((f) => {
    const added = columns.get(f.name);
    if (added) return added;
    const i = batch.schema.fields.findIndex((b) => b.name === f.name);
    const data = batch.data.children[i];
    if (data === undefined) throw new Error(`Column ${f.name} is missing from the batch.`);
    return data;
  });
  const struct = makeData({
    type: new Struct(schema.fields),
    length: batch.numRows,
    nullCount: 0,
    children,
  });
  return new RecordBatch(schema, struct);
}

/** Text, plain or dictionary-encoded (DuckDB and Arrow files may give either for the same column). */
function isTextType(t: DataType): boolean {
  const v = DataType.isDictionary(t) ? (t.dictionary as DataType) : t;
  return v.typeId === Type.Utf8 || v.typeId === Type.LargeUtf8;
}

/**
 * Checks that parameter `param` names a numeric column of `schema`; the error names the parameter
 * and lists the available columns, so the user can pick the right one.
 */
export function numericColumnIndex(
  schema: Schema,
  param: string,
  name: string,
  where: Omit<PetroflowError, 'code' | 'message' | 'field'> = {},
): Result<number, PetroflowError> {
  const at = schema.fields.findIndex((f) => f.name === name);
  const available = schema.fields.map((f) => f.name).join(', ') || '(none)';
  if (at < 0) {
    return err(
      petroflowError(
        'BAD_PARAMS',
        `Parameter "${param}": column "${name}" is not in the input. Available columns: ${available}. Choose one of them.`,
        { ...where, field: `params.${param}` },
      ),
    );
  }
  const field = schema.fields[at]!;
  if (!isNumericType(field.type as DataType)) {
    const numeric = schema.fields.filter((f) => isNumericType(f.type as DataType));
    const choose = numeric.length
      ? `Choose a numeric column among: ${numeric.map((f) => f.name).join(', ')}.`
      : 'The input has no numeric column.';
    const hint = isTextType(field.type as DataType)
      ? ' Numbers read as text in a CSV usually come from one of: decimal commas (1000,5): set the CSV source\'s "Decimal separator" to "," (source.csv 1.1.0); thousands separators (12,345.5): remove them before adding the file; a units row under the header, or marks such as N/A or - for missing values: remove them from the file. The source\'s warnings name the case and the first row holding it.'
      : '';
    return err(
      petroflowError(
        'BAD_PARAMS',
        `Parameter "${param}": column "${name}" holds ${String(field.type)} values, not numbers. ${choose}${hint}`,
        { ...where, field: `params.${param}` },
      ),
    );
  }
  return ok(at);
}
