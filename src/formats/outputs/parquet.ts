/**
 * Parquet output (`--format parquet`), written in JavaScript with hyparquet-writer: DuckDB-WASM's
 * COPY would need the parquet extension, which is fetched from the network. Numbers keep their
 * width (DOUBLE/FLOAT/INT32/INT64), text is STRING, dates and timestamps are ISO text.
 */
import type { DataType, Table } from 'apache-arrow';
import { DataType as DT, Precision } from 'apache-arrow';
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { BasicType, ColumnSource } from 'hyparquet-writer';
import type { Cell } from './values.ts';
import { columnCells } from './values.ts';

function parquetType(type: DataType): BasicType {
  if (DT.isFloat(type)) return type.precision === Precision.SINGLE ? 'FLOAT' : 'DOUBLE';
  if (DT.isInt(type))
    return type.bitWidth === 64 || (!type.isSigned && type.bitWidth === 32) ? 'INT64' : 'INT32';
  if (DT.isBool(type)) return 'BOOLEAN';
  return 'STRING';
}

function convert(cells: Cell[], type: BasicType): Cell[] {
  if (type === 'INT64') return cells.map((c) => (c === null ? null : BigInt(c as number | bigint)));
  if (type === 'STRING') return cells.map((c) => (c === null ? null : String(c)));
  if (type === 'INT32') return cells.map((c) => (c === null ? null : Number(c)));
  return cells;
}

/** The table as Parquet file bytes (SNAPPY compressed). */
export function tableToParquet(table: Table): Uint8Array {
  const columnData: ColumnSource[] = table.schema.fields.map((f, i) => {
    const type = parquetType(f.type as DataType);
    return { name: f.name, type, nullable: true, data: convert(columnCells(table, f, i), type) };
  });
  return new Uint8Array(parquetWriteBuffer({ columnData }));
}
