import { describe, expect, it } from 'vitest';
import { numberToText, parseNumberText } from './numberText.ts';

const real = { title: 'Water resistivity', integer: false };
const whole = { title: 'Window', integer: true };

function value(text: string, f = real): number | undefined {
  const r = parseNumberText(text, f);
  if (!r.ok) throw new Error(`expected a number from "${text}", got: ${r.error}`);
  return r.value;
}

function problem(text: string, f = real): string {
  const r = parseNumberText(text, f);
  if (r.ok) throw new Error(`expected "${text}" to be refused, got ${String(r.value)}`);
  return r.error;
}

describe('parseNumberText', () => {
  it('reads points, decimal commas, exponents, signs and spaces', () => {
    const cases: [string, number][] = [
      ['0.05', 0.05],
      ['0,05', 0.05],
      ['0,050', 0.05],
      ['1e-3', 0.001],
      ['1E3', 1000],
      ['1,5e-3', 0.0015],
      ['-.5', -0.5],
      ['-,5', -0.5],
      ['+2', 2],
      [' 2 ', 2],
      ['\u00a02.65\t', 2.65],
      ['2.650', 2.65],
      ['5.', 5],
      ['\u22120.25', -0.25],
      ['-0', 0],
      ['12', 12],
    ];
    for (const [text, expected] of cases) expect(value(text), text).toBe(expected);
    expect(Object.is(value('-0'), 0)).toBe(true);
  });

  it('gives undefined for an empty field', () => {
    expect(value('')).toBeUndefined();
    expect(value('   ')).toBeUndefined();
  });

  it('refuses text that is not a number, naming the field and what to write', () => {
    for (const text of [
      'abc',
      '-',
      '.',
      ',',
      '1e',
      'e5',
      '0x10',
      'Infinity',
      'NaN',
      '5 ohm',
      '1..2',
    ]) {
      const m = problem(text);
      expect(m, text).toContain('Water resistivity');
      expect(m, text).toContain(`"${text}"`);
    }
    expect(problem('abc')).toMatch(/not a number.*0\.05 or 0,05/);
  });

  it('refuses separators it cannot read without guessing', () => {
    expect(problem('1,000')).toMatch(/ambiguous.*1000.*1\.000/);
    expect(problem('2,650')).toContain('Write 2650 or 2.650');
    expect(problem('1.234,5')).toMatch(/mixes separators/);
    expect(problem('1,234.5')).toMatch(/mixes separators/);
    expect(problem('1 000')).toMatch(/groups digits/);
    expect(problem('1,2,3')).toMatch(/mixes separators/);
  });

  it('refuses numbers too large to hold', () => {
    expect(problem('1e999')).toMatch(/too large/);
    expect(problem('-1e400')).toMatch(/too large/);
    expect(value('1e308')).toBe(1e308);
  });

  it('keeps integer fields whole', () => {
    expect(value('10', whole)).toBe(10);
    expect(value('1e3', whole)).toBe(1000);
    expect(value('3,0', whole)).toBe(3);
    expect(problem('2,5', whole)).toBe(
      'Window: "2,5" is not a whole number. Write a whole number, e.g. 2 or 3.',
    );
    expect(problem('ten', whole)).toMatch(/not a whole number.*e\.g\. 10/);
  });
});

describe('numberToText', () => {
  it('shows numbers, keeps typed text and blanks the rest', () => {
    expect(numberToText(0.05)).toBe('0.05');
    expect(numberToText(1e-7)).toBe('1e-7');
    expect(numberToText('0,0x')).toBe('0,0x');
    expect(numberToText(undefined)).toBe('');
    expect(numberToText(Number.NaN)).toBe('');
    expect(value(numberToText(1e-7))).toBe(1e-7);
  });
});
