import {
  DateMillisecond,
  Dictionary,
  Float64,
  Int32,
  Int64,
  Table,
  Utf8,
  vectorFromArray,
} from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { csvField, csvText, tableToCsv } from './csv.ts';
import { encodeTable } from './index.ts';

/** The data rows of a one-column CSV (header dropped, trailing newline removed). */
const body = (csv: string): string[] => csv.slice(0, -1).split('\n').slice(1);

const floats = (xs: number[]): Table => new Table({ x: vectorFromArray(xs, new Float64()) });

describe('CSV numbers', () => {
  it('writes negative zero as -0 (String(-0) is "0") and it reads back negative', () => {
    expect(String(-0)).toBe('0');
    expect(csvField(-0)).toBe('-0');
    expect(csvField(0)).toBe('0');
    const [cell] = body(tableToCsv(floats([-0])));
    expect(cell).toBe('-0');
    expect(Object.is(Number(cell), -0)).toBe(true);
  });

  it('keeps shortest round-trip text for awkward doubles, NaN and the infinities', () => {
    const xs = [0.1 + 0.2, 1e21, 5e-324, Number.NaN, Infinity, -Infinity, -1.5, 0];
    const cells = body(tableToCsv(floats(xs)));
    expect(cells).toEqual([
      '0.30000000000000004',
      '1e+21',
      '5e-324',
      'NaN',
      'Infinity',
      '-Infinity',
      '-1.5',
      '0',
    ]);
    cells.forEach((c, i) => expect(Object.is(Number(c), xs[i])).toBe(true));
  });
});

const EVIL = ['=1+1', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://e.x","a")'];

describe('CSV formula guard (spreadsheetSafe)', () => {
  it('prefixes formula-like text with a quote and wraps it in quotes', () => {
    expect(EVIL.map((t) => csvText(t, true))).toEqual([
      `"'=1+1"`,
      `"'+1"`,
      `"'-2+3"`,
      `"'@SUM(A1)"`,
      `"'\tx"`,
      `"'\rx"`,
      `"'=HYPERLINK(""http://e.x"",""a"")"`,
    ]);
    // Text that does not start a formula is written as without the guard.
    for (const t of ['Sand', 'a=b', 'x-1', '', 'a,b', ' =1'])
      expect(csvText(t, true)).toBe(csvText(t));
  });

  it('guards text and dictionary columns and header names, never numbers or dates', () => {
    const dict = vectorFromArray(['-Shale', 'Sand'], new Dictionary(new Utf8(), new Int32()));
    const t = new Table({
      '=name': vectorFromArray(['=cmd', '@x'], new Utf8()),
      zone: dict,
      v: vectorFromArray([-1.5, -0], new Float64()),
      n: vectorFromArray([-3n, null], new Int64()),
      d: vectorFromArray([new Date('-000001-01-01T00:00:00Z'), null], new DateMillisecond()),
    });
    expect(tableToCsv(t, { spreadsheetSafe: true })).toBe(
      `"'=name",zone,v,n,d\n"'=cmd","'-Shale",-1.5,-3,-000001-01-01T00:00:00.000Z\n"'@x",Sand,-0,,\n`,
    );
  });

  it('is off by default: the CLI (encodeTable) writes formula-like text raw', () => {
    const t = new Table({ s: vectorFromArray(EVIL.slice(0, 4), new Utf8()) });
    const [f] = encodeTable('node', t, 'csv');
    expect(f?.content).toBe('s\n=1+1\n+1\n-2+3\n@SUM(A1)\n');
    expect(tableToCsv(t)).toBe(f?.content);
  });
});
