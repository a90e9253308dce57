import { Float32, Table, type DataType } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { zonesAssign } from './zones.ts';
import { batchOf, testContext, valuesOf, type TestColumn } from './test-helpers.ts';

const table = (cols: Record<string, TestColumn>, types: Record<string, DataType> = {}) => {
  const b = batchOf(cols, {}, types);
  return new Table(b.schema, [b]);
};

describe('zones.assign with a 32-bit float column', () => {
  it('puts a FLOAT-index sample at 1480.1 in the zone whose top is 1480.1', async () => {
    // The FLOAT index holds 1480.1 as 1480.0999755859375, below the double top 1480.1.
    const logs = table({ DEPT: [1480, 1480.1, 1480.2] }, { DEPT: new Float32() });
    const tops = table({ TOP: [1479, 1480.1], ZONE: ['Z1', 'Z2'] });
    const out = await zonesAssign.run({ logs, tops }, {}, testContext());
    expect(valuesOf(out, 'ZONE')).toEqual(['Z1', 'Z2', 'Z2']);
  });

  it('puts a double-index sample at 1005.2 in the zone whose FLOAT top is 1005.2', async () => {
    // The FLOAT top holds 1005.2 as 1005.2000122070312, deeper than the double sample 1005.2.
    const logs = table({ DEPT: [1005.1, 1005.2, 1005.3] });
    const tops = table({ TOP: [1000, 1005.2], ZONE: ['Z1', 'Z2'] }, { TOP: new Float32() });
    const out = await zonesAssign.run({ logs, tops }, {}, testContext());
    expect(valuesOf(out, 'ZONE')).toEqual(['Z1', 'Z2', 'Z2']);
  });

  it('still names the first top as the tops table holds it when no sample reaches it', async () => {
    const logs = table({ DEPT: [1400, 1400.5] }, { DEPT: new Float32() });
    const tops = table({ TOP: [1480.1], ZONE: ['Z1'] });
    const ctx = testContext();
    const out = await zonesAssign.run({ logs, tops }, {}, ctx);
    expect(valuesOf(out, 'ZONE')).toEqual([null, null]);
    expect(ctx.warnings).toEqual([
      'None of the 2 samples (index 1400 to 1400.5) is at or below the first top (1480.1), so its ZONE is null throughout. Check that the tops are in the unit of the index (feet or metres).',
    ]);
  });
});
