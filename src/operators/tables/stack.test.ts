import { Field, Float64, Int64, Schema, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { batchFromColumns } from './arrow-util.ts';
import { conformBatch, stackSchemas } from './stack.ts';
import { values } from './test-context.ts';

describe('stackSchemas / conformBatch', () => {
  it('widens numbers to Float64 and mixed types to text, and fills missing columns with nulls', () => {
    const a = new Schema([
      new Field('X', new Int64()),
      new Field('T', new Float64()),
      new Field('WELL', new Utf8()),
    ]);
    const b = new Schema([
      new Field('X', new Float64()),
      new Field('T', new Utf8()),
      new Field('Y', new Float64()),
    ]);
    const s = stackSchemas(
      [
        { file: 'a.csv', schema: a },
        { file: 'b.csv', schema: b },
      ],
      ['WELL'],
    );
    expect(s.schema.fields.map((f) => `${f.name}:${String(f.type)}`)).toEqual([
      'X:Float64',
      'T:Utf8',
      'Y:Float64',
      'WELL:Utf8',
    ]);
    expect(s.notes).toHaveLength(2);
    const batch = batchFromColumns(
      a,
      [
        vectorFromArray([1n, 2n], new Int64()).data[0]!,
        vectorFromArray([1.5, null], new Float64()).data[0]!,
        vectorFromArray(['w', 'w'], new Utf8()).data[0]!,
      ],
      2,
    );
    const out = conformBatch(batch, s.schema);
    expect(values(out, 'X')).toEqual([1, 2]);
    expect(values(out, 'T')).toEqual(['1.5', null]);
    expect(values(out, 'Y')).toEqual([null, null]);
    expect(values(out, 'WELL')).toEqual(['w', 'w']);
  });
});
