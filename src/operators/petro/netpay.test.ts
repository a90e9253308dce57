import { describe, expect, it } from 'vitest';
import { Table } from 'apache-arrow';
import { netpay } from './netpay.ts';
import { batchOf, expectClose, testContext, valuesOf } from './test-helpers.ts';

// A small hand-checked table (rows of two wells; B's index decreases with an irregular step).
const rows = {
  WELL: ['B', 'A', 'A', 'A', 'A', 'A', 'A', 'B', 'B', 'B', 'B'],
  ZONE: [null, 'Z1', 'Z1', 'Z1', 'Z2', 'Z2', 'Z2', 'Z1', 'Z1', 'Z1', 'Z1'],
  DEPT: [2005, 1000, 1000.5, 1001, 1001.5, 1002, 1002.5, 2010, 2009, 2007, 2006],
  PHIE: [0.22, 0.2, 0.25, 0.1, 0.3, null, 0.05, 0.2, 0.2, 0.2, 0.2],
  SW: [0.25, 0.3, 0.4, 0.9, 0.2, 0.5, 1.0, 0.5, 0.5, 0.5, 0.5],
  PAY: [1, 1, 1, 0, 1, 1, 0, 0, 0, 0, 0],
};
const meta = { DEPT: { unit: 'M' } };

async function run(params: Parameters<typeof netpay.run>[1], t?: Table) {
  const batch = batchOf(rows, meta);
  return netpay.run(
    { in: t ?? new Table(batch.schema, [batch.slice(0, 4), batch.slice(4)]) },
    params,
    testContext(),
  );
}

describe('summary.netpay', () => {
  it('summarises per WELL and ZONE (default groups), sorted, nulls last', async () => {
    const out = await run({ index: 'DEPT' });
    expect(out.schema.fields.map((f) => f.name)).toEqual([
      'WELL',
      'ZONE',
      'gross',
      'net',
      'ntg',
      'phi_avg',
      'sw_avg',
      'hcpv',
    ]);
    expect(valuesOf(out, 'WELL')).toEqual(['A', 'A', 'B', 'B']);
    expect(valuesOf(out, 'ZONE')).toEqual(['Z1', 'Z2', 'Z1', null]);
    // A/Z1: steps 0.5, 0.5 -> h 0.5; gross 3 x 0.5 = 1.5; 2 pay rows -> net 1.0; ntg 2/3;
    //   phi_avg (0.2 + 0.25)/2 = 0.225; sw_avg (0.2*0.3 + 0.25*0.4)/0.45 = 0.16/0.45;
    //   hcpv 0.5 (0.2*0.7 + 0.25*0.6) = 0.145.
    // A/Z2: h 0.5; gross 1.5; pay rows 1001.5 and 1002 (PHI null: in net, not in averages) -> net 1.0;
    //   phi_avg 0.3; sw_avg 0.2; hcpv 0.5 x 0.3 x 0.8 = 0.12.
    // B/Z1: steps 1, 2, 1 -> median 1; gross 4; no pay: net 0, ntg 0, averages null, hcpv 0.
    // B/null: one row: h undefined -> gross, net, ntg, hcpv null; phi_avg 0.22, sw_avg 0.25.
    expectClose(valuesOf(out, 'gross'), [1.5, 1.5, 4, null]);
    expectClose(valuesOf(out, 'net'), [1, 1, 0, null]);
    expectClose(valuesOf(out, 'ntg'), [2 / 3, 2 / 3, 0, null]);
    expectClose(valuesOf(out, 'phi_avg'), [0.225, 0.3, null, 0.22]);
    expectClose(valuesOf(out, 'sw_avg'), [0.16 / 0.45, 0.2, null, 0.25]);
    expectClose(valuesOf(out, 'hcpv'), [0.145, 0.12, 0, null]);
    expect(out.schema.fields[2]!.metadata.get('unit')).toBe('M');
    expect(out.schema.fields[4]!.metadata.get('unit')).toBe('v/v');
  });

  it('defaults the index to the first column and groups by WELL only when there is no ZONE', async () => {
    const { WELL, DEPT, PHIE, SW, PAY } = rows;
    const batch = batchOf({ DEPT, WELL, PHIE, SW, PAY });
    const out = await netpay.run({ in: new Table(batch.schema, [batch]) }, {}, testContext());
    expect(out.schema.fields.map((f) => f.name)).toEqual([
      'WELL',
      'gross',
      'net',
      'ntg',
      'phi_avg',
      'sw_avg',
      'hcpv',
    ]);
    // A: steps all 0.5 -> h 0.5, 6 rows -> gross 3, 4 pay rows -> net 2.
    // B (table order 2005, 2010, 2009, 2007, 2006): sorted 2005, 2006, 2007, 2009, 2010, steps
    //   1, 1, 2, 1 -> h 1 (1 m sampling with a gap); gross 5; net 1 (one pay row);
    //   hcpv 1 x 0.22 x 0.75 = 0.165. (Table-order steps 5, 1, 2, 1 gave h 1.5 and gross 7.5 m
    //   for five 1 m samples, which is wrong.)
    expectClose(valuesOf(out, 'gross'), [3, 5]);
    expectClose(valuesOf(out, 'net'), [2, 1]);
    expectClose(valuesOf(out, 'hcpv'), [0.145 + 0.12, 0.165]);
  });

  it('with groupBy [] gives one row for the whole table', async () => {
    const out = await run({ index: 'DEPT', groupBy: [] });
    expect(out.numRows).toBe(1);
    expect(out.schema.fields[0]!.name).toBe('gross');
  });

  it('fails with the parameter named when a column is missing', async () => {
    await expect(run({ index: 'DEPT', groupBy: ['FIELD'] })).rejects.toMatchObject({
      detail: { field: 'params.groupBy' },
    });
    await expect(run({ phi: 'PHIT' })).rejects.toThrow(/"index": column "WELL" holds Utf8/);
    await expect(run({ index: 'DEPT', phi: 'PHIT' })).rejects.toThrow(/"phi".*"PHIT"/);
  });

  it('gives an empty summary for an empty table and declares its output schema', async () => {
    const empty = batchOf({ WELL: [] as string[], DEPT: [], PHIE: [], SW: [], PAY: [] });
    const out = await netpay.run({ in: new Table(empty.schema, [empty]) }, {}, testContext());
    expect(out.numRows).toBe(0);
    const schema = netpay.outputSchema({ in: batchOf(rows).schema }, { index: 'DEPT' });
    expect(schema?.ok && schema.value.fields.map((f) => f.name)).toEqual([
      'WELL',
      'ZONE',
      'gross',
      'net',
      'ntg',
      'phi_avg',
      'sw_avg',
      'hcpv',
    ]);
  });
});
