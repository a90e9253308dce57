import {
  Field,
  Float64,
  Int64,
  RecordBatch,
  Schema,
  Struct,
  Table,
  makeData,
  tableFromIPC,
} from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { tableToArrowFile } from './arrow.ts';

/** A table of one Float64 and one Int64 column whose slots under nulls hold `junk`. */
function withJunk(junk: number): Table {
  // Rows 1 and 3 are null (bitmap 0b10101 = rows 0, 2, 4 valid).
  const bitmap = Uint8Array.of(0b10101);
  const f = makeData({
    type: new Float64(),
    length: 5,
    nullCount: 2,
    nullBitmap: bitmap,
    data: Float64Array.of(1.5, junk, 2.5, junk + 1, 3.5),
  });
  const i = makeData({
    type: new Int64(),
    length: 5,
    nullCount: 2,
    nullBitmap: bitmap,
    data: BigInt64Array.of(1n, BigInt(junk), 2n, BigInt(junk), 3n),
  });
  const schema = new Schema([
    new Field('x', new Float64(), true),
    new Field('n', new Int64(), true),
  ]);
  const struct = makeData({ type: new Struct(schema.fields), length: 5, children: [f, i] });
  return new Table(schema, [new RecordBatch(schema, struct)]);
}

describe('Arrow output', () => {
  it('gives the same bytes for the same values, whatever lies under the nulls', () => {
    const a = tableToArrowFile(withJunk(111));
    const b = tableToArrowFile(withJunk(987654));
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
    const back = tableFromIPC(a);
    expect(back.getChild('x')?.toJSON()).toEqual([1.5, null, 2.5, null, 3.5]);
    expect(back.getChild('n')?.toJSON()).toEqual([1n, null, 2n, null, 3n]);
  });

  it('zeroes the right slots of a sliced column (offset into the validity bitmap)', () => {
    const t = withJunk(42);
    const sliced = t.slice(1, 5); // rows 1..4: null, 2.5, null, 3.5
    const back = tableFromIPC(tableToArrowFile(sliced));
    expect(back.getChild('x')?.toJSON()).toEqual([null, 2.5, null, 3.5]);
    const values = back.getChild('x')?.data[0]?.values as Float64Array;
    expect([...values.subarray(0, 4)]).toEqual([0, 2.5, 0, 3.5]);
  });
});
