/**
 * LAS 2.0 writer. Round trip: `readLasTable(writeLas(t))` gives back the same header items, curve
 * names, units, descriptions and values. Numbers are written in shortest round-trip form
 * (`String(x)`); nulls (and NaN/Infinity) as the NULL value; text values that contain blanks or
 * quotes, are empty, start with `#` or would read back as numbers or nulls are wrapped in double quotes (single quotes when a double
 * quote in the text is followed by a blank), which the reader removes; line breaks in text become
 * blanks. STRT/STOP/STEP are those of the rows written; ~Other comes from `las.other`. Names the header syntax would misread are adjusted (`PHIE.v2` -> `PHIE_v2`, `#X` -> `_#X`,
 * unit `deg C` -> `deg_C`). The `WELL` column the reader appends is not written as a curve.
 */
import type { DataType, Field, Schema, Table, Vector } from 'apache-arrow';
import { WELL_COLUMN } from './arrow.ts';
import { candidateColons } from './headerLine.ts';
import { indexRange, type IndexRange } from './indexRange.ts';
import { hasTextMark, uniqueNames } from './items.ts';
import { headerNumber } from './number.ts';
import { cellWriter, writtenAsText } from './cells.ts';
import { SAMPLE_ROWS } from './sample.ts';
import type { LasHeaderItem } from './types.ts';
import { lasWriteWarnings } from './writeWarnings.ts';

/** Options of `writeLas`. */
export interface LasWriteOptions {
  /** The NULL value to write (default: the table's `las.nullValue`, else -999.25). */
  readonly nullValue?: number;
}

function headerItems(schema: Schema, key: string): LasHeaderItem[] | null {
  const raw = schema.metadata.get(key);
  if (!raw) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return null;
    return parsed.filter(
      (x): x is LasHeaderItem =>
        typeof x === 'object' && x !== null && 'mnemonic' in x && 'value' in x,
    );
  } catch {
    return null;
  }
}

/**
 * Header lines of one section with their colons aligned (as LAS writers do): the reader picks the
 * delimiter colon nearest the section's usual column, so a colon inside a description is never
 * taken for it. Two blanks after the unit keep a `..` in a value from reading as `MNEM..UNIT`.
 */
function itemLines(items: readonly LasHeaderItem[]): string[] {
  const lefts = items.map((it) => ` ${unitDot(safeMnemonic(oneLine(it.mnemonic)), it.unit)}`);
  const values = items.map((it) =>
    headerValue(typeof it.value === 'string' ? oneLine(it.value) : it.value),
  );
  const wLeft = Math.max(0, ...lefts.map((l) => l.length));
  const wValue = Math.max(0, ...values.map((v) => v.length));
  return items.map(
    (it, i) =>
      `${lefts[i]!.padEnd(wLeft)}  ${values[i]!.padEnd(wValue)} : ${oneLine(it.description ?? '')}`,
  );
}

/**
 * Header text on one line: a line break in a description or value (metadata from elsewhere)
 * split the item, and a following `~A` line started a data section, so the real data was read
 * as an extra data set. Breaks become blanks, as in data values.
 */
function oneLine(text: string): string {
  return String(text).replace(/[\r\n]+/g, ' ');
}

/**
 * A mnemonic the reader reads back: the first dot ends a mnemonic, so inner dots become `_`
 * (`PHIE.v2` was read as `PHIE` with unit `v2`), except one final dot (`Cond.` is written
 * `Cond..MS/M`, which reads back as `Cond.`); a leading `#` or `~` would make the line a comment
 * or a section title, so such a name gets a `_` in front.
 */
function safeMnemonic(m: string): string {
  const final = m.endsWith('.') ? '.' : '';
  const body = (final ? m.slice(0, -1) : m).replaceAll('.', '_');
  const lead = body.trimStart()[0];
  return (lead === '#' || lead === '~' ? '_' + body.trimStart() : body) + final;
}

/**
 * `MNEM.UNIT`. A unit that itself starts with a dot (`.1IN`, read from `DEPT  ..1IN`) gets a blank
 * before the dots: `DEPT..1IN` reads as mnemonic `DEPT.` with unit `1IN` (lasio too), while
 * `DEPT ..1IN` reads as `DEPT` with `.1IN`. A mnemonic that ends with a dot needs none
 * (`Cond...M` reads as `Cond.` with `.M`).
 */
function unitDot(mnemonic: string, unit: string | undefined): string {
  const u = safeUnit(unit ?? '');
  return u.startsWith('.') && !mnemonic.endsWith('.') ? `${mnemonic} .${u}` : `${mnemonic}.${u}`;
}

/** A unit without blanks (the unit ends at the first blank; `deg C` was read as `deg`). */
function safeUnit(u: string): string {
  return u.trim().replace(/\s+/g, '_');
}

/**
 * A header value as written: text that would read back as a number (`"12"`), that holds a colon
 * the reader could take for the delimiter (`"A : B"`) or that itself starts and ends with a double
 * quote is quoted, with its own double quotes doubled (CSV style: the text `"A"` is written
 * `"""A"""`); the reader drops the outer quotes, undoubles the inner ones and keeps the text.
 * A lasio-style reader keeps the quotes but still sees the whole text.
 */
function headerValue(value: string | number | undefined): string {
  if (typeof value !== 'string') return String(value ?? '');
  const wrapped = value.length >= 2 && value.startsWith('"') && value.endsWith('"');
  const risky = wrapped || headerNumber(value) !== null || candidateColons(value, 0).length > 0;
  return risky ? `"${value.replaceAll('"', '""')}"` : value;
}

/** True when the first `SAMPLE_ROWS` values of `column` are all null (or it has none). */
function nullSample(column: Vector): boolean {
  const n = Math.min(column.length, SAMPLE_ROWS);
  for (let r = 0; r < n; r++) if (column.get(r) !== null) return false;
  return true;
}

/**
 * The description of a text curve, with the LAS 3.0 text format mark `{S}` added when its first
 * `SAMPLE_ROWS` values are all null: nulls are written as the NULL value, so the reader (which
 * decides kinds from those rows) would make it a number column. The reader of a LAS 2.0 file
 * takes a final `{S}` off the description, so one already there (from a LAS 3.0 file) gets a
 * second one to keep it.
 */
function curveDescription(f: Field, column: Vector | null): string {
  const description = f.metadata.get('description') ?? '';
  if (!writtenAsText(f.type as DataType) || !column) return description;
  if (!hasTextMark(description) && !nullSample(column)) return description;
  return description === '' ? '{S}' : `${description} {S}`;
}

/**
 * The ~Other section for the free text the reader kept (`las.other`), none when it is empty. A
 * line starting with `~` or `#` would read as a section title or a comment, so it gets a `_` in
 * front (reading never gives such a line).
 */
function otherLines(other: string): string[] {
  const lines = other.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) return [];
  const safe = lines.map((l) => (/^\s*[~#]/.test(l) ? '_' + l.trimStart() : l));
  return ['~OTHER INFORMATION', ...safe];
}

function minimalWell(
  range: IndexRange,
  unit: string,
  nullValue: number,
  wellName: string,
): LasHeaderItem[] {
  return [
    { mnemonic: 'STRT', unit, value: range.first, description: 'START' },
    { mnemonic: 'STOP', unit, value: range.last, description: 'STOP' },
    { mnemonic: 'STEP', unit, value: range.step, description: 'STEP' },
    { mnemonic: 'NULL', unit: '', value: nullValue, description: 'NULL VALUE' },
    { mnemonic: 'WELL', unit: '', value: wellName, description: 'WELL' },
  ];
}

/** The header's STRT/STOP/STEP made those of the rows written (kept when the table has no rows). */
function withRange(well: LasHeaderItem[], range: IndexRange, unit: string): LasHeaderItem[] {
  const values: Record<string, number | string> = {
    STRT: range.first,
    STOP: range.last,
    STEP: range.step,
  };
  return well.map((it) => {
    const v = values[it.mnemonic.toUpperCase()];
    if (v === undefined || v === '') return it;
    return { ...it, unit: it.unit || unit, value: v };
  });
}

/**
 * Writes an Arrow table (typically from `readLasTable`, or any table of columns) as LAS 2.0 text.
 * What it cannot hold (the other data sets of a LAS 3.0 file) is said in the file itself, as a `#`
 * comment line after WRAP (`lasWriteWarnings`).
 */
export function writeLas(table: Table, options: LasWriteOptions = {}): string {
  const schema = table.schema;
  const metaNull = Number(schema.metadata.get('las.nullValue') || NaN);
  const nullValue = options.nullValue ?? (Number.isFinite(metaNull) ? metaNull : -999.25);
  const nullText = String(nullValue);
  const fields = schema.fields
    .map((f, i) => ({ f, i }))
    .filter(({ f }, k, all) => !(f.name === WELL_COLUMN && k === all.length - 1 && k > 0));
  const wellColumn =
    fields.length < schema.fields.length ? table.getChildAt(schema.fields.length - 1) : null;
  const wellName = String(wellColumn?.get(0) ?? schema.metadata.get('las.wellName') ?? '');
  const index = fields[0] ? table.getChildAt(fields[0].i) : null;
  const range = indexRange(index);
  const indexUnit = fields[0]?.f.metadata.get('unit') ?? '';
  const stored = headerItems(schema, 'las.well');
  let well = stored
    ? withRange(stored, range, indexUnit)
    : minimalWell(range, indexUnit, nullValue, wellName);
  well = well.map((it) =>
    it.mnemonic.toUpperCase() === 'NULL' ? { ...it, value: nullValue } : it,
  );
  // Nulls are written as the NULL value, so the file must declare it or they read back as numbers.
  if (!well.some((it) => it.mnemonic.toUpperCase() === 'NULL'))
    well.push({ mnemonic: 'NULL', unit: '', value: nullValue, description: 'NULL VALUE' });
  const params = headerItems(schema, 'las.params') ?? [];
  const originals = fields.map(({ f }) => f.metadata.get('mnemonic') ?? f.name);
  const regenerated = uniqueNames(originals, [WELL_COLUMN]);
  const useOriginals = regenerated.every((n, k) => n === fields[k]!.f.name);
  const out: string[] = [
    '~VERSION INFORMATION',
    ' VERS. 2.0 : CWLS LOG ASCII STANDARD - VERSION 2.0',
    ' WRAP. NO : ONE LINE PER DEPTH STEP',
    // What LAS 2.0 cannot hold is said in the file too (readers skip `#` lines).
    ...lasWriteWarnings(table).map((w) => `# ${oneLine(w)}`),
    '~WELL INFORMATION',
    ...itemLines(well),
    '~CURVE INFORMATION',
    ...itemLines(
      fields.map(({ f, i }, k) => ({
        mnemonic: useOriginals ? originals[k]! : f.name,
        unit: f.metadata.get('unit') ?? '',
        value: '',
        description: curveDescription(f, table.getChildAt(i)),
      })),
    ),
    '~PARAMETER INFORMATION',
    ...itemLines(params),
    ...otherLines(schema.metadata.get('las.other') ?? ''),
    '~A',
  ];
  const columns = fields.map(({ i }) => table.getChildAt(i));
  const cells = fields.map(({ f }) => cellWriter(f.type as DataType, nullText));
  const rows = table.numRows;
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < columns.length; c++) {
      const text = cells[c]!(columns[c]?.get(r));
      line += c === 0 ? text : ' ' + text.padStart(11);
    }
    out.push(line);
  }
  return out.join('\n') + '\n';
}
