import { Field, Float64, Schema, Table, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { PetroflowException } from '../../model/errors.ts';
import { batchFromColumns } from './arrow-util.ts';
import { resample } from './resample.ts';
import { regularGrid } from './resample-grid.ts';
import { testContext, values } from './test-context.ts';

function table(cols: {
  DEPT: (number | null)[];
  GR: (number | null)[];
  LITH: string[];
  WELL?: string[];
}) {
  const fields = [
    new Field('DEPT', new Float64(), true, new Map([['unit', 'M']])),
    new Field('GR', new Float64(), true, new Map([['unit', 'API']])),
    new Field('LITH', new Utf8(), true),
  ];
  const data = [
    vectorFromArray(cols.DEPT, new Float64()).data[0]!,
    vectorFromArray(cols.GR, new Float64()).data[0]!,
    vectorFromArray(cols.LITH, new Utf8()).data[0]!,
  ];
  if (cols.WELL) {
    fields.push(new Field('WELL', new Utf8(), false));
    data.push(vectorFromArray(cols.WELL, new Utf8()).data[0]!);
  }
  return new Table([batchFromColumns(new Schema(fields), data, cols.DEPT.length)]);
}

describe('regularGrid', () => {
  it('finds neighbours and weights', () => {
    const g = regularGrid([0, 1, 3], 0.5);
    if (!g.ok) throw new Error(g.error.message);
    expect(g.value.x).toEqual([0, 0.5, 1, 1.5, 2, 2.5, 3]);
    expect(g.value.weight).toEqual([0, 0.5, 0, 0.25, 0.5, 0.75, 1]);
    expect(regularGrid([0, 1, 1], 0.5).ok).toBe(false);
  });
});

describe('resample', () => {
  it('interpolates numbers linearly, steps text, keeps metadata (hand-computed)', async () => {
    const t = table({
      DEPT: [100, 101, 103, 104],
      GR: [10, 20, 60, null],
      LITH: ['sh', 'ss', 'ls', 'ls'],
    });
    const out = await resample.run({ in: t }, { step: 0.5 }, testContext());
    expect(values(out, 'DEPT')).toEqual([100, 100.5, 101, 101.5, 102, 102.5, 103, 103.5, 104]);
    // 101.5: 20 + 0.25 (60 - 20) = 30; 102: 40; 102.5: 50; 103.5 lies next to a null: null
    expect(values(out, 'GR')).toEqual([10, 15, 20, 30, 40, 50, 60, null, null]);
    expect(values(out, 'LITH')).toEqual(['sh', 'sh', 'ss', 'ss', 'ss', 'ss', 'ls', 'ls', 'ls']);
    expect(out.schema.fields[1]?.metadata.get('unit')).toBe('API');
  });

  it('runs the way a decreasing index runs, per well', async () => {
    const t = table({
      DEPT: [12, 10, 20, 21],
      GR: [30, 10, 5, 7],
      LITH: ['a', 'b', 'c', 'd'],
      WELL: ['W1', 'W1', 'W2', 'W2'],
    });
    const out = await resample.run({ in: t }, { step: 1 }, testContext());
    expect(values(out, 'WELL')).toEqual(['W1', 'W1', 'W1', 'W2', 'W2']);
    expect(values(out, 'DEPT')).toEqual([12, 11, 10, 20, 21]);
    expect(values(out, 'GR')).toEqual([30, 20, 10, 5, 7]);
  });

  it('skips rows without an index with a warning, and rejects a non-monotonic index', async () => {
    const ctx = testContext();
    const t = table({ DEPT: [0, null, 2], GR: [0, 5, 4], LITH: ['a', 'b', 'c'] });
    const out = await resample.run({ in: t }, { step: 1 }, ctx);
    expect(values(out, 'GR')).toEqual([0, 2, 4]);
    expect(ctx.warnings[0]).toMatch(/1 rows have no DEPT value/);
    const bad = table({ DEPT: [0, 2, 1], GR: [1, 2, 3], LITH: ['a', 'b', 'c'] });
    const e = await resample.run({ in: bad }, { step: 1 }, testContext()).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(PetroflowException);
    expect((e as PetroflowException).detail.message).toMatch(
      /not strictly increasing: 1 follows 2/,
    );
  });

  it('validates step and index before running', () => {
    const t = table({ DEPT: [0], GR: [1], LITH: ['a'] });
    const r = resample.outputSchema({ in: t.schema }, { step: 0 });
    expect(r?.ok).toBe(false);
    if (r && !r.ok) expect(r.error.field).toBe('params.step');
    const ok = resample.outputSchema({ in: t.schema }, { step: 1, index: 'DEPT' });
    expect(ok?.ok && ok.value.fields.map((f) => String(f.type))).toEqual([
      'Float64',
      'Float64',
      'Utf8',
    ]);
  });
});
