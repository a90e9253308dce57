import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headerNumber, parseNumberBytes, parseNumberText } from './number.ts';

const digits = (min: number, max: number) =>
  fc
    .array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max })
    .map((a) => a.join(''));

/** Random decimal tokens in the syntax `Number()` also accepts (no Fortran `D`). */
const token = fc
  .tuple(
    fc.constantFrom('', '-', '+'),
    digits(0, 20),
    fc.boolean(),
    digits(0, 20),
    fc.option(fc.tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '-', '+'), digits(1, 3))),
  )
  .filter(([, i, dot, f]) => i.length + (dot ? f.length : 0) > 0 && (dot || f.length === 0))
  .map(([s, i, dot, f, e]) => `${s}${i}${dot ? '.' : ''}${f}${e ? e.join('') : ''}`);

describe('parseNumberBytes', () => {
  it('gives exactly Number(token) on random decimal tokens (Clinger fast path and fallback)', () => {
    fc.assert(
      fc.property(token, (t) => {
        const expected = Number(t);
        const got = parseNumberText(t);
        if (Number.isFinite(expected)) expect(Object.is(got, expected)).toBe(true);
        else expect(got).toBeNaN();
      }),
      { numRuns: 20000 },
    );
  });

  it('gives exactly Number(String(x)) for random doubles', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(Object.is(parseNumberText(String(x)), Number(String(x)))).toBe(true);
        expect(Object.is(parseNumberText(x.toFixed(4)), Number(x.toFixed(4)))).toBe(true);
      }),
      { numRuns: 20000 },
    );
  });

  it('handles the edges of the fast path', () => {
    const cases = [
      '1e22',
      '1e23',
      '9007199254740993',
      '123456789012345',
      '1234567890123456',
      '0.1',
      '-0.0',
      '1670.000000',
      '.5',
      '5.',
      '1.45E+12',
      '0.000000283831919',
      '1e-400',
      '4.9e-324',
    ];
    for (const c of cases) expect(Object.is(parseNumberText(c), Number(c))).toBe(true);
  });

  it('reads a Fortran D exponent and rejects what is not a number', () => {
    expect(parseNumberText('1.5D+02')).toBe(150);
    for (const bad of [
      '',
      '-',
      '+',
      '.',
      'e5',
      '1e',
      '1e+',
      '1.2.3',
      '12a',
      'NaN',
      'Infinity',
      '0x10',
      '1,5',
      '-1.#IND0000',
      '1e400',
    ])
      expect(parseNumberText(bad)).toBeNaN();
  });

  it('parses a slice of a larger buffer', () => {
    const b = new TextEncoder().encode('xx -12.5 yy');
    expect(parseNumberBytes(b, 3, 8)).toBe(-12.5);
  });
});

describe('headerNumber', () => {
  it('keeps identifiers with leading zeros and non-finite spellings as text', () => {
    expect(headerNumber('0512345678')).toBeNull();
    expect(headerNumber('05001095820000')).toBeNull();
    expect(headerNumber('300E074350061450')).toBeNull();
    expect(headerNumber('INF')).toBeNull();
    expect(headerNumber('1.0D3')).toBeNull();
    expect(headerNumber('12:30')).toBeNull();
  });

  it('reads numbers as numbers', () => {
    expect(headerNumber('1670.000000')).toBe(1670);
    expect(headerNumber('-0.1250')).toBe(-0.125);
    expect(headerNumber('0')).toBe(0);
    expect(headerNumber('0.216')).toBe(0.216);
    expect(headerNumber('-999.25')).toBe(-999.25);
    expect(headerNumber('2')).toBe(2);
  });
});
