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

  it('tells thousands separators apart from decimal commas, and says when it cannot', () => {
    const t = new Table({
      A: text(['12,345,678', '1,000.5', '999']),
      B: text(['1,000', '2,500', '17']),
      C: text(['1,000', '12,5']),
    });
    expect(decimalCommaWarning('f.csv', t)).toBe(
      'f.csv: column "C" holds numbers written with a decimal comma (such as 1000,5), read as text: set this node\'s "Decimal separator" to "," (source.csv 1.1.0) to read them as numbers.' +
        ' Column "A" holds numbers written with thousands separators (such as 12,345,678), read as text: remove the separators from the file (Petroflow reads none; do not set "Decimal separator" to ",", which would misread them).' +
        ' Column "B" holds numbers such as 1,000, read as text: if the comma separates thousands, remove it from the file (Petroflow reads no thousands separators); if it is a decimal comma (1,000 meaning 1), set this node\'s "Decimal separator" to "," (source.csv 1.1.0).',
    );
  });

  it('never suggests the decimal comma for thousands separators alone', () => {
    const t = new Table({ A: text(['1,000,000', '2,500,000']) });
    expect(decimalCommaWarning('f.csv', t)).not.toMatch(/set this node/);
  });
});
