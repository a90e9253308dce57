/**
 * One capping mechanism for data warnings (`WarningSink`, kinds given) and header warnings
 * (`capWarnings`, kinds from the message): the same cap, the same summary line, in the same place
 * (right after the last warning of its kind listed).
 */
import { describe, expect, it } from 'vitest';
import type { LasWarning } from './types.ts';
import { WARNINGS_PER_KIND, WarningSink, capWarnings, formatLasWarning } from './warnings.ts';

/** 25 warnings `'xN' is bad` on lines 10..34, then 2 of another kind on lines 40, 41. */
function sample(): { kind: string; line: number; message: string }[] {
  const bad = Array.from({ length: 25 }, (_, i) => ({
    kind: 'bad',
    line: 10 + i,
    message: `'x${i}' is bad`,
  }));
  const other = [40, 41].map((line) => ({ kind: 'other', line, message: 'something else' }));
  return [...bad, ...other];
}

describe('warnings capped per kind', () => {
  it('data: the summary follows the last listed warning of its kind, naming the kind', () => {
    const list: LasWarning[] = [{ line: 1, message: 'before' }];
    const sink = new WarningSink(list);
    for (const w of sample()) sink.add(w.kind, w.line, w.message);
    sink.finish();
    const shown = list.map(formatLasWarning);
    expect(shown).toHaveLength(1 + WARNINGS_PER_KIND + 1 + 2);
    // Was at the very end, after the warnings of other kinds (and the ~Well range checks).
    expect(shown[WARNINGS_PER_KIND + 1]).toBe(
      'line 30: and 5 more like this (bad; lines 30-34) not listed',
    );
    expect(shown.slice(-2)).toEqual(['line 40: something else', 'line 41: something else']);
  });

  it('header: capWarnings gives the same list, the kind (a blanked message) left unnamed', () => {
    const list: LasWarning[] = [{ line: 1, message: 'before' }];
    for (const w of sample()) list.push({ line: w.line, message: w.message });
    capWarnings(list, 1);
    const shown = list.map(formatLasWarning);
    expect(shown[0]).toBe('line 1: before');
    expect(shown[WARNINGS_PER_KIND + 1]).toBe(
      'line 30: and 5 more like this (lines 30-34) not listed',
    );
    expect(shown.slice(-2)).toEqual(['line 40: something else', 'line 41: something else']);
    expect(shown).toHaveLength(1 + WARNINGS_PER_KIND + 1 + 2);
  });

  it('the lines left out span the lowest to the highest, in whatever order they came', () => {
    const list: LasWarning[] = [];
    const sink = new WarningSink(list);
    for (const line of [...Array.from({ length: 20 }, (_, i) => i + 1), 90, 50, 70])
      sink.add('k', line, 'm');
    sink.finish();
    expect(list.at(-1)).toEqual({
      line: 50,
      message: 'and 3 more like this (k; lines 50-90) not listed',
    });
  });

  it('finish() twice adds nothing more; kinds at the cap get no summary', () => {
    const list: LasWarning[] = [];
    const sink = new WarningSink(list);
    for (let i = 0; i < WARNINGS_PER_KIND; i++) sink.add('k', i, 'm');
    sink.finish();
    sink.finish();
    expect(list).toHaveLength(WARNINGS_PER_KIND);
  });
});
