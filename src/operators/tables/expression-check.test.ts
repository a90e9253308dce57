import { describe, expect, it } from 'vitest';
import { expressionProblem, referencedColumns } from './expression-check.ts';

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

describe('referencedColumns', () => {
  const names = ['DEPT', 'GR', 'RHOB', 'depth (m)', 'NPHI'];
  it('keeps every column named anywhere in the text, case-insensitively', () => {
    expect(referencedColumns('(gr - 10) / 140', names)).toEqual(['GR']);
    // A superset: DEPT also occurs inside "depth".
    expect(referencedColumns('"depth (m)" + RHOB', names)).toEqual(['DEPT', 'RHOB', 'depth (m)']);
    expect(referencedColumns('42', names)).toEqual([]);
  });
  it('gives up (every column) on a star, COLUMNS(...) or the table name', () => {
    expect(referencedColumns('hash(*)', names)).toBeUndefined();
    expect(referencedColumns("COLUMNS('G.*')", names)).toBeUndefined();
    expect(referencedColumns('to_json(input)', names)).toBeUndefined();
    expect(referencedColumns('GR * 2', names)).toEqual(['GR']);
  });
});
