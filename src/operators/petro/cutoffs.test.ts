import { describe, expect, it } from 'vitest';
import { cutoffs } from './cutoffs.ts';
import { batchOf, runRowwise, testContext, valuesOf } from './test-helpers.ts';

describe('petro.cutoffs', () => {
  it('flags reservoir and pay with inclusive cutoffs; nulls give 0', async () => {
    // Defaults vshMax 0.4, phiMin 0.08, swMax 0.6. Row by row:
    // 0: pay; 1: VSH = 0.4 and PHI = 0.08 and SW = 0.6 (all on the limit, inclusive): pay;
    // 2: VSH 0.41 > 0.4: neither; 3: PHI 0.079 < 0.08: neither; 4: SW 0.61: reservoir, not pay;
    // 5: null VSH: 0, 0; 6: null PHI: 0, 0; 7: null SW: reservoir, not pay.
    const b = batchOf({
      VSH: [0.1, 0.4, 0.41, 0.1, 0.1, null, 0.1, 0.1],
      PHIE: [0.2, 0.08, 0.2, 0.079, 0.2, 0.2, null, 0.2],
      SW: [0.3, 0.6, 0.3, 0.3, 0.61, 0.3, 0.3, null],
    });
    const out = await runRowwise(cutoffs, b, {});
    expect(out.schema.fields.map((f) => f.name)).toEqual(['VSH', 'PHIE', 'SW', 'RES', 'PAY']);
    expect(valuesOf(out, 'RES')).toEqual([1, 1, 0, 0, 1, 0, 0, 1]);
    expect(valuesOf(out, 'PAY')).toEqual([1, 1, 0, 0, 0, 0, 0, 0]);
    expect(out.schema.fields[4]!.metadata.get('unit')).toBe('flag');
  });

  it('uses the given cutoffs and output names', async () => {
    const b = batchOf({ VSH: [0.3], PHIE: [0.1], SW: [0.5] });
    const out = await runRowwise(cutoffs, b, { vshMax: 0.25, reservoirOutput: 'R', output: 'P' });
    expect(valuesOf(out, 'R')).toEqual([0]);
    const out2 = await runRowwise(cutoffs, b, { swMax: 0.4 });
    expect([valuesOf(out2, 'RES'), valuesOf(out2, 'PAY')]).toEqual([[1], [0]]);
  });

  it('rejects the same name for both outputs', () => {
    const b = batchOf({ VSH: [0.3], PHIE: [0.1], SW: [0.5] });
    const r = cutoffs.bind(b.schema, { reservoirOutput: 'X', output: 'X' }, testContext());
    expect(!r.ok && r.error.field).toBe('params.output');
  });
});
