import {
  Bool,
  Field,
  Float64,
  Int32,
  List,
  Schema,
  Struct,
  Utf8,
  makeVector,
  vectorFromArray,
  type DataType,
} from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { coalesceBatches, concatData } from './arrow-concat.ts';
import { batchFromColumns } from './arrow-util.ts';

function data(values: unknown[], type: DataType) {
  return vectorFromArray(values, type).data[0]!;
}

/** Values of joined data, read back through Arrow. */
function read(parts: Parameters<typeof concatData>[0]): unknown[] {
  return [...makeVector(concatData(parts))].map((v: unknown) =>
    v !== null && typeof v === 'object' && 'toJSON' in v
      ? (v as { toJSON(): unknown }).toJSON()
      : v,
  );
}

describe('concatData', () => {
  it('joins numbers with nulls, also from slices at odd offsets', () => {
    // Data.slice(offset, length): rows 3..7.
    const a = data([1, null, 3, 4, 5, null, 7, 8, 9, 10], new Float64()).slice(3, 5);
    const b = data([null, 12, 13], new Float64());
    const c = data([20, 21, 22, 23, 24, 25, 26, 27, 28], new Float64());
    expect(read([a, b, c])).toEqual([
      4,
      5,
      null,
      7,
      8,
      null,
      12,
      13,
      ...[20, 21, 22, 23, 24, 25, 26, 27, 28],
    ]);
    expect(concatData([a, b, c]).nullCount).toBe(2);
    const i = [data([1, 2], new Int32()), data([null, 4], new Int32())];
    expect(read(i)).toEqual([1, 2, null, 4]);
  });

  it('joins text, booleans and structs buffer by buffer', () => {
    const s = data(['alpha', null, 'ß', 'delta'], new Utf8()).slice(1, 3);
    expect(read([s, data(['e', 'ff'], new Utf8())])).toEqual([null, 'ß', 'delta', 'e', 'ff']);
    const bits = data([true, false, true, true, false, null, true], new Bool()).slice(2, 5);
    expect(read([bits, data([false, true], new Bool())])).toEqual([
      true,
      true,
      false,
      null,
      true,
      false,
      true,
    ]);
    const type = new Struct([
      new Field('x', new Float64(), true),
      new Field('y', new Utf8(), true),
    ]);
    const st = [data([{ x: 1, y: 'a' }, null], type), data([{ x: 3, y: null }], type)];
    expect(JSON.parse(JSON.stringify(read(st)))).toEqual([
      { x: 1, y: 'a' },
      null,
      { x: 3, y: null },
    ]);
  });

  it('joins other types through Arrow builders', () => {
    const type = new List(new Field('item', new Float64(), true));
    expect(
      read([data([[1, 2]], type), data([[3], null], type)]).map((v) => v && [...(v as number[])]),
    ).toEqual([[1, 2], [3], null]);
  });
});

describe('coalesceBatches', () => {
  const schema = new Schema([new Field('v', new Float64(), true)]);
  const batch = (from: number, n: number) =>
    batchFromColumns(
      schema,
      [
        data(
          Array.from({ length: n }, (_, i) => from + i),
          new Float64(),
        ),
      ],
      n,
    );

  it('joins consecutive batches up to the row limit, keeping order and dropping empty ones', () => {
    const parts = [batch(0, 3), batch(3, 0), batch(3, 3), batch(6, 3), batch(9, 1)];
    const out = coalesceBatches(schema, parts, { rows: 5, bytes: Infinity });
    expect(out.map((b) => b.numRows)).toEqual([6, 4]);
    expect(out.flatMap((b): unknown[] => Array.from(b.getChildAt(0)!))).toEqual(
      Array.from({ length: 10 }, (_, i) => i),
    );
  });

  it('closes a batch at the byte limit and keeps one empty batch when all are empty', () => {
    const one = batch(0, 4).data.children[0]!.byteLength;
    const limits = { rows: Infinity, bytes: one * 1.5 };
    const out = coalesceBatches(schema, [batch(0, 4), batch(4, 4), batch(8, 4)], limits);
    expect(out.map((b) => b.numRows)).toEqual([8, 4]);
    expect(coalesceBatches(schema, [batch(0, 0)]).map((b) => b.numRows)).toEqual([0]);
  });
});
