/**
 * First pass over a LAS file: finds the `~` sections, keeps header lines as text and data sections
 * as byte ranges (never decoded, never copied). Linear in the file size.
 */
import { afterBreak, countBreaks, lineEnd, nextSectionStart } from './lines.ts';
import type { LasWarning } from './types.ts';

/** What a section is for, from its title (LAS 1.2/2.0 first letters, LAS 3.0 `_Definition`...). */
export type SectionRole =
  | 'version'
  | 'well'
  | 'curves'
  | 'params'
  | 'other'
  | 'definition'
  | 'setParams'
  | 'data'
  | 'unknown';

/** A header line, trimmed, with its 1-based line number. */
export interface TextLine {
  readonly text: string;
  readonly line: number;
  /** Characters of indentation removed before `text` (to compare colon columns across lines). */
  readonly indent: number;
}

/** One `~` section. Data sections carry a byte range; header sections their lines. */
export interface RawSection {
  /** Title without `~`, trimmed. */
  readonly title: string;
  readonly line: number;
  readonly role: SectionRole;
  /** For `definition`/`setParams`/`data`: the LAS 3.0 set name, upper case (`LOG` = main). */
  readonly set: string;
  readonly lines: TextLine[];
  /** Data sections: byte range of the lines after the title, and the line number of its start. */
  readonly start: number;
  readonly end: number;
  readonly firstLine: number;
}

function stripSuffix(u: string, suffix: string): string | null {
  return u.endsWith(suffix) ? u.slice(0, u.length - suffix.length) : null;
}

/** `LOG_DEFINITION[2]` -> base `LOG_DEFINITION`, index `[2]` (LAS 3.0 numbers repeated runs so). */
function splitIndex(u: string): { base: string; index: string } {
  const open = u.endsWith(']') ? u.lastIndexOf('[') : -1;
  return open > 0 ? { base: u.slice(0, open), index: u.slice(open) } : { base: u, index: '' };
}

/** The set name without its run index: `CORE[1]` -> `CORE`. */
export function setBase(set: string): string {
  return splitIndex(set).base;
}

/** True for the main log's sets: `LOG`, or `LOG[2]` for a numbered run (`~Log_Definition[2]`). */
export function isLogSet(set: string): boolean {
  return set === 'LOG' || (set.startsWith('LOG[') && set.endsWith(']'));
}

/**
 * Classifies a section title (without `~`). A run index `[n]` is part of the set name, so
 * `~Log_Data[2] | Log_Definition[2]` pairs with `~Log_Definition[2]` (the index made these
 * sections unknown: curves were named UNKNOWN).
 */
export function classifyTitle(title: string): { role: SectionRole; set: string } {
  const bar = title.indexOf('|');
  const name = (bar < 0 ? title : title.slice(0, bar)).trim().toUpperCase();
  if (bar >= 0) {
    const assoc = title
      .slice(bar + 1)
      .trim()
      .toUpperCase();
    const { base, index } = splitIndex(assoc);
    const set = stripSuffix(base, '_DEFINITION');
    if (set !== null) return { role: 'data', set: set + index };
    return { role: 'data', set: assoc.startsWith('C') ? 'LOG' : assoc };
  }
  const { base, index } = splitIndex(name);
  const def = stripSuffix(base, '_DEFINITION');
  if (def !== null) return { role: def === 'LOG' ? 'curves' : 'definition', set: def + index };
  const par = stripSuffix(base, '_PARAMETER');
  if (par !== null) return { role: par === 'LOG' ? 'params' : 'setParams', set: par + index };
  const data = stripSuffix(base, '_DATA');
  if (data !== null) return { role: 'data', set: data + index };
  const roles: Record<string, SectionRole> = {
    V: 'version',
    W: 'well',
    C: 'curves',
    P: 'params',
    O: 'other',
    A: 'data',
  };
  return { role: roles[name[0] ?? ''] ?? 'unknown', set: 'LOG' };
}

/** Result of the section scan. */
export interface SectionScan {
  readonly sections: RawSection[];
  readonly warnings: LasWarning[];
}

function firstContentByte(b: Uint8Array, pos: number, end: number): number {
  for (let p = pos; p < end; p++) {
    const c = b[p]!;
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return c;
  }
  return -1;
}

function looksNumeric(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46;
}

/** Splits `b` into sections; `decode` turns a byte range into text. */
export function scanSections(b: Uint8Array, decode: (s: number, e: number) => string): SectionScan {
  const sections: RawSection[] = [];
  const warnings: LasWarning[] = [];
  const len = b.length;
  let current: RawSection | null = null;
  let hasMainData = false;
  let preamble = false;
  let pos = 0;
  let line = 1;
  while (pos < len) {
    const e = lineEnd(b, pos, len);
    let s = pos;
    while (s < e && (b[s] === 32 || b[s] === 9)) s++;
    if (s < e && b[s] === 0x7e) {
      const rawTitle = decode(s + 1, e);
      const title = rawTitle.trim();
      let { role, set } = classifyTitle(title);
      const next = afterBreak(b, e, len);
      const unnamed = rawTitle[0] === ' ' || rawTitle[0] === '\t';
      if (
        role === 'unknown' &&
        unnamed &&
        !hasMainData &&
        looksNumeric(firstContentByte(b, next, len))
      ) {
        role = 'data';
        set = 'LOG';
        warnings.push({
          line,
          message: `section title '~${rawTitle.trimEnd()}' has no name but is followed by numbers; read as the ~A data section`,
        });
      }
      if (role === 'data') {
        if (isLogSet(set)) hasMainData = true;
        const stop = nextSectionStart(b, next, len);
        sections.push({
          title,
          line,
          role,
          set,
          lines: [],
          start: next,
          end: stop,
          firstLine: line + 1,
        });
        current = null;
        line += 1 + (stop < len ? countBreaks(b, next, stop) : 0);
        pos = stop;
        continue;
      }
      current = { title, line, role, set, lines: [], start: 0, end: 0, firstLine: line + 1 };
      sections.push(current);
    } else if (s < e && b[s] !== 0x23) {
      const text = decode(s, e).trim();
      if (current) current.lines.push({ text, line, indent: s - pos });
      else if (sections.length === 0 && !preamble) {
        preamble = true;
        warnings.push({ line, message: 'text before the first ~ section ignored' });
      }
    }
    pos = afterBreak(b, e, len);
    line++;
  }
  return { sections, warnings };
}
