import { Float16, Float32, type DataType } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { cutoffs } from './cutoffs.ts';
import { coarser, storedAs, toStored } from '../precision.ts';
import { batchOf, runRowwise, valuesOf } from './test-helpers.ts';

/** Runs the default cutoffs (vshMax 0.4, phiMin 0.08, swMax 0.6) and returns [RES, PAY]. */
async function flags(
  columns: Record<string, number[]>,
  types: Record<string, DataType> = {},
  params = {},
): Promise<unknown[][]> {
  const out = await runRowwise(cutoffs, batchOf(columns, {}, types), params);
  return [valuesOf(out, 'RES'), valuesOf(out, 'PAY')];
}

describe('petro.cutoffs at the precision of the columns', () => {
  it('meets the cutoffs with FLOAT values that the file holds as exactly the cutoff', async () => {
    // Float32 holds 0.4 as 0.4000000059604645, 0.08 as 0.07999999821186066, 0.6 as
    // 0.6000000238418579: each fails its cutoff as a double, but the file says 0.4, 0.08, 0.6.
    // Row 1: VSH 0.41 > 0.4; row 2: PHI 0.0799999 < 0.08 at float precision; row 3: SW 0.61.
    const f32 = { VSH: new Float32(), PHIE: new Float32(), SW: new Float32() };
    const cols = {
      VSH: [0.4, 0.41, 0.4, 0.4],
      PHIE: [0.08, 0.08, 0.0799999, 0.08],
      SW: [0.6, 0.6, 0.6, 0.61],
    };
    expect(await flags(cols, f32)).toEqual([
      [1, 0, 0, 1],
      [1, 0, 0, 0],
    ]);
    // A cutoff the user sets is rounded the same way (0.1 is 0.10000000149011612 in Float32).
    expect(await flags({ VSH: [0.1], PHIE: [0.1], SW: [0.3] }, f32, { phiMin: 0.1 })).toEqual([
      [1],
      [1],
    ]);
  });

  it('rounds to half precision for a 16-bit float column (0.6 is 0.60009765625 there)', async () => {
    const cols = { VSH: [0.1, 0.1], PHIE: [0.2, 0.2], SW: [0.6, 0.61] };
    expect(await flags(cols, { SW: new Float16() })).toEqual([
      [1, 1],
      [1, 0],
    ]);
  });

  it('compares double columns exactly as before, even with the Float32 values as doubles', async () => {
    // The same numbers in Float64 columns are not the cutoffs: 0.4000000059604645 > 0.4 and so on.
    const cols = {
      VSH: [0.4000000059604645, 0.4, 0.1],
      PHIE: [0.2, 0.07999999821186066, 0.2],
      SW: [0.3, 0.3, 0.6000000238418579],
    };
    expect(await flags(cols)).toEqual([
      [0, 0, 1],
      [0, 0, 0],
    ]);
    // One Float32 column rounds only its own cutoff: VSH stays a double here.
    expect(await flags(cols, { PHIE: new Float32() })).toEqual([
      [0, 1, 1],
      [0, 1, 0],
    ]);
  });

  it('names the precision of a column and rounds to it (values from Python struct e/f)', () => {
    const schema = batchOf(
      { A: [1], B: [1], C: [1] },
      {},
      { A: new Float16(), B: new Float32() },
    ).schema;
    expect(['A', 'B', 'C', 'missing'].map((n) => storedAs(schema, n))).toEqual([
      'half',
      'single',
      'double',
      'double',
    ]);
    expect([
      coarser('double', 'single'),
      coarser('single', 'half'),
      coarser('double', 'double'),
    ]).toEqual(['single', 'half', 'double']);
    expect([toStored(0.08, 'single'), toStored(0.08, 'half'), toStored(0.08, 'double')]).toEqual([
      0.07999999821186066, 0.08001708984375, 0.08,
    ]);
    expect(toStored(NaN, 'single')).toBeNaN();
  });
});
