/**
 * LAS 1.2/2.0 have no DLM item, yet spreadsheets export LAS data comma- or tab-separated, with
 * empty fields for missing values. Read with blanks as separators, `100,1,2` is one bad token,
 * `100, 1, 2` gives text `1,` and `100<TAB><TAB>2` shifts 2 into the wrong curve. This finds such
 * data: on every sampled line the delimiter gives exactly one field per curve and no field holds a
 * blank inside (unless quoted), which blank-separated values with a comma decimal mark never do
 * (`1,5 2,5` gives the field `5 2`); for TAB, some line must also not split into one value per
 * curve on blanks (else SPACE reads it the same).
 */
import { afterBreak, lineEnd } from './lines.ts';
import { Tokens, tokenizeLine } from './tokens.ts';
import type { LasDelimiter } from './types.ts';

/** Data lines looked at. */
const LINES = 50;

function fieldsFit(text: string, sep: string, nCols: number): boolean {
  let fields = text.split(sep);
  if (fields.length > 1 && fields[fields.length - 1]!.trim() === '') fields = fields.slice(0, -1);
  if (fields.length !== nCols) return false;
  return fields.every((f) => {
    const t = f.trim();
    return t[0] === '"' || t[0] === "'" || !/[ \t]/.test(t);
  });
}

/** `COMMA` or `TAB` when SPACE-declared data in `b[start, end)` is clearly delimited so; else null. */
export function sniffDelimiter(
  b: Uint8Array,
  decode: (s: number, e: number) => string,
  start: number,
  end: number,
  nCols: number,
): LasDelimiter | null {
  if (nCols < 2) return null;
  const lines: string[] = [];
  let spaceMisfits = 0;
  const tok = new Tokens();
  for (let pos = start; pos < end && lines.length < LINES;) {
    const e = lineEnd(b, pos, end);
    tokenizeLine(b, pos, end, 0, tok);
    if (tok.count > 0) {
      lines.push(decode(pos, e));
      if (tok.count !== nCols) spaceMisfits++;
    }
    pos = afterBreak(b, e, end);
  }
  if (lines.length === 0) return null;
  if (lines.every((l) => l.includes(',') && fieldsFit(l, ',', nCols))) return 'COMMA';
  // Tabs are blanks to SPACE: switching matters only where a line has empty fields.
  if (spaceMisfits > 0 && lines.every((l) => l.includes('\t') && fieldsFit(l, '\t', nCols)))
    return 'TAB';
  return null;
}
