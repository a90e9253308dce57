/** Header items and curve definitions from the text lines of one section. */
import { candidateColons, parseHeaderLine, valueStart } from './headerLine.ts';
import { headerNumber } from './number.ts';
import type { RawSection } from './sections.ts';
import type { LasCurveInfo, LasHeaderItem, LasWarning } from './types.ts';

/** ~W items that name things: their values stay text even when they look like numbers. */
const TEXT_WELL_ITEMS = new Set([
  'WELL',
  'UWI',
  'API',
  'LIC',
  'COMP',
  'FLD',
  'LOC',
  'PROV',
  'CNTY',
  'STAT',
  'CTRY',
  'SRVC',
  'DATE',
  'LEAS',
]);

/** ~W items whose value comes before the colon even in LAS 1.2. */
const VALUE_FIRST_1_2 = new Set(['STRT', 'STOP', 'STEP', 'NULL']);

/** Types a header value: a number when it reads as one exactly, else the text. */
export function typedValue(text: string, keepText: boolean): string | number {
  if (keepText) return text;
  const n = headerNumber(text);
  return n === null ? text : n;
}

/**
 * A header value in double quotes (`WELL. "ANY ET AL, 12-34" : WELL`, as LAS 3.0 writes values
 * holding its delimiter) without them, or null when it is not quoted so. The quotes were kept and
 * ended up in the WELL column of every row; a quoted value stays text (`"12"` is the text 12).
 * Doubled quotes inside are one quote; a value with a lone quote inside is kept as written.
 */
export function unquote(value: string): string | null {
  if (value.length < 2 || value[0] !== '"' || !value.endsWith('"')) return null;
  const inner = value.slice(1, -1);
  // Quotes inside are doubled, CSV style (`writeLas` writes the text `"A"` as `"""A"""`).
  for (let i = inner.indexOf('"'); i >= 0; i = inner.indexOf('"', i + 2))
    if (inner[i + 1] !== '"') return null;
  return inner.replaceAll('""', '"');
}

/** The most common column of the delimiter colon over lines that have only one candidate. */
function usualColonColumn(section: RawSection): number | undefined {
  const counts = new Map<number, number>();
  for (const { text, indent } of section.lines) {
    const start = valueStart(text);
    const c = candidateColons(text, start < 0 ? 0 : start);
    if (c.length === 1) counts.set(c[0]! + indent, (counts.get(c[0]! + indent) ?? 0) + 1);
  }
  let best: number | undefined;
  let n = 0;
  for (const [col, k] of counts) if (k > n) [best, n] = [col, k];
  return best;
}

/** How header lines of a section are interpreted. */
export interface ItemOptions {
  /** LAS 1.x ~W: `MNEM.UNIT DESCRIPTION : VALUE` for all but STRT/STOP/STEP/NULL. */
  readonly swapValue?: boolean;
  /** ~W: identifier items stay text. */
  readonly wellSection?: boolean;
}

/** A header item with its line and its value text as written (before typing and unquoting). */
export type LineItem = LasHeaderItem & { line: number; raw: string };

/** Header items of a section with a line number each; lines that are not items give a warning. */
export function parseItems(
  section: RawSection,
  warnings: LasWarning[],
  opts: ItemOptions = {},
): LineItem[] {
  const out: LineItem[] = [];
  const column = usualColonColumn(section);
  for (const { text, line, indent } of section.lines) {
    const f = parseHeaderLine(text, column === undefined ? undefined : column - indent);
    if (!f) {
      warnings.push({
        line,
        message: `'${text.slice(0, 60)}' in ~${section.title} is not a header item (MNEM.UNIT VALUE : DESCRIPTION); ignored`,
      });
      continue;
    }
    const upper = f.mnemonic.toUpperCase();
    let { value, description } = f;
    if (opts.swapValue && !VALUE_FIRST_1_2.has(upper)) {
      [value, description] = [description, value];
    }
    const quoted = unquote(value);
    const keepText = quoted !== null || (opts.wellSection === true && TEXT_WELL_ITEMS.has(upper));
    out.push({
      mnemonic: f.mnemonic,
      unit: f.unit,
      value: typedValue(quoted ?? value, keepText),
      description,
      line,
      raw: value,
    });
  }
  return out;
}

/**
 * Unique column names, deterministic and case-insensitive (SQL engines fold case): the first `GR`
 * keeps its name, later ones become `GR:2`, `GR:3`; an empty mnemonic becomes `UNKNOWN`.
 * `reserved` names (e.g. `WELL`, the column the reader appends) count as taken.
 */
export function uniqueNames(
  mnemonics: readonly string[],
  reserved: readonly string[] = [],
): string[] {
  const taken = new Set(reserved.map((r) => r.toUpperCase()));
  // Next suffix to try per base name, so N repeats of one name cost O(N), not O(N^2).
  const nextSuffix = new Map<string, number>();
  return mnemonics.map((m) => {
    const base = m === '' ? 'UNKNOWN' : m;
    const key = base.toUpperCase();
    let name = base;
    let k = nextSuffix.get(key) ?? 2;
    while (taken.has(name.toUpperCase())) name = `${base}:${k++}`;
    nextSuffix.set(key, k);
    taken.add(name.toUpperCase());
    return name;
  });
}

/** The LAS 3.0 format hint of a curve description (`{S}` text, `{F}`/`{E..}`/`{I}`/`{A..}` number). */
export function formatHint(description: string): 'number' | 'text' | null {
  const open = description.lastIndexOf('{');
  if (open < 0) return null;
  const c = description[open + 1]?.toUpperCase();
  if (c === 'S') return 'text';
  if (c === 'F' || c === 'E' || c === 'I' || c === 'A') return 'number';
  return null;
}

/**
 * A LAS 1.2/2.0 description without a final LAS 3.0 text mark `{S}` (2.0 has no format field;
 * `writeLas` marks so a text column whose sampled values are all null), and whether it had one.
 */
function textMark(description: string): { description: string; text: boolean } {
  if (!hasTextMark(description)) return { description, text: false };
  return { description: description.trimEnd().slice(0, -3).trimEnd(), text: true };
}

/** Whether a description ends with the text mark `{S}`: shared by the reader and `writeLas`. */
export function hasTextMark(description: string): boolean {
  return description.trimEnd().toUpperCase().endsWith('{S}');
}

/**
 * Curve definitions of a ~Curve / `_Definition` section, named uniquely. With `legacy` (LAS
 * 1.2/2.0) a final `{S}` in a description makes the curve text and is removed from it (LAS 3.0
 * keeps format marks in descriptions, as lasio does).
 */
export function parseCurves(
  section: RawSection | undefined,
  warnings: LasWarning[],
  reserved: readonly string[],
  legacy = false,
): LasCurveInfo[] {
  if (!section) return [];
  const items = parseItems(section, warnings);
  const names = uniqueNames(
    items.map((i) => i.mnemonic),
    reserved,
  );
  return items.map((it, i) => {
    const name = names[i]!;
    if (name !== it.mnemonic && it.mnemonic !== '')
      warnings.push({
        line: it.line,
        message: `curve '${it.mnemonic}' repeats an earlier name; column named '${name}'`,
      });
    if (it.mnemonic === '')
      warnings.push({ line: it.line, message: `curve without a mnemonic; column named '${name}'` });
    const mark = legacy ? textMark(it.description) : { description: it.description, text: false };
    return {
      mnemonic: name,
      originalMnemonic: it.mnemonic,
      unit: it.unit,
      description: mark.description,
      // A final `{S}` (taken off with `legacy`) is also the last format hint: it makes the curve text.
      kind: formatHint(it.description) ?? 'number',
      line: it.line,
    };
  });
}
