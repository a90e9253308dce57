/** Helpers for the blocking operators of this folder: raw values, group keys, sorting, building. */
import type { Field } from 'apache-arrow';
import {
  DataType,
  RecordBatch,
  Schema,
  Struct,
  Table,
  makeData,
  vectorFromArray,
  type Data,
  type Vector,
} from 'apache-arrow';
import { petroflowError, type PetroflowError } from '../../model/errors.ts';
import { err, ok, type Result } from '../../model/result.ts';

/** Every value of a column (null for nulls), as Arrow's getter returns them. */
export function columnValues(table: Table, name: string): unknown[] {
  const vector: Vector | null = table.getChild(name);
  if (!vector) throw new Error(`Column ${name} is not in the table.`);
  const out = new Array<unknown>(vector.length);
  for (let i = 0; i < vector.length; i++) out[i] = vector.get(i) as unknown;
  return out;
}

/** A string that identifies a value (type included), used as a map key for grouping and joins. */
export function valueKey(v: unknown): string {
  if (v === null || v === undefined) return '\u0000null';
  if (typeof v === 'number' || typeof v === 'bigint') return `n:${String(v)}`;
  if (typeof v === 'string') return `s:${v}`;
  return `${typeof v}:${textOf(v)}`;
}

/** Text of any cell value (objects as JSON, bigints as digits). */
function textOf(v: unknown): string {
  switch (typeof v) {
    case 'string':
      return v;
    case 'number':
    case 'bigint':
    case 'boolean':
      return String(v);
    default:
      return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? String(x) : x)) ?? '';
  }
}

/** Orders two values: nulls last, numbers numerically, strings by code unit, others by text. */
export function compareValues(a: unknown, b: unknown): number {
  const an = a === null || a === undefined;
  const bn = b === null || b === undefined;
  if (an || bn) return an === bn ? 0 : an ? 1 : -1;
  if (
    (typeof a === 'number' || typeof a === 'bigint') &&
    (typeof b === 'number' || typeof b === 'bigint')
  ) {
    return a < b ? -1 : a > b ? 1 : 0;
  }
  const sa = textOf(a);
  const sb = textOf(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** The type a gathered copy of a column gets: dictionaries are decoded to their value type. */
export function plainType(type: DataType): DataType {
  return DataType.isDictionary(type) ? (type.dictionary as DataType) : type;
}

/** Arrow data of `values` in `type` (one chunk). */
export function dataOf(values: readonly unknown[], type: DataType): Data {
  const vector = vectorFromArray(values as unknown[], type);
  const data = vector.data[0];
  // One builder call yields one chunk; anything else would be a change in Arrow.
  if (vector.data.length !== 1 || data === undefined) throw new Error('Expected one Arrow chunk.');
  return data;
}

/** One-batch table of `fields` with their column data. */
export function tableOf(fields: readonly Field[], columns: readonly Data[], rows: number): Table {
  const schema = new Schema([...fields]);
  const struct = makeData({
    type: new Struct(schema.fields),
    length: rows,
    nullCount: 0,
    children: [...columns],
  });
  return new Table(schema, [new RecordBatch(schema, struct)]);
}

/** Checks that parameter `param` names a column of `schema` (any type); lists the columns if not. */
export function columnExists(
  schema: Schema,
  param: string,
  name: string,
  where: Omit<PetroflowError, 'code' | 'message' | 'field'>,
  what = 'the input',
): Result<Field, PetroflowError> {
  const field = schema.fields.find((f) => f.name === name);
  if (field) return ok(field);
  const available = schema.fields.map((f) => f.name).join(', ') || '(none)';
  return err(
    petroflowError(
      'BAD_PARAMS',
      `Parameter "${param}": column "${name}" is not in ${what}. Available columns: ${available}. Choose one of them.`,
      { ...where, field: `params.${param}` },
    ),
  );
}
