/**
 * Decides, before streaming, which curves are text: the schema must be known when the file is
 * opened, so the first rows of the data section are sampled. A curve is text when its LAS 3.0 format
 * is `{S}`, or when the sample holds more non-numeric tokens (other than null spellings) than
 * numbers (NULL values do not count); one bad token in a numeric curve therefore never turns it into text.
 */
import { afterBreak } from './lines.ts';
import { commaDecimal, parseNumberBytes, unicodeMinus } from './number.ts';
import { isNullSpelling } from './nulls.ts';
import { fusedPoints, splitRunOn } from './runOn.ts';
import { Tokens, delimiterByte, isQuoted, tokenizeLine } from './tokens.ts';
import type { LasCurveInfo, LasDelimiter } from './types.ts';
import { uniqueNames } from './items.ts';

/** Rows sampled to decide curve kinds. */
export const SAMPLE_ROWS = 1000;

/** Sample statistics of a data section. */
export interface SampleResult {
  /** Values on the first data line (unwrapped files); 0 when the section is empty. */
  readonly firstLineCount: number;
  /** Values on each sampled line (lines without values left out), run-on values counted apart. */
  readonly lineCounts: readonly number[];
  readonly numeric: number[];
  readonly text: number[];
}

/**
 * Counts numeric and text tokens per column over the first rows of `b[start, end)`. With `flow`
 * (wrapped data: the curves per record), values flow over lines into records as the reader reads
 * them (one stream, so a record may end inside a line); without it, the n-th value of a line counts for the n-th curve (the 4th value of a wrapped
 * line `1 2 3 ab` was counted for the 4th curve, so a numeric curve was read as text).
 */
export function sampleData(
  b: Uint8Array,
  decode: (s: number, e: number) => string,
  start: number,
  end: number,
  delimiter: LasDelimiter,
  nullValue: number | null,
  flow = 0,
): SampleResult {
  const tok = new Tokens();
  const dlm = delimiterByte(delimiter);
  const numeric: number[] = [];
  const text: number[] = [];
  let pos = start;
  const lineCounts: number[] = [];
  // Wrapped data is one stream of values in records of `flow` (a record may end inside a line).
  const at = (c: number): number => (flow > 0 ? c % flow : c);
  const count = (into: number[], c: number): void => {
    into[at(c)] = (into[at(c)] ?? 0) + 1;
  };
  /** Curve of the first value on the next line (wrapped data continues a record). */
  let next = 0;
  for (let rows = 0; pos < end && rows < SAMPLE_ROWS;) {
    const e = tokenizeLine(b, pos, end, dlm, tok);
    if (tok.count > 0) {
      rows++;
      const first = next;
      let c = first;
      for (let t = 0; t < tok.count; t++, c++) {
        const s = tok.starts[t]!;
        const f = tok.ends[t]!;
        const k = at(c);
        numeric[k] ??= 0;
        text[k] ??= 0;
        // A quoted value in SPACE data is text as written (writeLas quotes `0012` so); in COMMA/TAB
        // data quotes only protect delimiters (spreadsheets quote numbers too).
        if (dlm === 0 && isQuoted(b, s, f)) {
          text[k]++;
          continue;
        }
        // NULL values and null spellings are no evidence either way.
        const v = parseNumberBytes(b, s, f);
        if (v === nullValue) continue;
        if (!Number.isNaN(v)) numeric[k]++;
        else {
          const cuts = dlm === 0 ? splitRunOn(b, s, f) : null;
          if (cuts) {
            for (let k = 0; k + 1 < cuts.length; k++) count(numeric, c + k);
            c += cuts.length - 2;
            continue;
          }
          // Fused values (`1234.5671234.567`) are read as nulls: no evidence either.
          if (dlm === 0 && fusedPoints(b, s, f) > 0) continue;
          const word = decode(s, f);
          // An overflowing number (1e999) is a bad number, not text; `123,42` is a number.
          if (isNullSpelling(word)) continue;
          // `\u22121.5` (Unicode minus) and `123,42` (comma decimal mark) are numbers too.
          const minus = unicodeMinus(word);
          const alt = !Number.isNaN(minus) || dlm === 44 ? minus : commaDecimal(word);
          if (alt === nullValue) continue;
          if (!Number.isNaN(alt) || Math.abs(Number(word)) === Infinity) numeric[k]++;
          else text[k]++;
        }
      }
      lineCounts.push(c - first);
      next = flow > 0 ? c % flow : 0;
    }
    pos = afterBreak(b, e, end);
  }
  for (let c = 0; c < numeric.length; c++) text[c] ??= 0;
  return { firstLineCount: lineCounts[0] ?? 0, lineCounts, numeric, text };
}

/**
 * Final curves of the main table: kinds from hints and the sample; for unwrapped files, when the
 * first data line has more values than declared curves, unnamed `UNKNOWN` curves are added.
 */
export function settleCurves(
  declared: readonly LasCurveInfo[],
  sample: SampleResult,
  wrapped: boolean,
  dataLine: number,
  reserved: readonly string[],
): { curves: LasCurveInfo[]; added: number } {
  const extra = wrapped ? 0 : Math.max(0, sample.firstLineCount - declared.length);
  const names = uniqueNames(
    [...declared.map((c) => c.mnemonic), ...Array<string>(extra).fill('')],
    reserved,
  );
  const all: LasCurveInfo[] = [
    ...declared,
    ...names.slice(declared.length).map((mnemonic) => ({
      mnemonic,
      originalMnemonic: '',
      unit: '',
      description: '',
      kind: 'number' as const,
      line: dataLine,
    })),
  ];
  const curves = all.map((c, i) => {
    const num = sample.numeric[i] ?? 0;
    const txt = sample.text[i] ?? 0;
    const isText = c.kind === 'text' || txt > num;
    return { ...c, kind: isText ? ('text' as const) : ('number' as const) };
  });
  return { curves, added: extra };
}

/**
 * True when a file that says `WRAP NO` holds wrapped data: every sampled record starts with a line
 * holding the index alone (as LAS 2.0 wrapped mode writes it), the lines that follow add up to
 * exactly `nCols` values without crossing a record, and some line holds several values (so a file
 * whose lines all hold one value is not taken for wrapped). lasio reads such files right because it
 * flows all values into rows of `nCols`; reading them one row per line gives garbage.
 */
export function looksWrapped(lineCounts: readonly number[], nCols: number): boolean {
  if (nCols < 2 || lineCounts[0] !== 1) return false;
  let inRecord = 0;
  let records = 0;
  let several = false;
  for (const n of lineCounts) {
    if (inRecord === 0 && n !== 1) return false;
    if (n > 1) several = true;
    inRecord += n;
    if (inRecord > nCols) return false;
    if (inRecord === nCols) {
      records++;
      inRecord = 0;
    }
  }
  return records > 0 && several;
}
