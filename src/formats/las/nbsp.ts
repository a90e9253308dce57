/**
 * Non-breaking spaces between values (text pasted through a word processor or a web page, or a
 * French-locale export): in SPACE data they separate values, as they do for lasio, whose reader
 * splits lines with Python's `str.split()` (which splits on U+00A0). Read as bytes, U+00A0 glued
 * two values into one bad token (`100<NBSP>1`): the depth became null and the next values moved
 * into the wrong curves. Replaced here by blanks of the same byte length, so byte offsets hold.
 */
import { countBreaks } from './lines.ts';
import type { RawSection } from './sections.ts';
import type { LasWarning } from './types.ts';

/** `b` with every non-breaking space inside the given byte ranges made blanks (a copy when any). */
export function blankNbsp(
  b: Uint8Array,
  encoding: string,
  sections: readonly RawSection[],
  warnings: LasWarning[],
): Uint8Array {
  if (b.indexOf(0xa0) < 0) return b;
  const single = encoding === 'windows-1252';
  let out: Uint8Array | null = null;
  let firstLine = 0;
  for (const s of sections) {
    // Searched within the section only: thousands of data sections stay linear.
    const part = b.subarray(s.start, s.end);
    for (let k = part.indexOf(0xa0); k >= 0; k = part.indexOf(0xa0, k + 1)) {
      const width = single ? 1 : k > 0 && part[k - 1] === 0xc2 ? 2 : 0;
      if (width === 0) continue;
      out ??= b.slice();
      out.fill(32, s.start + k - width + 1, s.start + k + 1);
      if (firstLine === 0) firstLine = s.firstLine + countBreaks(part, 0, k);
    }
  }
  if (!out) return b;
  warnings.push({
    line: firstLine,
    message:
      'non-breaking spaces in the data read as blanks between values (replace them by spaces)',
  });
  return out;
}
