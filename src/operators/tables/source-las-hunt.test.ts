import { describe, expect, it } from 'vitest';
import { sourceLas, sourceLasV110 } from './source-las.ts';
import { collect, memoryFiles, testContext, values } from './test-context.ts';

function las(well: string, index: string, rows: string[]): string {
  return [
    '~VERSION INFORMATION',
    ' VERS.   2.0 : CWLS LOG ASCII STANDARD - VERSION 2.0',
    ' WRAP.   NO  : ONE LINE PER DEPTH STEP',
    '~WELL INFORMATION',
    ' NULL.   -999.25 : NULL VALUE',
    ` WELL.   ${well} : WELL`,
    '~CURVE INFORMATION',
    ` ${index}.M : depth`,
    ' GR.API : gamma ray',
    '~A',
    ...rows,
    '',
  ].join('\n');
}

describe('source.las: stacked wells whose index mnemonics differ', () => {
  it('warns that the later well has no value in the stacked index column', async () => {
    const files = memoryFiles({
      'a.las': las('A', 'DEPT', ['100 1', '101 2']),
      'b.las': las('B', 'DEPTH', ['200 3', '201 4']),
      'c.las': las('C', 'DEPT', ['300 5']),
    });
    for (const op of [sourceLas, sourceLasV110]) {
      const ctx = testContext({ files });
      const batches = await collect(op.read({ file: '*.las' }, ctx));
      const dept = batches.flatMap((b) => values(b, 'DEPT'));
      expect(dept).toEqual([100, 101, null, null, 300]);
      const w = ctx.warnings.filter((m) => /index curve/.test(m));
      expect(w).toHaveLength(1);
      expect(w[0]).toMatch(/^b\.las: the index curve is DEPTH, not DEPT as in a\.las/);
      expect(w[0]).toMatch(/filter\.depth, resample and zones\.assign on DEPT drop them/);
    }
  });

  it('says nothing when every file has the same index mnemonic', async () => {
    const files = memoryFiles({
      'a.las': las('A', 'DEPT', ['100 1']),
      'b.las': las('B', 'DEPT', ['200 3']),
    });
    const ctx = testContext({ files });
    await collect(sourceLas.read({ file: '*.las' }, ctx));
    expect(ctx.warnings.filter((m) => /index curve/.test(m))).toEqual([]);
  });
});
