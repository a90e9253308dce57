import { describe, expect, it } from 'vitest';
import {
  Bool,
  Decimal,
  Dictionary,
  Field,
  Float16,
  Float32,
  Float64,
  Int32,
  Int64,
  RecordBatch,
  Schema,
  Struct,
  Uint8,
  Utf8,
  makeData,
  vectorFromArray,
  type Data,
  type DataType,
} from 'apache-arrow';
import {
  float64Data,
  float64Field,
  isNumericType,
  numericColumnIndex,
  readFloat64,
  readFloat64Data,
  withColumns,
  withFields,
} from './columns.ts';

const dataOf = (values: unknown[], type: DataType): Data => vectorFromArray(values, type).data[0]!;

function batch(columns: Record<string, Data>, meta: Record<string, string> = {}): RecordBatch {
  const fields = Object.entries(columns).map(
    ([n, d]) => new Field(n, d.type, true, new Map(Object.entries(meta))),
  );
  const length = Object.values(columns)[0]?.length ?? 0;
  return new RecordBatch(
    new Schema(fields),
    makeData({ type: new Struct(fields), length, nullCount: 0, children: Object.values(columns) }),
  );
}

describe('readFloat64Data', () => {
  it('reads every numeric type with nulls as NaN and validity 0', () => {
    const cases: [DataType, unknown[], (number | null)[]][] = [
      [new Float64(), [1.5, null, -2], [1.5, null, -2]],
      [new Float32(), [0.25, null, 3], [0.25, null, 3]],
      [new Int32(), [7, null, -4], [7, null, -4]],
      [new Int64(), [7n, null, -9007199254740993n], [7, null, -9007199254740992]],
      [new Uint8(), [255, null, 0], [255, null, 0]],
      [new Float16(), [0.5, null, -2], [0.5, null, -2]],
      [new Bool(), [true, null, false], [1, null, 0]],
    ];
    for (const [type, input, expected] of cases) {
      const col = readFloat64Data(dataOf(input, type));
      expect(
        [...col.values].map((v, i) => (col.valid[i] ? v : null)),
        type.constructor.name,
      ).toEqual(expected);
      expect(Number.isNaN(col.values[1])).toBe(true);
      expect(col.nullCount).toBe(1);
    }
  });

  it('reads 128-bit decimals with their scale, negative values in two’s complement', () => {
    // -1.25 at scale 2 is -125: low word 2^32 - 125, the others all ones; 3.5 is 350.
    const words = new Uint32Array([
      2 ** 32 - 125,
      0xffffffff,
      0xffffffff,
      0xffffffff,
      350,
      0,
      0,
      0,
    ]);
    const data = makeData({ type: new Decimal(2, 10, 128), length: 2, nullCount: 0, data: words });
    expect([...readFloat64Data(data).values]).toEqual([-1.25, 3.5]);
  });

  it('treats NaN and infinities as nulls', () => {
    const col = readFloat64Data(dataOf([Number.NaN, Infinity, -Infinity, 1], new Float64()));
    expect([...col.valid]).toEqual([0, 0, 0, 1]);
    expect(col.nullCount).toBe(3);
  });

  it('honours the offset of a sliced batch (values and null bitmap)', () => {
    const values = Array.from({ length: 20 }, (_, i) => (i % 3 === 0 ? null : i));
    const b = batch({ X: dataOf(values, new Float64()), Y: dataOf(values, new Int32()) }).slice(
      5,
      15,
    );
    for (const name of ['X', 'Y']) {
      const col = readFloat64(b, name);
      expect([...col.values].map((v, i) => (col.valid[i] ? v : null))).toEqual(values.slice(5, 15));
    }
  });
});

describe('building batches', () => {
  it('float64Data turns non-finite values into nulls', () => {
    const d = float64Data(new Float64Array([1, Number.NaN, Infinity, 2]));
    expect(d.nullCount).toBe(2);
    expect([0, 1, 2, 3].map((i) => d.getValid(i))).toEqual([true, false, false, true]);
    expect(float64Data(new Float64Array([1, 2])).nullCount).toBe(0);
  });

  it('withFields replaces a field in place and appends new ones; withColumns keeps other metadata', () => {
    const b = batch(
      { A: dataOf([1, 2], new Float64()), B: dataOf(['x', 'y'], new Utf8()) },
      { unit: 'M' },
    );
    const schema = withFields(b.schema, [
      float64Field('A', 'v/v', 'new A'),
      float64Field('C', 'mD', 'C'),
    ]);
    expect(schema.fields.map((f) => f.name)).toEqual(['A', 'B', 'C']);
    const out = withColumns(
      b,
      schema,
      new Map([
        ['A', float64Data(new Float64Array([9, NaN]))],
        ['C', float64Data(new Float64Array([3, 4]))],
      ]),
    );
    expect(out.getChild('A')?.toArray()).toEqual(new Float64Array([9, 0]));
    expect(out.getChild('A')?.get(1)).toBeNull();
    expect(out.getChild('B')?.get(1)).toBe('y');
    expect(out.schema.fields[0]!.metadata.get('description')).toBe('new A');
    expect(out.schema.fields[1]!.metadata.get('unit')).toBe('M');
    expect(out.schema.fields[2]!.metadata.get('unit')).toBe('mD');
  });

  it('numericColumnIndex names the parameter and lists the columns', () => {
    const b = batch({ A: dataOf([1], new Float64()), B: dataOf(['x'], new Utf8()) });
    expect(numericColumnIndex(b.schema, 'gr', 'A')).toEqual({ ok: true, value: 0 });
    const missing = numericColumnIndex(b.schema, 'gr', 'GR', { nodeId: 'n1' });
    expect(missing.ok === false && missing.error).toMatchObject({
      code: 'BAD_PARAMS',
      field: 'params.gr',
      nodeId: 'n1',
    });
    expect(missing.ok === false && missing.error.message).toContain('Available columns: A, B');
    const text = numericColumnIndex(b.schema, 'gr', 'B');
    expect(text.ok === false && text.error.message).toMatch(/"B" holds Utf8 values, not numbers/);
    // Only numeric columns are offered, with the decimal-comma hint for a text column.
    expect(text.ok === false && text.error.message).toContain('Choose a numeric column among: A.');
    expect(text.ok === false && text.error.message).toContain('"Decimal separator" to ","');
    // ...and the other usual causes, so following the hint cannot misread 12,345.5 as 12.345.
    expect(text.ok === false && text.error.message).toContain('thousands separators (12,345.5)');
    expect(text.ok === false && text.error.message).toContain('a units row under the header');
    const none = batch({ B: dataOf(['x'], new Utf8()) });
    const noNumbers = numericColumnIndex(none.schema, 'gr', 'B');
    expect(noNumbers.ok === false && noNumbers.error.message).toContain('no numeric column');
    expect(isNumericType(new Utf8())).toBe(false);
    expect(isNumericType(new Decimal(2, 10, 128))).toBe(true);
  });

  it('gives a dictionary-encoded text column the same hint as plain text', () => {
    const schema = new Schema([
      new Field('A', new Float64()),
      new Field('B', new Dictionary(new Utf8(), new Int32())),
      new Field('C', new Dictionary(new Float64(), new Int32())),
    ]);
    const text = numericColumnIndex(schema, 'gr', 'B');
    expect(text.ok === false && text.error.message).toContain('"Decimal separator" to ","');
    // A dictionary of numbers is not text: no CSV hint.
    const dict = numericColumnIndex(schema, 'gr', 'C');
    expect(dict.ok === false && dict.error.message).not.toContain('Decimal separator');
  });
});
