/** Reading Arrow cells as plain values for text and Parquet output (dates as ISO text). */
import type { DataType, Field, Table } from 'apache-arrow';
import { DataType as DT, DateUnit } from 'apache-arrow';

/** A cell as output writers see it. */
export type Cell = number | bigint | string | boolean | null;

function dateText(v: unknown, type: DataType): string {
  const ms = v instanceof Date ? v.getTime() : Number(v);
  const iso = new Date(ms).toISOString();
  return DT.isDate(type) && type.unit === DateUnit.DAY ? iso.slice(0, 10) : iso;
}

/** Converts one Arrow value of `type` to a Cell. */
export function toCell(v: unknown, type: DataType): Cell {
  if (v === null || v === undefined) return null;
  if (DT.isDate(type) || DT.isTimestamp(type)) return dateText(v, type);
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return v;
  if (typeof v === 'string') return v;
  if (v instanceof Date) return v.toISOString();
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? String(x) : x));
}

/** The values of one column as Cells. */
export function columnCells(table: Table, field: Field, index: number): Cell[] {
  const col = table.getChildAt(index);
  const out: Cell[] = new Array<Cell>(table.numRows);
  for (let i = 0; i < table.numRows; i++) out[i] = toCell(col?.get(i), field.type as DataType);
  return out;
}
