import { describe, expect, it } from 'vitest';
import { zonesAssign } from './zones.ts';
import { tableOf, testContext, valuesOf } from './test-helpers.ts';

// Tops listed out of order; well B's logs run upwards (decreasing index); C has no tops.
const tops = tableOf({
  WELL: ['A', 'A', 'B', 'A', 'A'],
  TOP: [1000, 995, 2000, 1005, 1005],
  ZONE: ['Z2', 'Z1', 'B1', 'Z3a', 'Z3b'],
});
const logs = tableOf({
  DEPT: [990, 995, 999.9, 1000, 1004, 1005, 1010, 2003, 2000, 1999, 1500],
  WELL: ['A', 'A', 'A', 'A', 'A', 'A', 'A', 'B', 'B', 'B', 'C'],
  GR: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
});

describe('zones.assign', () => {
  it('labels each sample with the zone of the deepest top <= index, per well', async () => {
    const ctx = testContext();
    const out = await zonesAssign.run({ logs, tops }, {}, ctx);
    expect(out.schema.fields.map((f) => f.name)).toEqual(['DEPT', 'WELL', 'GR', 'ZONE']);
    // A: 990 is above the first top (995) -> null; 995 -> Z1 (top itself is included); 999.9 -> Z1;
    // 1000 -> Z2; 1004 -> Z2; 1005 and 1010 -> Z3b (two tops at 1005: the one listed last wins).
    // B (decreasing): 2003 and 2000 -> B1; 1999 is above B's only top -> null. C: no tops -> null.
    expect(valuesOf(out, 'ZONE')).toEqual([
      null,
      'Z1',
      'Z1',
      'Z2',
      'Z2',
      'Z3b',
      'Z3b',
      'B1',
      'B1',
      null,
      null,
    ]);
    expect(valuesOf(out, 'GR')).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(ctx.warnings).toEqual(['Well "C" has no tops in the tops table; its ZONE is null.']);
  });

  it('applies every top to every sample when the tops have no well column', async () => {
    const t = tableOf({ TOP: [1000, 2000], ZONE: ['U', 'L'] });
    const out = await zonesAssign.run({ logs, tops: t }, { output: 'UNIT' }, testContext());
    expect(valuesOf(out, 'UNIT')).toEqual([
      null,
      null,
      null,
      'U',
      'U',
      'U',
      'U',
      'L',
      'L',
      'U',
      'U',
    ]);
  });

  it('names the parameter of a missing column, in which table', async () => {
    await expect(
      zonesAssign.run({ logs, tops }, { topColumn: 'DEPTH' }, testContext()),
    ).rejects.toThrow(/"topColumn".*tops table/);
    const r = zonesAssign.outputSchema(
      { logs: logs.schema, tops: tops.schema },
      { zoneColumn: 'FM' },
    );
    expect(r?.ok === false && r.error.field).toBe('params.zoneColumn');
  });

  it('refuses an output that would replace the depths or the well names', async () => {
    const schemas = { logs: logs.schema, tops: tops.schema };
    const index = zonesAssign.outputSchema(schemas, { index: 'DEPT', output: 'DEPT' });
    expect(index?.ok === false && index.error).toMatchObject({ field: 'params.output' });
    expect(index?.ok === false && index.error.message).toMatch(/"DEPT" is the index of the logs/);
    const well = zonesAssign.outputSchema(schemas, { output: 'WELL' });
    expect(well?.ok === false && well.error.message).toMatch(/"WELL" is the well column/);
    await expect(
      zonesAssign.run({ logs, tops }, { output: 'DEPT' }, testContext()),
    ).rejects.toThrow(/"output": "DEPT" is the index/);
    expect(zonesAssign.outputSchema(schemas, { output: 'FORMATION' })?.ok).toBe(true);
  });
});
