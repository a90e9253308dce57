/** Test helpers for operator tests: batches from plain arrays, a run context, and result reading. */
import {
  Field,
  Float64,
  RecordBatch,
  Schema,
  Table,
  Utf8,
  makeData,
  Struct,
  vectorFromArray,
  type DataType,
} from 'apache-arrow';
import type { RowwiseOperator, RunContext } from '../types.ts';

/** A column for `batchOf`: numbers (null = null), or strings as Utf8. */
export type TestColumn = readonly (number | null)[] | readonly (string | null)[];

/**
 * A RecordBatch from named arrays; numbers become Float64, strings Utf8, unless `types` names the
 * column's Arrow type (e.g. Float32, as a Parquet FLOAT column reads); metadata optional.
 */
export function batchOf(
  columns: Readonly<Record<string, TestColumn>>,
  metadata: Readonly<Record<string, Readonly<Record<string, string>>>> = {},
  types: Readonly<Record<string, DataType>> = {},
): RecordBatch {
  const entries = Object.entries(columns);
  const fields: Field[] = [];
  const children = entries.map(([name, values]) => {
    const isText = values.some((v) => typeof v === 'string');
    const type: DataType = types[name] ?? (isText ? new Utf8() : new Float64());
    fields.push(new Field(name, type, true, new Map(Object.entries(metadata[name] ?? {}))));
    const data = vectorFromArray(values as unknown[], type).data[0];
    if (!data) throw new Error('no data');
    return data;
  });
  const schema = new Schema(fields);
  const length = entries[0]?.[1].length ?? 0;
  return new RecordBatch(
    schema,
    makeData({ type: new Struct(fields), length, nullCount: 0, children }),
  );
}

/** A table of one batch made by `batchOf`. */
export function tableOf(columns: Readonly<Record<string, TestColumn>>): Table {
  const batch = batchOf(columns);
  return new Table(batch.schema, [batch]);
}

/** A run context for in-process operator tests; warnings are collected in `warnings`. */
export function testContext(): RunContext & { warnings: string[] } {
  const warnings: string[] = [];
  return {
    nodeId: 'test',
    signal: new AbortController().signal,
    files: { match: () => [], read: () => Promise.reject(new Error('no files in this test')) },
    sql: {
      query: () => Promise.reject(new Error('no SQL in this test')),
      readCsv: () => Promise.reject(new Error('no SQL in this test')),
    },
    progress: () => undefined,
    warn: (m) => void warnings.push(m),
    warnings,
  };
}

/** Values of a column (null for nulls). */
export function valuesOf(batch: RecordBatch | Table, name: string): unknown[] {
  const v = batch.getChild(name);
  if (!v) throw new Error(`no column ${name}`);
  return Array.from({ length: v.length }, (_, i) => v.get(i) as unknown);
}

/** Runs a row-wise operator over one batch; throws with the error message when bind fails. */
export async function runRowwise<P>(
  op: RowwiseOperator<P>,
  batch: RecordBatch,
  params: P,
): Promise<RecordBatch> {
  const bound = op.bind(batch.schema, params, testContext());
  if (!bound.ok) throw new Error(bound.error.message);
  return await bound.value(batch);
}

/** Asserts each value equals the expected number to 1e-9 relative (or is null when expected null). */
export function expectClose(
  actual: readonly unknown[],
  expected: readonly (number | null)[],
): void {
  if (actual.length !== expected.length)
    throw new Error(`length ${actual.length} != ${expected.length}`);
  expected.forEach((e, i) => {
    const a = actual[i];
    if (e === null) {
      if (a !== null) throw new Error(`row ${i}: expected null, got ${JSON.stringify(a)}`);
      return;
    }
    if (typeof a !== 'number') throw new Error(`row ${i}: expected ${e}, got ${JSON.stringify(a)}`);
    const tol = 1e-9 * Math.max(Math.abs(e), 1e-300);
    if (!(Math.abs(a - e) <= tol || a === e)) throw new Error(`row ${i}: expected ${e}, got ${a}`);
  });
}
