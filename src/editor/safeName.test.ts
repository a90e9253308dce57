import { describe, expect, it } from 'vitest';
import { SAFE_NAME_MAX, capName, safeName } from './safeName.ts';

describe('safeName', () => {
  it('replaces unsafe runs and trims the ends', () => {
    expect(safeName('  Net pay / Archie (v2)  ')).toBe('Net_pay_Archie_v2');
    expect(safeName('wells.las')).toBe('wells.las');
    expect(safeName('///')).toBe('pipeline');
  });

  it('caps a very long name at 100 characters', () => {
    const name = safeName('a'.repeat(5000));
    expect(name).toBe('a'.repeat(100));
    expect(`${name}.json`.length).toBe(105);
    expect(SAFE_NAME_MAX).toBe(100);
  });

  it('does not end in an underscore after the cut', () => {
    expect(safeName(`${'a'.repeat(99)} b`)).toBe('a'.repeat(99));
  });
});

describe('capName', () => {
  it('keeps short strings and cuts long ones to the limit', () => {
    expect(capName('abc', 5)).toBe('abc');
    expect(capName('abcdef', 4)).toBe('abcd');
  });

  it('never splits a surrogate pair', () => {
    const s = `abc${'😀'}def`; // the emoji is code units 3 and 4
    expect(capName(s, 4)).toBe('abc');
    expect(capName(s, 5)).toBe('abc😀');
    const cut = capName('😀'.repeat(80), 101);
    expect(cut.length).toBe(100);
    expect(cut).toBe('😀'.repeat(50));
  });
});
