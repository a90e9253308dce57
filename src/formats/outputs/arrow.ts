/** Arrow output (`--format arrow`): the Arrow IPC file format (Feather v2), readable by pyarrow. */
import { DataType, RecordBatch, Table, tableToIPC, type Data } from 'apache-arrow';

const isValid = (bitmap: Uint8Array, at: number): boolean =>
  (((bitmap[at >> 3] ?? 0) >> (at & 7)) & 1) === 1;

/**
 * `data` with the value slots under nulls set to zero. DuckDB leaves whatever was in its memory
 * there; written as is, two runs of one pipeline would differ in bytes no reader looks at (and
 * could carry leftovers of other data). Fixed-width columns only: the others hold no such bytes.
 */
export function zeroNullSlots(data: Data): Data {
  const { nullBitmap, stride, offset, length } = data;
  const values: unknown = data.values;
  if (data.nullCount <= 0 || !nullBitmap || data.valueOffsets || data.children.length > 0)
    return data;
  if (DataType.isBool(data.type) || !ArrayBuffer.isView(values) || values instanceof DataView)
    return data;
  const copy = (values as Float64Array | BigInt64Array).slice();
  const typed = copy as unknown as { fill(v: number | bigint, s: number, e: number): void };
  const zero = copy instanceof BigInt64Array || copy instanceof BigUint64Array ? 0n : 0;
  for (let i = 0; i < length; i++) {
    if (!isValid(nullBitmap, offset + i)) typed.fill(zero, i * stride, (i + 1) * stride);
  }
  return data.clone(data.type, offset, length, data.nullCount, [
    data.valueOffsets,
    copy,
    nullBitmap,
    data.typeIds,
  ]);
}

/** The table as Arrow IPC file bytes; the same values always give the same bytes. */
export function tableToArrowFile(table: Table): Uint8Array {
  const batches = table.batches.map(
    (b) =>
      new RecordBatch(
        b.schema,
        b.data.clone(b.data.type, b.data.offset, b.data.length, b.data.nullCount, b.data.buffers, [
          ...b.data.children.map(zeroNullSlots),
        ]),
      ),
  );
  return tableToIPC(new Table(table.schema, batches), 'file');
}
