import { describe, expect, it } from 'vitest';
import { TypeWidening, widenType } from './source-csv-types.ts';

describe('widenType (DuckDB whole-file detection from per-chunk types)', () => {
  it('widens along BIGINT -> DOUBLE and DATE -> TIMESTAMP -> TIMESTAMPTZ, either order', () => {
    const pairs: [string, string, string][] = [
      ['BIGINT', 'DOUBLE', 'DOUBLE'],
      ['DATE', 'TIMESTAMP', 'TIMESTAMP'],
      ['DATE', 'TIMESTAMP WITH TIME ZONE', 'TIMESTAMP WITH TIME ZONE'],
      ['TIMESTAMP', 'TIMESTAMP WITH TIME ZONE', 'TIMESTAMP WITH TIME ZONE'],
    ];
    for (const [a, b, want] of pairs) {
      expect(widenType(a, b)).toBe(want);
      expect(widenType(b, a)).toBe(want);
    }
  });

  it('gives VARCHAR across families and keeps a type where the other chunk had no value', () => {
    for (const [a, b] of [
      ['BOOLEAN', 'BIGINT'],
      ['BOOLEAN', 'DOUBLE'],
      ['BIGINT', 'DATE'],
      ['TIME', 'TIMESTAMP'],
      ['DOUBLE', 'VARCHAR'],
      ['DATE', 'TIME'],
    ])
      expect(widenType(a ?? null, b ?? null)).toBe('VARCHAR');
    expect(widenType(null, 'BOOLEAN')).toBe('BOOLEAN');
    expect(widenType('DATE', null)).toBe('DATE');
    expect(widenType(null, null)).toBeNull();
  });

  it('folds chunks, keeps the first formats found and makes empty columns VARCHAR', () => {
    const w = new TypeWidening(3, { dateFormat: null, timestampFormat: null });
    const chunk = (types: (string | null)[], dateFormat: string | null = null) => ({
      types,
      dateFormat,
      timestampFormat: null,
    });
    w.add(chunk(['BIGINT', null, 'DATE'], '%d/%m/%Y'));
    w.add(chunk(['DOUBLE', null, 'DATE', 'BIGINT'], '%m/%d/%Y'));
    expect(w.result()).toEqual(['DOUBLE', 'VARCHAR', 'DATE']);
    expect(w.dateFormat).toBe('%d/%m/%Y');
  });
});
