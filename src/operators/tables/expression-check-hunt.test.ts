import { describe, expect, it } from 'vitest';
import {
  caseShadowed,
  columnsProblem,
  expressionProblem,
  identifiers,
} from './expression-check.ts';

describe('expressionProblem: subqueries without SELECT', () => {
  it("refuses DuckDB's FROM-first, VALUES, TABLE and other query forms in parentheses", () => {
    for (const e of [
      'GR - (FROM input ORDER BY GR DESC LIMIT 1)',
      'GR IN (FROM input)',
      'EXISTS ( from input)',
      '(VALUES (1))',
      '(TABLE input)',
      '((SUMMARIZE input))',
      '(PIVOT input ON GR)',
      '(WITH t AS (FROM input) FROM t)',
    ]) {
      expect(expressionProblem(e), e).toMatch(
        /^subqueries \("\((FROM|VALUES|TABLE|SUMMARIZE|PIVOT|WITH) \.\.\."\) are not allowed/,
      );
    }
  });

  it('keeps FROM inside functions and comparisons, and in strings or quoted names', () => {
    for (const e of [
      "EXTRACT(YEAR FROM DATE '2020-01-01')",
      'GR IS DISTINCT FROM RT',
      'substring(LITH FROM 1 FOR 2)',
      "'(from x)' || LITH",
      '"(FROM)" + 1',
      'fromage + values_x',
    ]) {
      expect(expressionProblem(e), e).toBeUndefined();
    }
  });
});

describe('columnsProblem and caseShadowed', () => {
  const names = ['DEPT', 'GR', 'gr', 'Grad'];

  it('finds bare and quoted names, skipping strings and numbers', () => {
    expect(identifiers(`ln("gr") + 'GR' * 1e3 + "a""b"`)).toEqual([
      { name: 'ln', quoted: false },
      { name: 'gr', quoted: true },
      { name: 'a"b', quoted: true },
    ]);
  });

  it('lets an exact spelling choose among names differing in case, and hides the others', () => {
    expect(columnsProblem('gr * 2 + Grad', names)).toBeUndefined();
    expect([...caseShadowed('gr * 2', names)]).toEqual(['GR']);
    expect([...caseShadowed('DEPT * 2', names)]).toEqual(['GR', 'gr']);
    expect(columnsProblem('GR - "gr"', names)).toMatch(/"GR" and "gr" differ only in case/);
    expect(columnsProblem('gR', names)).toMatch(/"gR" is ambiguous/);
  });

  it('refuses rowid and run-dependent functions unless they are columns', () => {
    expect(columnsProblem('ROWID * 2', names)).toMatch(/rowid is not allowed/);
    expect(columnsProblem('rowid * 2', ['rowid'])).toBeUndefined();
    expect(columnsProblem('CURRENT_TIMESTAMP', names)).toMatch(/changes from run to run/);
    expect(columnsProblem('"random" + 1', names)).toBeUndefined();
    expect(columnsProblem("'now' || LITH", names)).toBeUndefined();
  });
});
