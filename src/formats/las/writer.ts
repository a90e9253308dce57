/**
 * LAS 2.0 writer. Round trip: `readLasTable(writeLas(t))` gives back the same header items, curve
 * names, units, descriptions and values. Numbers are written in shortest round-trip form
 * (`String(x)`); nulls (and NaN/Infinity) as the NULL value; text values that contain blanks or
 * quotes, are empty, start with `#` or would read back as numbers or nulls are wrapped in double quotes (single quotes when a double
 * quote in the text is followed by a blank), which the reader removes; line breaks in text become
 * blanks. STRT/STOP/STEP are those of the rows written. Names the header syntax would misread are adjusted (`PHIE.v2` -> `PHIE_v2`, `#X` -> `_#X`,
 * unit `deg C` -> `deg_C`). The `WELL` column the reader appends is not written as a curve.
 */
import type { Schema, Table } from 'apache-arrow';
import { WELL_COLUMN } from './arrow.ts';
import { candidateColons } from './headerLine.ts';
import { indexRange, type IndexRange } from './indexRange.ts';
import { uniqueNames } from './items.ts';
import { headerNumber } from './number.ts';
import { readsBackAsText } from './plainText.ts';
import type { LasHeaderItem } from './types.ts';

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
  const lefts = items.map((it) => ` ${safeMnemonic(it.mnemonic)}.${safeUnit(it.unit ?? '')}`);
  const values = items.map((it) => headerValue(it.value));
  const wLeft = Math.max(0, ...lefts.map((l) => l.length));
  const wValue = Math.max(0, ...values.map((v) => v.length));
  return items.map(
    (it, i) => `${lefts[i]!.padEnd(wLeft)}  ${values[i]!.padEnd(wValue)} : ${it.description ?? ''}`,
  );
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

/** A unit without blanks (the unit ends at the first blank; `deg C` was read as `deg`). */
function safeUnit(u: string): string {
  return u.trim().replace(/\s+/g, '_');
}

/**
 * A header value as written: text that would read back as a number (`"12"`) or that holds a colon
 * the reader could take for the delimiter (`"A : B"`) is quoted; the reader drops the quotes and
 * keeps the text. (A text that itself starts and ends with `"` cannot be written unchanged.)
 */
function headerValue(value: string | number | undefined): string {
  if (typeof value !== 'string') return String(value ?? '');
  const risky = headerNumber(value) !== null || candidateColons(value, 0).length > 0;
  return risky && !value.includes('"') ? `"${value}"` : value;
}

/** True when quoting `s` in `q` would end the string early: `q` followed by a blank inside it. */
function closesEarly(s: string, q: string): boolean {
  for (let i = s.indexOf(q); i >= 0 && i + 1 < s.length; i = s.indexOf(q, i + 1))
    if (/\s/.test(s[i + 1]!)) return true;
  return false;
}

/**
 * A text value as one data token: line breaks become blanks (a value cannot span lines); quoted
 * when it has blanks or quotes, is empty, starts with `#` (a lone `#` starts a comment) or would
 * read back as a number, a null or run-on numbers (`0012`, `NA`, `1.5-2.5`), in the quote the
 * reader will not see as closing early (`'it's "x"'`).
 */
function textToken(text: string): string {
  const s = text.replace(/[\r\n]+/g, ' ');
  if (s !== '' && !/[\s"']/.test(s) && s[0] !== '#' && readsBackAsText(s)) return s;
  return closesEarly(s, '"') ? `'${s}'` : `"${s}"`;
}

function cell(v: unknown, nullText: string): string {
  if (v === null || v === undefined) return nullText;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : nullText;
  if (typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (v instanceof Date) return textToken(v.toISOString());
  return textToken(typeof v === 'string' ? v : JSON.stringify(v));
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

/** Writes an Arrow table (typically from `readLasTable`, or any table of columns) as LAS 2.0 text. */
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
    '~WELL INFORMATION',
    ...itemLines(well),
    '~CURVE INFORMATION',
    ...itemLines(
      fields.map(({ f }, k) => ({
        mnemonic: useOriginals ? originals[k]! : f.name,
        unit: f.metadata.get('unit') ?? '',
        value: '',
        description: f.metadata.get('description') ?? '',
      })),
    ),
    '~PARAMETER INFORMATION',
    ...itemLines(params),
    '~A',
  ];
  const columns = fields.map(({ i }) => table.getChildAt(i));
  const rows = table.numRows;
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < columns.length; c++) {
      const text = cell(columns[c]?.get(r), nullText);
      line += c === 0 ? text : ' ' + text.padStart(11);
    }
    out.push(line);
  }
  return out.join('\n') + '\n';
}
