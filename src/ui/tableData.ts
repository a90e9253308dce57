/** Reading an Arrow table for display: column facts (unit, numeric) and numeric columns as arrays. */
import { DataType, type Table } from 'apache-arrow';

/** What the preview needs to know about a column. */
export interface ColumnFacts {
  readonly name: string;
  readonly unit: string;
  readonly numeric: boolean;
  readonly index: number;
}

/** The columns of a table with their units (Arrow field metadata `unit`). */
export function columnFacts(table: Table): ColumnFacts[] {
  return table.schema.fields.map((f, index) => ({
    name: f.name,
    unit: f.metadata.get('unit') ?? '',
    numeric: DataType.isFloat(f.type) || DataType.isInt(f.type) || DataType.isDecimal(f.type),
    index,
  }));
}

/** "RHOB (g/cc)": a column's name with its unit, as plot axes, tracks and pickers title it. */
export function columnTitle(c: Pick<ColumnFacts, 'name' | 'unit'>): string {
  return c.unit ? `${c.name} (${c.unit})` : c.name;
}

/** A numeric column as Float64Array with NaN for nulls (what the plots draw). */
export function numericColumn(table: Table, name: string): Float64Array {
  const v = table.getChild(name);
  const out = new Float64Array(table.numRows);
  if (!v) return out.fill(NaN);
  let i = 0;
  for (const x of v) {
    out[i++] = typeof x === 'number' ? x : typeof x === 'bigint' ? Number(x) : NaN;
  }
  return out;
}

/** One cell as text (nulls empty; numbers to 10 significant digits, hiding float noise). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return '';
    return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(10)));
  }
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return JSON.stringify(value) ?? '';
}

/** The index column of a depth-indexed table (DEPT/DEPTH/MD first), or undefined. */
export function depthColumn(cols: readonly ColumnFacts[]): ColumnFacts | undefined {
  const byName = cols.find((c) => c.numeric && /^(DEPT|DEPTH|MD|TVD|TVDSS|INDEX)$/i.test(c.name));
  return byName ?? (cols[0]?.numeric && /m|ft|f/i.test(cols[0].unit) ? cols[0] : undefined);
}

/** Finds the first column whose name matches one of the patterns. */
export function findColumn(
  cols: readonly ColumnFacts[],
  patterns: readonly RegExp[],
): ColumnFacts | undefined {
  for (const p of patterns) {
    const c = cols.find((x) => x.numeric && p.test(x.name));
    if (c) return c;
  }
  return undefined;
}

/** Rows of each well of a stacked table: well name -> contiguous row ranges `[start, end)`. */
export type WellRows = ReadonlyMap<string, readonly (readonly [number, number])[]>;

/** The well column of a table stacked from several files (`WELL`, any case, not numeric). */
export function wellColumn(cols: readonly ColumnFacts[]): ColumnFacts | undefined {
  return cols.find((c) => !c.numeric && /^WELL$/i.test(c.name));
}

/**
 * The rows of every well, wells in order of first appearance (rows with a null well belong to
 * none). Empty when the table has no well column. One pass over the column.
 */
export function wellRows(table: Table): WellRows {
  const col = wellColumn(columnFacts(table));
  const out = new Map<string, [number, number][]>();
  const v = col ? table.getChildAt(col.index) : null;
  if (!v) return out;
  let i = 0;
  let current: [number, number] | undefined;
  let currentWell: string | undefined;
  for (const x of v) {
    const well = x === null || x === undefined ? undefined : String(x);
    if (well !== undefined && well === currentWell && current) current[1] = i + 1;
    else {
      currentWell = well;
      current = undefined;
      if (well !== undefined) {
        current = [i, i + 1];
        const list = out.get(well);
        if (list) list.push(current);
        else out.set(well, [current]);
      }
    }
    i++;
  }
  return out;
}

/** Only the given row ranges of a table (zero-copy slices, concatenated); the table when none given. */
export function rowsIn(
  table: Table,
  ranges: readonly (readonly [number, number])[] | undefined,
): Table {
  if (!ranges) return table;
  const parts = ranges.map(([a, b]) => table.slice(a, b));
  const [first, ...rest] = parts;
  return first ? first.concat(...rest) : table.slice(0, 0);
}

/** The lowest and highest finite value of a column, or undefined when it has none. */
export function valueRange(values: Float64Array): [number, number] | undefined {
  let lo = Infinity;
  let hi = -Infinity;
  for (const d of values) {
    if (!Number.isFinite(d)) continue;
    if (d < lo) lo = d;
    if (d > hi) hi = d;
  }
  return lo <= hi ? [lo, hi] : undefined;
}
