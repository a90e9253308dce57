import { describe, expect, it } from 'vitest';
import { PetroflowException } from '../../model/errors.ts';
import { sourceLas, sourceLasV110 } from './source-las.ts';
import { collect, memoryFiles, testContext, values } from './test-context.ts';

function las(well: string, curves: [string, string][], rows: string[]): string {
  return [
    '~VERSION INFORMATION',
    ' VERS.   2.0 : CWLS LOG ASCII STANDARD - VERSION 2.0',
    ' WRAP.   NO  : ONE LINE PER DEPTH STEP',
    '~WELL INFORMATION',
    ' NULL.   -999.25 : NULL VALUE',
    ` WELL.   ${well} : WELL`,
    '~CURVE INFORMATION',
    ...curves.map(([m, u]) => ` ${m}.${u} : ${m} curve`),
    '~A',
    ...rows,
    '',
  ].join('\n');
}

const files = memoryFiles({
  'b.las': las(
    'WELL-B',
    [
      ['DEPT', 'M'],
      ['GR', 'API'],
      ['RHOB', 'G/C3'],
    ],
    ['1000.0 50 2.3', '1000.5 -999.25 2.4'],
  ),
  'a.las': las(
    'WELL-A',
    [
      ['DEPT', 'M'],
      ['GR', 'GAPI'],
    ],
    ['500.0 40', '500.5 45', '501.0 47'],
  ),
  'notes.csv': 'x\n1\n',
});

describe('source.las', () => {
  it('reads one file by name', async () => {
    const batches = await collect(sourceLas.read({ file: 'a.las' }, testContext({ files })));
    const names = batches[0]!.schema.fields.map((f) => f.name);
    expect(names).toEqual(['DEPT', 'GR', 'WELL']);
    expect(batches.flatMap((b) => values(b, 'GR'))).toEqual([40, 45, 47]);
  });

  it('stacks a glob in sorted name order with the union of curves', async () => {
    const ctx = testContext({ files });
    const batches = await collect(sourceLas.read({ file: '*.las' }, ctx));
    const schema = batches[0]!.schema;
    expect(schema.fields.map((f) => f.name)).toEqual(['DEPT', 'GR', 'RHOB', 'WELL']);
    // Field metadata comes from the first file with the column: a.las says GAPI for GR.
    expect(schema.fields[1]?.metadata.get('unit')).toBe('GAPI');
    expect(schema.fields[2]?.metadata.get('unit')).toBe('G/C3');
    expect(batches.flatMap((b) => values(b, 'WELL'))).toEqual([
      'WELL-A',
      'WELL-A',
      'WELL-A',
      'WELL-B',
      'WELL-B',
    ]);
    expect(batches.flatMap((b) => values(b, 'RHOB'))).toEqual([null, null, null, 2.3, 2.4]);
    expect(batches.flatMap((b) => values(b, 'GR'))).toEqual([40, 45, 47, 50, null]);
    expect(ctx.progressed.at(-1)).toBe(5);
  });

  it('forwards reader warnings with file and line', async () => {
    const bad = memoryFiles({
      'c.las': las(
        'C',
        [
          ['DEPT', 'M'],
          ['GR', 'API'],
        ],
        ['1 2 3', '2 4'],
      ),
    });
    const ctx = testContext({ files: bad });
    await collect(sourceLas.read({ file: 'c.las' }, ctx));
    expect(ctx.warnings.length).toBeGreaterThan(0);
    expect(ctx.warnings[0]).toMatch(/^c\.las: line \d+: /);
  });

  it('fails with FILE_NOT_FOUND naming the pattern and the available files', async () => {
    const e = await collect(sourceLas.read({ file: '*.LAS3' }, testContext({ files }))).catch(
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(PetroflowException);
    const d = (e as PetroflowException).detail;
    expect(d.code).toBe('FILE_NOT_FOUND');
    expect(d.message).toMatch(
      /No file matches "\*\.LAS3"\. Available files: a\.las, b\.las, notes\.csv/,
    );
  });

  it('fails with LAS_READ naming the file and line', async () => {
    const broken = memoryFiles({ 'x.las': 'this is not a LAS file\n' });
    const e = await collect(
      sourceLas.read({ file: 'x.las' }, testContext({ files: broken })),
    ).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(PetroflowException);
    expect((e as PetroflowException).detail.code).toBe('LAS_READ');
    expect((e as PetroflowException).detail.file).toBe('x.las');
  });
});

describe('source.las with wells in different depth units', () => {
  const mixed = memoryFiles({
    'w1.las': las(
      'W1',
      [
        ['DEPT', 'M'],
        ['GR', 'GAPI'],
        ['TEMP', 'DEGC'],
      ],
      ['1600.0 40 60', '1600.1524 42 61'],
    ),
    'w2.las': las(
      'W2',
      [
        ['DEPT', 'F'],
        ['GR', 'API'],
        ['TEMP', 'DEGF'],
      ],
      ['5250.0 50 140', '5250.5 -999.25 141', '5251.0 52 142'],
    ),
  });

  it('1.0.0 stacks the values as they are and warns that the column mixes units', async () => {
    const ctx = testContext({ files: mixed });
    const batches = await collect(sourceLas.read({ file: '*.las' }, ctx));
    expect(batches.flatMap((b) => values(b, 'DEPT'))).toEqual([
      1600, 1600.1524, 5250, 5250.5, 5251,
    ]);
    const units = ctx.warnings.filter((w) => w.includes('in the first file'));
    // DEPT (M vs F) and TEMP (DEGC vs DEGF); GR in GAPI and API is one unit, so no warning.
    expect(units).toHaveLength(2);
    expect(units[0]).toMatch(/^DEPT is in F in w2\.las but in M .*1\.1\.0/);
    expect(units[1]).toMatch(/^TEMP is in DEGF in w2\.las but in DEGC/);
  });

  it('1.1.0 converts the feet well to metres (1 ft = 0.3048 m) and keeps nulls', async () => {
    const ctx = testContext({ files: mixed });
    const batches = await collect(sourceLasV110.read({ file: '*.las' }, ctx));
    const schema = batches[0]!.schema;
    expect(schema.fields[0]?.metadata.get('unit')).toBe('M');
    // 5250 ft = 1600.2 m, 5250.5 ft = 1600.3524 m, 5251 ft = 1600.5048 m (exact decimals).
    expect(batches.flatMap((b) => values(b, 'DEPT'))).toEqual([
      1600, 1600.1524, 1600.2, 1600.3524, 1600.5048,
    ]);
    expect(batches.flatMap((b) => values(b, 'GR'))).toEqual([40, 42, 50, null, 52]);
    // Temperatures are not lengths: stacked as they are, with a warning.
    expect(batches.flatMap((b) => values(b, 'TEMP'))).toEqual([60, 61, 140, 141, 142]);
    expect(ctx.warnings).toContain('DEPT of w2.las converted from F to M.');
    expect(ctx.warnings.some((w) => /^TEMP .*cannot convert/.test(w))).toBe(true);
  });

  it('1.1.0 gives the same table as 1.0.0 when every file is in one unit', async () => {
    const a = await collect(sourceLas.read({ file: '*.las' }, testContext({ files })));
    const b = await collect(sourceLasV110.read({ file: '*.las' }, testContext({ files })));
    for (const col of ['DEPT', 'GR', 'RHOB', 'WELL'])
      expect(b.flatMap((x) => values(x, col))).toEqual(a.flatMap((x) => values(x, col)));
  });

  it('offers 1.1.0 as an upgrade with a migration that keeps the parameters', () => {
    expect(sourceLasV110.migration?.from).toBe('1.0.0');
    expect(sourceLasV110.migration?.migrate({ file: '*.las' })).toEqual({ file: '*.las' });
  });
});
