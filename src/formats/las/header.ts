/** Assembles `LasInfo` from the scanned sections: version rules, NULL, curves, main data choice. */
import type { DeclaredFigure, DeclaredRange } from './indexCheck.ts';
import { parseCurves, parseItems, type LineItem } from './items.ts';
import { headerNumber } from './number.ts';
import { isLogSet, setBase, type RawSection } from './sections.ts';
import type {
  LasCurveInfo,
  LasDelimiter,
  LasExtraSection,
  LasHeaderItem,
  LasReadError,
  LasWarning,
} from './types.ts';
import type { Result } from '../../model/result.ts';
import { err, ok } from '../../model/result.ts';

/** Extra LAS 3.0 data sets read at most (keeps the work linear in the file size). */
export const MAX_DATA_SETS = 1000;

/** A data section paired with the curves that describe it. */
export interface DataPart {
  readonly section: RawSection;
  curves: LasCurveInfo[];
}

/** The parsed header and where the data is; `dataSets` are parsed later by the reader. */
export interface HeaderResult {
  readonly version: number;
  readonly wrapped: boolean;
  readonly delimiter: LasDelimiter;
  readonly nullValue: number | null;
  readonly versionItems: LasHeaderItem[];
  readonly well: LasHeaderItem[];
  readonly params: LasHeaderItem[];
  readonly other: string;
  readonly extraSections: LasExtraSection[];
  readonly main: DataPart | null;
  readonly curves: LasCurveInfo[];
  readonly dataSets: DataPart[];
  readonly wellName: string;
  /** ~Well STRT/STOP/STEP with their lines, checked against the main table's index. */
  readonly declared: DeclaredRange;
}

/** Items as `LasHeaderItem`s: the line and raw text stay internal (they are not in `info` or metadata). */
const strip = (items: LineItem[]): LasHeaderItem[] =>
  items.map(({ line: _line, raw: _raw, ...rest }) => rest);

/** STRT/STOP/STEP as declared in ~Well, for checking against the data (`indexCheck.ts`). */
function declaredRange(items: readonly LineItem[]): DeclaredRange {
  const figure = (m: string): DeclaredFigure | undefined => {
    const it = findItem(items, m);
    if (!it || typeof it.value !== 'number') return undefined;
    return { value: it.value, text: it.raw.trim(), line: it.line };
  };
  const strt = figure('STRT');
  const stop = figure('STOP');
  const step = figure('STEP');
  return { ...(strt && { strt }), ...(stop && { stop }), ...(step && { step }) };
}

function findItem<T extends LasHeaderItem>(items: readonly T[], mnemonic: string): T | undefined {
  return items.find((i) => i.mnemonic.toUpperCase() === mnemonic);
}

/**
 * First word of a header value: a ~Version line without its colon (`WRAP. YES  Multiple lines`)
 * runs the description into the value, and only the first word is the value.
 */
function firstWord(value: string | number): string {
  return String(value).trim().split(/[ \t]/, 1)[0]!.toUpperCase();
}

function versionRules(sections: RawSection[], warnings: LasWarning[]) {
  const vs = sections.filter((s) => s.role === 'version');
  const items = vs.flatMap((s) => parseItems(s, warnings));
  const vers = findItem(items, 'VERS');
  let version = 2.0;
  const lead = typeof vers?.value === 'string' ? leadingNumber(vers.value) : null;
  if (typeof vers?.value === 'number') version = vers.value;
  else if (lead !== null) {
    version = lead;
    warnings.push({
      line: vs[0]?.line ?? 1,
      message: `VERS '${vers?.value}' read as ${lead} (its first word; write a colon after the value)`,
    });
  } else
    warnings.push({
      line: vs[0]?.line ?? 1,
      message: vers
        ? `VERS '${vers.value}' is not a number; read as LAS 2.0`
        : 'no VERS item in ~Version; read as LAS 2.0',
    });
  const wrap = findItem(items, 'WRAP');
  const wrapText = firstWord(wrap?.value ?? 'NO');
  const wrapped = wrapText === 'YES' || wrapText === 'Y';
  const dlmItem = findItem(items, 'DLM');
  let delimiter: LasDelimiter = 'SPACE';
  if (dlmItem) {
    const d = firstWord(dlmItem.value);
    if (d === 'SPACE' || d === 'TAB' || d === 'COMMA') delimiter = d;
    else
      warnings.push({
        line: 1,
        message: `DLM '${dlmItem.value}' is not SPACE, TAB or COMMA; SPACE used`,
      });
  }
  return { version, wrapped, delimiter, items: strip(items) };
}

/**
 * The number a NULL value starts with when the whole is not one: `-999.2500  NULL VALUE` (a line
 * without the colon, so the description ran into the value) or `-999,25` (comma decimal mark, as
 * the data then writes it too). Reading no NULL there would leave -999.25 values in every curve.
 */
function leadingNumber(value: string): number | null {
  const word = value.split(/[ \t]/, 1)[0]!;
  const n = headerNumber(word);
  if (n !== null) return n;
  const comma = word.indexOf(',');
  if (comma > 0 && comma === word.lastIndexOf(',') && !word.includes('.'))
    return headerNumber(word.replace(',', '.'));
  return null;
}

function readNull(well: LasHeaderItem[], wellLine: number, warnings: LasWarning[]): number | null {
  const item = findItem(well, 'NULL');
  if (!item) {
    warnings.push({
      line: wellLine,
      message: 'no NULL item in ~Well; no numeric value is read as null',
    });
    return null;
  }
  if (typeof item.value === 'number') return item.value;
  const lead = leadingNumber(item.value);
  if (lead !== null) {
    warnings.push({
      line: wellLine,
      message: `NULL '${item.value}' read as ${lead} (its first word; write the value before the colon: NULL. ${lead} : NULL VALUE)`,
    });
    return lead;
  }
  if (item.value !== '')
    warnings.push({
      line: wellLine,
      message: `NULL '${item.value}' is not a number; no numeric value is read as null`,
    });
  return null;
}

/** Builds the header; fails only when the file has no LAS section at all. */
export function buildHeader(
  sections: RawSection[],
  file: string,
  warnings: LasWarning[],
): Result<HeaderResult, LasReadError> {
  const known = sections.some((s) => s.role !== 'unknown' && s.role !== 'other');
  if (!known)
    return err({
      file,
      line: sections[0]?.line ?? 1,
      message:
        'no ~Version, ~Well, ~Curve or ~A section found: this is not a LAS file (a LAS file starts with ~VERSION INFORMATION)',
    });
  const v = versionRules(sections, warnings);
  const wellSection = sections.find((s) => s.role === 'well');
  const wellItems = sections
    .filter((s) => s.role === 'well')
    .flatMap((s) => parseItems(s, warnings, { swapValue: v.version < 2, wellSection: true }));
  const well = strip(wellItems);
  const nullValue = readNull(well, wellSection?.line ?? 1, warnings);
  const params: LasHeaderItem[] = [];
  const extraSections: LasExtraSection[] = [];
  const otherLines: string[] = [];
  let paramsSeen = false;
  let mainSeen = false;
  const definitions = new Map<string, RawSection>();
  let mainCurves: RawSection | undefined;
  let lastCurves: RawSection | undefined;
  /** Numbered runs: `~Log_Definition[2]` by its set `LOG[2]`. */
  const logCurves = new Map<string, RawSection>();
  const dataParts: { section: RawSection; def: RawSection | undefined; isMain: boolean }[] = [];
  for (const s of sections) {
    if (s.role === 'params' && !paramsSeen) {
      paramsSeen = true;
      params.push(...strip(parseItems(s, warnings)));
    } else if (s.role === 'params' || s.role === 'setParams' || s.role === 'unknown') {
      if (s.role === 'unknown')
        warnings.push({
          line: s.line,
          message: `unknown section ~${s.title}; its lines are kept as header items`,
        });
      extraSections.push({ title: s.title, line: s.line, items: strip(parseItems(s, warnings)) });
    } else if (s.role === 'other') otherLines.push(...s.lines.map((l) => l.text));
    else if (s.role === 'definition') {
      definitions.set(s.set, s);
      extraSections.push({ title: s.title, line: s.line, items: strip(parseItems(s, [])) });
    } else if (s.role === 'curves') {
      if (!mainCurves) mainCurves = s;
      lastCurves = s;
      if (s.set !== 'LOG') logCurves.set(s.set, s);
    } else if (s.role === 'data') {
      const log = isLogSet(s.set);
      const isMain: boolean = log && !mainSeen;
      mainSeen ||= isMain;
      if (log && !isMain)
        warnings.push({
          line: s.line,
          message: `another ~${s.title} data section; read as an extra data set, not the main table`,
        });
      dataParts.push({
        section: s,
        def: log
          ? (logCurves.get(s.set) ?? (isMain ? mainCurves : lastCurves))
          : (definitions.get(s.set) ?? definitions.get(setBase(s.set))),
        isMain,
      });
    }
  }
  let mainIndex = dataParts.findIndex((d) => d.isMain);
  const mainPart = dataParts[mainIndex];
  if (mainPart && !mainPart.def && mainCurves) {
    // ~A before ~Curve breaks the standard (~A comes last), but the curves are there: use them.
    mainPart.def = mainCurves;
    warnings.push({
      line: mainPart.section.line,
      message: `~${mainPart.section.title} comes before its curve definitions (~${mainCurves.title}, line ${mainCurves.line}); read with them, but the data section should be the last one`,
    });
  }
  if (mainIndex < 0 && !mainCurves && dataParts.length > 0) {
    mainIndex = 0;
    const first = dataParts[0]!;
    warnings.push({
      line: first.section.line,
      message: `no ~Log_Data or ~A section; data set ~${first.section.title} read as the main table`,
    });
  }
  const legacy = v.version < 3;
  // Curves parsed once per definition section, however many data sets share it.
  const parsed = new Map<RawSection | undefined, LasCurveInfo[]>();
  const withCurves = (d: (typeof dataParts)[number], reserved: string[]): DataPart => {
    if (!d.def)
      warnings.push({
        line: d.section.line,
        message: `no curve definitions for ~${d.section.title}; columns named UNKNOWN`,
      });
    if (reserved.length > 0)
      return { section: d.section, curves: parseCurves(d.def, warnings, reserved, legacy) };
    let curves = parsed.get(d.def);
    if (!curves) parsed.set(d.def, (curves = parseCurves(d.def, warnings, reserved, legacy)));
    return { section: d.section, curves };
  };
  const main = mainIndex >= 0 ? withCurves(dataParts[mainIndex]!, ['WELL']) : null;
  const curves = main ? main.curves : parseCurves(mainCurves, warnings, ['WELL'], legacy);
  const others = dataParts.filter((_, i) => i !== mainIndex);
  if (others.length > MAX_DATA_SETS)
    warnings.push({
      line: others[MAX_DATA_SETS]!.section.line,
      message: `more than ${MAX_DATA_SETS} extra data sets; the rest are skipped`,
    });
  const dataSets = others.slice(0, MAX_DATA_SETS).map((d) => withCurves(d, []));
  const wellValue = findItem(well, 'WELL')?.value;
  const base = file.split(/[\\/]/).pop() ?? file;
  const dot = base.lastIndexOf('.');
  const wellName =
    wellValue !== undefined && String(wellValue) !== ''
      ? String(wellValue)
      : dot > 0
        ? base.slice(0, dot)
        : base;
  return ok({
    ...v,
    versionItems: v.items,
    nullValue,
    well,
    params,
    other: otherLines.join('\n'),
    extraSections,
    main,
    curves,
    dataSets,
    wellName,
    declared: declaredRange(wellItems),
  });
}
