import { describe, expect, it } from 'vitest';
import { sourceLas, sourceLasV110, sourceLasV120 } from './source-las.ts';
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

describe('source.las 1.2.0: index curves of stacked wells under one name', () => {
  it("stacks DEPTH and MD under the first file's DEPT, converting feet, and says so", async () => {
    const files = memoryFiles({
      'a.las': las('A', 'DEPT', ['100 1', '101 2']),
      'b.las': las('B', 'DEPTH', ['200 3', '201 4']),
      'c.las': las('C', 'MD', ['300 5']).replace(' MD.M :', ' MD.F :'),
    });
    const ctx = testContext({ files });
    const batches = await collect(sourceLasV120.read({ file: '*.las' }, ctx));
    expect(batches[0]!.schema.fields.map((f) => f.name)).toEqual(['DEPT', 'GR', 'WELL']);
    const dept = batches.flatMap((b) => values(b, 'DEPT'));
    // 300 ft = 91.44 m exactly.
    expect(dept).toEqual([100, 101, 200, 201, 91.44]);
    expect(batches.flatMap((b) => values(b, 'GR'))).toEqual([1, 2, 3, 4, 5]);
    expect(ctx.warnings).toEqual([
      'b.las: index curve DEPTH stacked as DEPT (the index of a.las).',
      'c.las: index curve MD stacked as DEPT (the index of a.las).',
      'DEPT of c.las converted from F to M.',
    ]);
  });

  it('keeps an index apart when the file also has a curve of that name, or units differ', async () => {
    const twin = las('B', 'DEPTH', ['200 3']).replace(' GR.API :', ' DEPT.M :');
    const time = las('C', 'TIME', ['5 6']).replace(' TIME.M :', ' TIME.S :');
    const files = memoryFiles({
      'a.las': las('A', 'DEPT', ['100 1']),
      'b.las': twin,
      'c.las': time,
    });
    const ctx = testContext({ files });
    const batches = await collect(sourceLasV120.read({ file: '*.las' }, ctx));
    const names = batches[0]!.schema.fields.map((f) => f.name);
    expect(names).toEqual(['DEPT', 'GR', 'DEPTH', 'TIME', 'WELL']);
    expect(batches.flatMap((b) => values(b, 'DEPT'))).toEqual([100, 3, null]);
    const w = ctx.warnings.filter((m) => /index curve/.test(m));
    expect(w).toHaveLength(2);
    expect(w[0]).toMatch(/^b\.las: .* not stacked as DEPT: b\.las also has a curve named DEPT\./);
    expect(w[1]).toMatch(/^c\.las: .* not stacked as DEPT: their units differ \(M and S\)/);
  });

  it('is offered as an upgrade of 1.1.0 that changes no parameter', () => {
    expect(sourceLasV120.migration?.from).toBe('1.1.0');
    expect(sourceLasV120.migration?.migrate({ file: '*.las' })).toEqual({ file: '*.las' });
  });
});
