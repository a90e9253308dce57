/**
 * Decides, before streaming, which curves are text: the schema must be known when the file is
 * opened, so the first rows of the data section are sampled. A curve is text when its LAS 3.0 format
 * is `{S}`, or when the sample holds more non-numeric tokens (other than null spellings) than
 * numbers (NULL values do not count); one bad token in a numeric curve therefore never turns it into text.
 */
import { afterBreak } from './lines.ts';
import { parseNumberBytes } from './number.ts';
import { isNullSpelling } from './nulls.ts';
import { Tokens, delimiterByte, tokenizeLine } from './tokens.ts';
import type { LasCurveInfo, LasDelimiter } from './types.ts';
import { formatHint, uniqueNames } from './items.ts';

/** Rows sampled to decide curve kinds. */
export const SAMPLE_ROWS = 1000;

/** Sample statistics of a data section. */
export interface SampleResult {
  /** Values on the first data line (unwrapped files); 0 when the section is empty. */
  readonly firstLineCount: number;
  readonly numeric: number[];
  readonly text: number[];
}

/** Counts numeric and text tokens per column over the first rows of `b[start, end)`. */
export function sampleData(
  b: Uint8Array,
  decode: (s: number, e: number) => string,
  start: number,
  end: number,
  delimiter: LasDelimiter,
  nullValue: number | null,
): SampleResult {
  const tok = new Tokens();
  const dlm = delimiterByte(delimiter);
  const numeric: number[] = [];
  const text: number[] = [];
  let firstLineCount = 0;
  let pos = start;
  for (let rows = 0; pos < end && rows < SAMPLE_ROWS;) {
    const e = tokenizeLine(b, pos, end, dlm, tok);
    if (tok.count > 0) {
      if (rows === 0) firstLineCount = tok.count;
      rows++;
      for (let t = 0; t < tok.count; t++) {
        const s = tok.starts[t]!;
        const f = tok.ends[t]!;
        numeric[t] ??= 0;
        text[t] ??= 0;
        // NULL values and null spellings are no evidence either way.
        const v = parseNumberBytes(b, s, f);
        if (v === nullValue) continue;
        if (!Number.isNaN(v)) numeric[t]!++;
        else {
          const word = decode(s, f);
          // An overflowing number (1e999) is a bad number, not text.
          if (isNullSpelling(word)) continue;
          if (Math.abs(Number(word)) === Infinity) numeric[t]!++;
          else text[t]!++;
        }
      }
    }
    pos = afterBreak(b, e, end);
  }
  return { firstLineCount, numeric, text };
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
    const hint = formatHint(c.description);
    const num = sample.numeric[i] ?? 0;
    const txt = sample.text[i] ?? 0;
    const isText = hint === 'text' || txt > num;
    return { ...c, kind: isText ? ('text' as const) : ('number' as const) };
  });
  return { curves, added: extra };
}
