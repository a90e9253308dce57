import { describe, expect, it } from 'vitest';
import { convertLength, metresPer, sameUnit } from './units.ts';

describe('units', () => {
  it('knows length units by their exact definitions, in any case', () => {
    expect(metresPer('m')).toBe(1);
    expect(metresPer(' FT ')).toBe(0.3048);
    expect(metresPer('F')).toBe(0.3048);
    expect(metresPer('in')).toBe(0.0254);
    expect(metresPer('FTUS')).toBe(1200 / 3937);
    expect(metresPer('DEGF')).toBeUndefined();
    expect(metresPer('')).toBeUndefined();
  });

  it('treats spellings of one unit as the same, and different units as different', () => {
    expect(sameUnit('GAPI', 'api')).toBe(true);
    expect(sameUnit('F', 'FEET')).toBe(true);
    expect(sameUnit('G/C3', 'g/cc')).toBe(true);
    expect(sameUnit('M', 'F')).toBe(false);
    expect(sameUnit('US/F', 'US/M')).toBe(false);
  });

  it('converts without float noise: 5251 ft is exactly 1600.5048 m', () => {
    // 5251 * 0.3048 = 1600.5048000000002 in doubles; the conversion keeps 9 decimals.
    expect(5251 * 0.3048).not.toBe(1600.5048);
    expect(convertLength(5251, 0.3048, 1)).toBe(1600.5048);
    expect(convertLength(8000.1, 0.3048, 1)).toBe(2438.43048);
    expect(convertLength(1600.2, 1, 0.3048)).toBe(5250);
    expect(convertLength(-12.7, 0.0254, 0.3048)).toBeCloseTo(-1.0583333333, 9);
  });
});
