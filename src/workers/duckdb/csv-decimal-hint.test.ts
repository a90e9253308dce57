import { Float64, Table, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { decimalCommaWarning } from './csv-decimal-hint.ts';

const text = (values: string[]) => vectorFromArray(values, new Utf8());

describe('decimalCommaWarning', () => {
  it('names text columns of decimal-comma numbers (whole numbers and blanks allowed among them)', () => {
    const t = new Table({
      A: text(['1000,5', '1001', '', '-2,25']),
      B: text(['x', '1,5', 'y', 'z']),
      C: vectorFromArray([1, 2, 3, 4], new Float64()),
      D: text(['1', '2', '3', '4']),
    });
    expect(decimalCommaWarning('f.csv', t)).toBe(
      'f.csv: column "A" holds numbers written with a decimal comma (such as 1000,5), read as text: set this node\'s "Decimal separator" to "," (source.csv 1.1.0) to read them as numbers.',
    );
  });

  it('says nothing for other text', () => {
    const t = new Table({
      A: text(['1.5', '2,5']),
      B: text(['1,2,3', '4']),
      C: text(['a,b', 'c']),
    });
    expect(decimalCommaWarning('f.csv', t)).toBeUndefined();
  });
});
