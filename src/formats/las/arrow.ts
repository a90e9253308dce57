/** Arrow schema and record batches for a LAS table (pipeline-format.md section 2). */
import {
  Field,
  Float64,
  RecordBatch,
  Schema,
  Struct,
  Utf8,
  makeData,
  vectorFromArray,
  type Data,
  type DataType,
} from 'apache-arrow';
import type { BatchColumns } from './data.ts';
import type { LasCurveInfo, LasHeaderItem } from './types.ts';

/** Name of the column holding the well name on every row. */
export const WELL_COLUMN = 'WELL';

/** Header facts stored in the schema metadata. */
export interface SchemaFacts {
  readonly version: number;
  readonly well: readonly LasHeaderItem[];
  readonly params: readonly LasHeaderItem[];
  readonly nullValue: number | null;
  readonly file: string;
  readonly wellName: string;
  /** Free text of ~Other (written back by `writeLas`). */
  readonly other: string;
  /** The file's other data sections (LAS 3.0 sets, repeated ~A), which a LAS 2.0 write leaves out. */
  readonly dataSets?: readonly {
    readonly section: { readonly title: string; readonly line: number };
  }[];
}

/** Schema metadata key: JSON `[{ title, line }]` of the data sections not in the table. */
export const DATA_SETS_KEY = 'las.dataSets';

/** The schema: curves in file order (index first), then `WELL`. */
export function lasSchema(curves: readonly LasCurveInfo[], facts: SchemaFacts): Schema {
  const fields = curves.map(
    (c) =>
      new Field(
        c.mnemonic,
        c.kind === 'number' ? new Float64() : new Utf8(),
        true,
        new Map([
          ['unit', c.unit],
          ['description', c.description],
          ['mnemonic', c.originalMnemonic],
        ]),
      ),
  );
  fields.push(new Field(WELL_COLUMN, new Utf8(), false, new Map([['description', 'well name']])));
  const meta = new Map([
    ['las.version', String(facts.version)],
    ['las.well', JSON.stringify(facts.well)],
    ['las.params', JSON.stringify(facts.params)],
    ['las.nullValue', facts.nullValue === null ? '' : String(facts.nullValue)],
    ['las.file', facts.file],
    ['las.wellName', facts.wellName],
    ['las.other', facts.other],
  ]);
  const sets = (facts.dataSets ?? []).map(({ section: { title, line } }) => ({ title, line }));
  if (sets.length > 0) meta.set(DATA_SETS_KEY, JSON.stringify(sets));
  return new Schema(fields, meta);
}

/** A Utf8 column repeating one string `length` times, built directly from bytes. */
function constantUtf8(value: string, length: number): Data<Utf8> {
  const bytes = new TextEncoder().encode(value);
  const data = new Uint8Array(bytes.length * length);
  // Doubling copies: log2(length) native copies instead of one per row.
  if (length > 0) data.set(bytes, 0);
  for (let filled = bytes.length; filled < data.length; filled *= 2)
    data.copyWithin(filled, 0, Math.min(filled, data.length - filled));
  const offsets = new Int32Array(length + 1);
  for (let i = 0; i <= length; i++) offsets[i] = i * bytes.length;
  return makeData({ type: new Utf8(), length, nullCount: 0, valueOffsets: offsets, data });
}

/** Wraps one parsed batch as an Arrow record batch of `schema`. */
export function toRecordBatch(schema: Schema, cols: BatchColumns, wellName: string): RecordBatch {
  const { length } = cols;
  const children: Data<DataType>[] = cols.nums.map((nums, c) => {
    if (nums)
      return makeData({
        type: new Float64(),
        length,
        nullCount: cols.nullCounts[c]!,
        data: nums,
        nullBitmap: cols.validity[c] ?? undefined,
      });
    const texts = cols.texts[c] ?? [];
    return vectorFromArray(texts, new Utf8()).data[0]!;
  });
  children.push(constantUtf8(wellName, length));
  const struct = makeData({ type: new Struct(schema.fields), length, nullCount: 0, children });
  return new RecordBatch(schema, struct);
}
