import { describe, expect, it } from 'vitest';
import { consistentDelimiter, HEAD_BYTES } from './csv-delimiter.ts';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('consistentDelimiter', () => {
  it('finds the semicolon of a CSV written with decimal commas', () => {
    expect(consistentDelimiter(enc('DEPT;GR;RHOB\n1000,5;45,2;2,45\n1001,0;50,1;2,40\n'))).toBe(
      ';',
    );
    expect(consistentDelimiter(enc('a\tb\n1,5\t2,5\n'))).toBe('\t');
  });

  it('respects quotes and ignores blank lines', () => {
    expect(consistentDelimiter(enc('a,b\n"x; y",1\n\n"z;;",2\n'))).toBe(',');
  });

  it('leaves the choice to DuckDB when no or several delimiters fit every record', () => {
    expect(consistentDelimiter(enc('a\n1\n2\n'))).toBeUndefined();
    expect(consistentDelimiter(enc('a,b;c\n1,2;3\n'))).toBeUndefined();
    expect(consistentDelimiter(enc('a,b\n1,2\n3\n'))).toBeUndefined();
    expect(consistentDelimiter(enc(''))).toBeUndefined();
  });

  it('looks at whole lines of the head only', () => {
    const line = '1000,5;45,2;2,45\n';
    const big = `DEPT;GR;RHOB\n${line.repeat(Math.ceil((2 * HEAD_BYTES) / line.length))}`;
    // A cut record after the head would look short: it is not looked at.
    expect(consistentDelimiter(enc(`${big}1;2`.slice(0, HEAD_BYTES + 7)))).toBe(';');
  });
});
