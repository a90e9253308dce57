import { describe, expect, it } from 'vitest';
import { PetroflowException } from '../../model/errors.ts';
import { sourceLas } from './source-las.ts';
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
