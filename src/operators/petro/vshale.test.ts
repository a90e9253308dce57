import { describe, expect, it } from 'vitest';
import { vshale } from './vshale.ts';
import { batchOf, expectClose, runRowwise, testContext, valuesOf } from './test-helpers.ts';

// Expected values computed independently in python3 (/tmp script, pasted):
//   igr = clamp((g - 20)/(120 - 20)); larionov-tertiary 0.083*(2**(3.7*i)-1); larionov-older
//   0.33*(2**(2*i)-1); stieber i/(3-2*i); clavier 1.7-math.sqrt(3.38-(i+0.7)**2); result clamped.
type Method = 'linear' | 'larionov-tertiary' | 'larionov-older' | 'stieber' | 'clavier';
const methods: readonly Method[] = [
  'linear',
  'larionov-tertiary',
  'larionov-older',
  'stieber',
  'clavier',
];
const GR = [10, 20, 45, 70, 95, 120, 150, null];
const expected: Record<Method, (number | null)[]> = {
  linear: [0, 0, 0.25, 0.5, 0.75, 1, 1, null],
  'larionov-tertiary': [
    0,
    0,
    0.07459079207778621,
    0.21621515358679566,
    0.485115097053248,
    0.9956711823610809,
    0.9956711823610809,
    null,
  ],
  'larionov-older': [0, 0, 0.13669047558312142, 0.33, 0.6033809511662428, 0.99, 0.99, null],
  stieber: [0, 0, 0.1, 0.25, 0.5, 1, 1, null],
  clavier: [
    0,
    0,
    0.12599237613028058,
    0.3071611722815881,
    0.5697345444542685,
    0.9999999999999998,
    0.9999999999999998,
    null,
  ],
};

describe('petro.vshale', () => {
  for (const method of methods) {
    it(`computes ${method} against independent values, clamped, with nulls`, async () => {
      const out = await runRowwise(vshale, batchOf({ GR }), {
        grMin: 20,
        grMax: 120,
        method,
      });
      expectClose(valuesOf(out, 'VSH'), expected[method]);
    });
  }

  it('keeps the input columns and their metadata, and labels the output', async () => {
    const batch = batchOf(
      { DEPT: [1, 2], GR: [20, 70] },
      { GR: { unit: 'API', description: 'Gamma ray' } },
    );
    const out = await runRowwise(vshale, batch, { grMin: 20, grMax: 120, output: 'V' });
    expect(out.schema.fields.map((f) => f.name)).toEqual(['DEPT', 'GR', 'V']);
    expect(out.schema.fields[1]!.metadata.get('unit')).toBe('API');
    expect(out.schema.fields[2]!.metadata.get('unit')).toBe('v/v');
    expect(out.schema.fields[2]!.metadata.get('description')).toBe(
      'Shale volume, linear (gamma-ray index)',
    );
    expect(String(out.schema.fields[2]!.type)).toBe('Float64');
  });

  it('treats NaN input as null and replaces an existing output column in place', async () => {
    const batch = batchOf({ VSH: [9, 9], GR: [Number.NaN, 70] });
    const out = await runRowwise(vshale, batch, { grMin: 20, grMax: 120 });
    expect(out.schema.fields.map((f) => f.name)).toEqual(['VSH', 'GR']);
    expectClose(valuesOf(out, 'VSH'), [null, 0.5]);
  });

  it('rejects grMax <= grMin, a missing column and a text column at bind, naming the parameter', () => {
    const batch = batchOf({ DEPT: [1], GR: [50], WELL: ['A'] });
    const same = vshale.bind(batch.schema, { grMin: 50, grMax: 50 }, testContext());
    expect(same.ok).toBe(false);
    if (!same.ok) expect(same.error.field).toBe('params.grMax');
    const missing = vshale.bind(batch.schema, { gr: 'SGR', grMin: 0, grMax: 1 }, testContext());
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.message).toMatch(/"gr".*"SGR".*DEPT, GR, WELL/);
    const text = vshale.bind(batch.schema, { gr: 'WELL', grMin: 0, grMax: 1 }, testContext());
    expect(!text.ok && text.error.message).toMatch(/not numbers/);
  });

  it('reports a missing required parameter', () => {
    const batch = batchOf({ GR: [50] });
    const r = vshale.bind(batch.schema, { grMin: 20 }, testContext());
    expect(!r.ok && r.error.field).toBe('params.grMax');
  });

  it('processes a million samples quickly', async () => {
    const n = 1_000_000;
    const gr = Array.from({ length: n }, (_, i) => (i % 200) as number | null);
    const batch = batchOf({ GR: gr });
    const bound = vshale.bind(
      batch.schema,
      { grMin: 20, grMax: 120, method: 'larionov-tertiary' },
      testContext(),
    );
    if (!bound.ok) throw new Error(bound.error.message);
    const t0 = performance.now();
    const out = await bound.value(batch);
    const ms = performance.now() - t0;
    expect(out.numRows).toBe(n);
    // Typically 10-40 ms on an idle 2-core machine; the bound only catches row-object code paths.
    expect(ms).toBeLessThan(1500);
  });
});
