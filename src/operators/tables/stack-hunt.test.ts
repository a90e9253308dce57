import {
  DateDay,
  Field,
  Float64,
  Schema,
  TimestampMillisecond,
  Utf8,
  vectorFromArray,
} from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { batchFromColumns } from './arrow-util.ts';
import { conformBatch, stackSchemas } from './stack.ts';
import { values } from './test-context.ts';

describe('stacking a date column with a text column of the same name', () => {
  it('keeps dates and timestamps as DuckDB writes them, not as epoch milliseconds', () => {
    const a = new Schema([
      new Field('DAY', new DateDay(), true),
      new Field('AT', new TimestampMillisecond(), true),
      new Field('Q', new Float64(), true),
    ]);
    const b = new Schema([
      new Field('DAY', new Utf8(), true),
      new Field('AT', new Utf8(), true),
      new Field('Q', new Float64(), true),
    ]);
    const stacked = stackSchemas([
      { file: 'a.csv', schema: a },
      { file: 'b.csv', schema: b },
    ]);
    expect(stacked.schema.fields.map((f) => String(f.type))).toEqual(['Utf8', 'Utf8', 'Float64']);
    const day = (y: number, m: number, d: number, ...t: number[]) =>
      new Date(Date.UTC(y, m - 1, d, ...t));
    const batch = batchFromColumns(
      a,
      [
        vectorFromArray([day(2020, 1, 2), null, day(1969, 12, 31)], new DateDay()).data[0]!,
        vectorFromArray(
          [day(2020, 1, 2, 3, 4, 5, 6), day(2021, 6, 30, 23, 59, 59), null],
          new TimestampMillisecond(),
        ).data[0]!,
        vectorFromArray([1, 2, 3], new Float64()).data[0]!,
      ],
      3,
    );
    const out = conformBatch(batch, stacked.schema);
    expect(values(out, 'DAY')).toEqual(['2020-01-02', null, '1969-12-31']);
    expect(values(out, 'AT')).toEqual(['2020-01-02 03:04:05.006', '2021-06-30 23:59:59', null]);
    expect(values(out, 'Q')).toEqual([1, 2, 3]);
  });
});

describe('stacking columns whose names differ only in case', () => {
  it('keeps them apart, as before, but says so once per file', () => {
    const f = (name: string) => new Field(name, new Float64(), true);
    const stacked = stackSchemas([
      { file: 'a.las', schema: new Schema([f('DEPT'), f('GR')]) },
      { file: 'b.las', schema: new Schema([f('DEPT'), f('gr')]) },
      { file: 'c.las', schema: new Schema([f('DEPT'), f('GR')]) },
    ]);
    expect(stacked.schema.fields.map((x) => x.name)).toEqual(['DEPT', 'GR', 'gr']);
    expect(stacked.notes).toEqual([
      'Column gr of b.las differs from column GR of an earlier file only in case; they are stacked as two columns (each null where the other has values), and SQL (math.expression, sql) cannot tell them apart. Spell the name alike in every file to stack them as one.',
    ]);
  });
});
