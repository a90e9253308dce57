import { describe, expect, it } from 'vitest';
import { expressionProblem } from './expression-check.ts';

describe('expressionProblem', () => {
  it('accepts scalar expressions, including strings and quoted names with special characters', () => {
    for (const ok of [
      'GR * 0.5',
      '(NPHI + PHID) / 2',
      "CASE WHEN LITH = 'a;b' THEN 1 ELSE 0 END",
      '"depth (m)" + 1',
      "'it''s' || LITH",
      'extract(year FROM d)',
    ]) {
      expect(expressionProblem(ok), ok).toBeUndefined();
    }
  });

  it('refuses what is not one scalar expression, saying why', () => {
    expect(expressionProblem('')).toMatch(/empty/);
    expect(expressionProblem('1; DROP TABLE input')).toMatch(/";"/);
    expect(expressionProblem('GR -- comment')).toMatch(/comments/);
    expect(expressionProblem('(SELECT max(GR) FROM input)')).toMatch(/subqueries/);
    expect(expressionProblem('avg(GR) OVER ()')).toMatch(/window functions/);
    expect(expressionProblem('GR) AS x FROM input UNION ALL (1')).toMatch(/subqueries|"\)"/);
    expect(expressionProblem('GR) + (1')).toMatch(/no matching/);
    expect(expressionProblem('(GR')).toMatch(/not closed/);
    expect(expressionProblem("'open")).toMatch(/not closed/);
  });
});
