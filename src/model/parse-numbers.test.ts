import { describe, expect, it } from 'vitest';
import { parsePipelineText } from './parse.ts';
import { samplePipeline, testCatalogue } from './test-catalogue.ts';

/** The sample pipeline with `grMax` written as `literal`, pretty-printed like a saved file. */
function withGrMax(literal: string): string {
  const text = JSON.stringify(samplePipeline(), null, 2);
  const out = text.replace(/("grMax": )[^,\n]+/, `$1${literal}`);
  expect(out).not.toBe(text);
  return out;
}

describe('numbers JSON.parse would turn into Infinity', () => {
  it('refuses 1e309 and -1e400 with the line, the column and the number as written', () => {
    for (const lit of ['1e309', '-1e400', `1${'0'.repeat(400)}`]) {
      const r = parsePipelineText(withGrMax(lit), testCatalogue);
      expect(r.ok, lit).toBe(false);
      if (r.ok) continue;
      expect(r.error).toHaveLength(1);
      const e = r.error[0];
      const line =
        withGrMax(lit)
          .split('\n')
          .findIndex((l) => l.includes('"grMax"')) + 1;
      expect(e?.line, lit).toBe(line);
      expect(e?.message, lit).toMatch(
        new RegExp(
          `^line ${line}, column \\d+: the number ${lit.slice(0, 12)}.* is too large \\(numbers go up to about 1\\.8e308\\)`,
        ),
      );
      expect(e?.message).not.toContain('Infinity');
      expect(e?.message.length, lit).toBeLessThan(200);
    }
  });

  it('keeps the largest finite number, -0 and an underflow to 0 (as JSON.parse reads them)', () => {
    for (const [lit, value] of [
      ['1.7976931348623157e308', 1000],
      ['-0', 0],
      ['1e-400', 0],
    ] as const) {
      const r = parsePipelineText(withGrMax(lit), testCatalogue);
      // grMax is capped at 1000 by the schema: a finite number reaches validation, not the scanner.
      if (value === 1000) {
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error[0]?.message).toMatch(/grMax.*1000/);
      } else expect(r.ok && r.value.nodes[1]?.params.grMax === value, lit).toBe(true);
    }
  });
});
