import { describe, expect, it } from 'vitest';
import { caseClashWarning, caseGroups, duckdbColumnNames } from './case-clash.ts';

describe('column names that differ only in case', () => {
  it('are grouped by their lowercase form, in the order given', () => {
    expect([...caseGroups(['GR', 'DEPT', 'gr', 'Gr'])]).toEqual([
      ['gr', ['GR', 'gr', 'Gr']],
      ['dept', ['DEPT']],
    ]);
  });

  it('are renamed as DuckDB renames them: later ones get _1, _2', () => {
    expect(duckdbColumnNames(['GR', 'gr', 'Gr'])).toEqual(['GR', 'gr_1', 'Gr_2']);
    expect(duckdbColumnNames(['DEPT', 'GR', 'RHOB'])).toEqual(['DEPT', 'GR', 'RHOB']);
    // A name already taken by a rename moves on to the next number.
    expect(duckdbColumnNames(['a', 'A', 'a_1'])).toEqual(['a', 'A_1', 'a_1_1']);
  });

  it('get a warning naming what each reads and what to write', () => {
    expect(caseClashWarning('input', ['DEPT', 'GR'])).toBeUndefined();
    const w = caseClashWarning('logs', ['DEPT', 'GR', 'gr']) ?? '';
    expect(w).toContain('Input table logs');
    expect(w).toContain('"gr" reads GR; write gr_1 for the column gr');
  });
});
