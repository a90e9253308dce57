import { describe, expect, it } from 'vitest';
import { zoneLookup } from './zones-lookup.ts';

describe('zoneLookup', () => {
  // Rows: 0 A 1000, 1 A 995, 2 B 2000, 3 A null, 4 A 1005, 5 A 1005 (listed last: wins the tie).
  const depths = Float64Array.from([1000, 995, 2000, NaN, 1005, 1005]);
  const wells = ['w:A', 'w:A', 'w:B', 'w:A', 'w:A', 'w:A'];

  it('finds the row of the deepest top <= depth per well; -1 above it, -2 for a well without tops', () => {
    const l = zoneLookup(depths, wells);
    expect([990, 995, 999.9, 1000, 1005, 1010].map((d) => l.find(d, 'w:A'))).toEqual([
      -1, 1, 1, 0, 5, 5,
    ]);
    expect([l.find(1999, 'w:B'), l.find(2003, 'w:B'), l.find(1500, 'w:C')]).toEqual([-1, 2, -2]);
    expect(l.find(NaN, 'w:A')).toBe(-1);
  });

  it("gives each well's first (shallowest) top from the same grouping, NaN for a well without tops", () => {
    const l = zoneLookup(depths, wells);
    expect([l.firstTop('w:A'), l.firstTop('w:B'), l.firstTop('w:C')]).toEqual([995, 2000, NaN]);
  });

  it("applies every top to every well when the tops have no wells (first top under key '')", () => {
    const l = zoneLookup(depths, undefined);
    expect([l.find(1999, 'w:B'), l.find(2000, undefined), l.find(1, 'w:Z')]).toEqual([5, 2, -1]);
    expect(l.firstTop('')).toBe(995);
    expect(zoneLookup(Float64Array.from([NaN]), undefined).firstTop('')).toBeNaN();
  });
});
