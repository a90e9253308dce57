/** Real-world LAS quirks found by an adversarial hunt (session 5): one test per problem fixed. */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { tableFromArrays } from 'apache-arrow';
import { readLasTable } from './reader.ts';
import { writeLas } from './writer.ts';
import { looksWrapped } from './sample.ts';
import { col, lasText, readOk } from './testUtil.ts';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const WRAP_YES = [' VERS. 2.0 : CWLS', ' WRAP. YES : MULTIPLE LINES PER DEPTH'];

function readErr(bytes: Uint8Array): { line: number; message: string } {
  const r = readLasTable(bytes, { fileName: 'x.las' });
  if (r.ok) throw new Error('expected a read error');
  return r.error;
}

describe('files that are not LAS text fail with what they are and what to do', () => {
  // 20 000 rows: big enough that the compressed bytes hold "\n~" by chance (they did, and a
  // table of garbage text columns came out of a gzipped file).
  const rows = Array.from({ length: 20_000 }, (_, i) => `${1000 + i * 0.1524} ${Math.sin(i)}`);
  const las = lasText(['DEPT.M : depth', 'GR.API : gamma'], rows);

  it('gzip', () => {
    const e = readErr(new Uint8Array(gzipSync(enc(las))));
    expect(e.line).toBe(1);
    expect(e.message).toMatch(/gzip-compressed .*decompress it/);
  });

  it('ZIP, PDF, DLIS, empty', () => {
    expect(readErr(new Uint8Array([0x50, 0x4b, 3, 4, 20, 0, 0])).message).toMatch(
      /ZIP archive.*extract the \.las/,
    );
    expect(readErr(enc('%PDF-1.7\n~A\n1 2\n')).message).toMatch(/PDF document/);
    const dlis = enc('   1V1.00RECORD 8192Default Storage Set');
    expect(readErr(dlis).message).toMatch(/DLIS file .*convert it to LAS/);
    expect(readErr(new Uint8Array(0)).message).toMatch(/empty \(0 bytes\)/);
  });

  it('text starting with "BZh" and no block size is not taken for bzip2', () => {
    expect(readErr(enc('BZh is not a LAS file')).message).toMatch(/no ~ section found/);
  });
});

describe('WRAP NO with wrapped data (lasio flows values into rows of the curve count)', () => {
  const curves = ['DEPT.M :', 'A. :', 'B. :', 'C. :', 'D. :', 'E. :', 'F. :'];

  it('is read as wrapped, with a warning saying to fix WRAP', () => {
    const r = readOk(lasText(curves, ['100', '1 2 3', '4 5 6', '101', '7 8 9', '10 11 12']));
    expect(r.info.wrapped).toBe(true);
    expect(col(r.table, 'DEPT')).toEqual([100, 101]);
    expect(col(r.table, 'F')).toEqual([6, 12]);
    expect(r.messages.join('\n')).toMatch(/line 19: ~Version says WRAP NO.*set WRAP\. YES/);
  });

  it('unwrapped files with short rows stay unwrapped', () => {
    // Every line misses one value: records would cross lines, so this is not wrapped data.
    const r = readOk(lasText(['DEPT.M :', 'A. :', 'B. :'], ['100 1', '101 2', '102 3']));
    expect(r.info.wrapped).toBe(false);
    expect(col(r.table, 'DEPT')).toEqual([100, 101, 102]);
    expect(col(r.table, 'B')).toEqual([null, null, null]);
  });

  it('looksWrapped: index alone, records add up exactly, some line holds several values', () => {
    expect(looksWrapped([1, 3, 3, 1, 3, 3], 7)).toBe(true);
    expect(looksWrapped([1, 3, 3, 1, 3], 7)).toBe(true); // sample cut inside a record
    expect(looksWrapped([1, 1, 1, 1], 2)).toBe(false); // lines of one value: ambiguous
    expect(looksWrapped([1, 3, 4], 7)).toBe(false); // a record crossing a line
    expect(looksWrapped([2, 5, 1, 6], 7)).toBe(false); // index not alone
    expect(looksWrapped([1, 3], 7)).toBe(false); // no whole record
  });

  it('WRAP. YES without its colon (description run into the value) is still YES', () => {
    const r = readOk(
      lasText(['DEPT.M :', 'A. :', 'B. :'], ['100.0 1.0', '2.0', '101.0 3.0', '4.0'], {
        version: [' VERS. 2.0 : CWLS', ' WRAP. YES   Multiple lines per depth step'],
      }),
    );
    expect(r.info.wrapped).toBe(true);
    expect(col(r.table, 'B')).toEqual([2, 4]);
  });
});

describe('run-on values (Fortran fixed width: no blank before a negative number)', () => {
  const curves = ['DEPT.M :', 'A. :', 'B. :', 'C. :'];

  it('are split as lasio splits them, with one warning per curve', () => {
    const r = readOk(
      lasText(curves, [
        '1000.0000 12.5000-999.2500-999.2500',
        '1000.5000-1234.5678 3.0 4.0',
        '1001.0000 13.5000-999.2500-999.2500',
      ]),
    );
    expect(col(r.table, 'DEPT')).toEqual([1000, 1000.5, 1001]);
    expect(col(r.table, 'A')).toEqual([12.5, -1234.5678, 13.5]);
    expect(col(r.table, 'B')).toEqual([null, 3, null]);
    expect(col(r.table, 'C')).toEqual([null, 4, null]);
    const runOn = r.messages.filter((m) => m.includes('without a blank'));
    expect(runOn).toHaveLength(2);
    expect(runOn[0]).toMatch(
      /^line 16: '12\.5000-999\.2500-999\.2500' in curve A read as 3 values/,
    );
  });

  it('a curve whose sampled values are all run-on stays numeric', () => {
    const rows = Array.from({ length: 5 }, (_, i) => `${1000 + i}.0 1.5-999.2500 7.0`);
    const r = readOk(lasText(curves, rows));
    expect(r.info.curves.map((c) => c.kind)).toEqual(['number', 'number', 'number', 'number']);
    expect(col(r.table, 'C')).toEqual([7, 7, 7, 7, 7]);
  });

  it('dates and integer ranges are not split; COMMA data is not split', () => {
    const rows = [
      '1000.0 1.0 5 6',
      '1000.5 2.0 5 6',
      '1001.0 2001-01-23 5 6',
      '1002.0 100-200 5 6',
    ];
    const r = readOk(lasText(curves, [...rows, '1003.0 3.0 5 6']));
    expect(col(r.table, 'A')).toEqual([1, 2, null, null, 3]);
    expect(col(r.table, 'C')).toEqual([6, 6, 6, 6, 6]);
    const csv = readOk(
      lasText(['DEPT.M :', 'A. :'], ['1.0, 2.0', '2.0, 2.0-3.0', '3.0, 4.0'], {
        version: [' VERS. 3.0 :', ' WRAP. NO :', ' DLM. COMMA :'],
      }),
    );
    expect(col(csv.table, 'A')).toEqual([2, null, 4]);
  });

  it('are split in wrapped data too', () => {
    const r = readOk(
      lasText(curves, ['1000.0', '12.5000-999.2500-999.2500', '1001.0', '1.0 2.0-3.0'], {
        version: WRAP_YES,
      }),
    );
    expect(col(r.table, 'A')).toEqual([12.5, 1]);
    expect(col(r.table, 'C')).toEqual([null, -3]);
  });
});

describe('header lines without their colon', () => {
  const curves = ['DEPT.M :', 'A. :'];

  it('NULL. -999.2500  NULL VALUE: the first word is the null value', () => {
    const well = [' NULL.   -999.2500     NULL VALUE', ' WELL. W-1 : WELL'];
    const r = readOk(lasText(curves, ['100 -999.25', '101 3'], { well }));
    expect(r.info.nullValue).toBe(-999.25);
    expect(col(r.table, 'A')).toEqual([null, 3]);
    expect(r.messages.join('\n')).toMatch(/NULL '-999\.2500 +NULL VALUE' read as -999\.25/);
  });

  it('NULL -999,25 and comma decimal marks throughout: numbers and nulls (the curve was text)', () => {
    const well = [' NULL. -999,25 : NULL VALUE'];
    const r = readOk(lasText(curves, ['100 -999,25', '101 3,5', '102 4,25'], { well }));
    expect(r.info.curves[1]!.kind).toBe('number');
    expect(col(r.table, 'A')).toEqual([null, 3.5, 4.25]);
  });

  it('VERS. 1.2 CWLS... : LAS 1.2 rules apply (the ~W value after the colon)', () => {
    const r = readOk(
      lasText(curves, ['100 1'], {
        version: [' VERS. 1.2  CWLS LOG ASCII STANDARD', ' WRAP. NO : ONE LINE'],
        well: [' NULL. -999.25 :', ' WELL. WELL : MY WELL 1'],
      }),
    );
    expect(r.info.version).toBe(1.2);
    expect(r.info.wellName).toBe('MY WELL 1');
  });
});

describe('layout quirks', () => {
  it('~A before ~Curve: the curves are used (they were named UNKNOWN)', () => {
    const text = lasText([], []).replace(
      '~CURVE INFORMATION\n~A',
      '~A\n100 1\n101 2\n~CURVE INFORMATION\n DEPT.M : depth\n GR.API : gamma',
    );
    const r = readOk(text);
    expect(r.table.schema.fields.map((f) => f.name)).toEqual(['DEPT', 'GR', 'WELL']);
    expect(col(r.table, 'GR')).toEqual([1, 2]);
    expect(r.messages.join('\n')).toMatch(/line 10: ~A comes before its curve definitions/);
  });

  it('a comment after the values (`# ...`) is dropped, as lasio drops it', () => {
    const curves = ['DEPT.M :', 'A. :', 'B. :'];
    const rows = ['100 1 2 # washout', '101 3 #', '102 #N/A 4'];
    const r = readOk(lasText(curves, rows));
    expect(r.table.schema.fields.map((f) => f.name)).toEqual(['DEPT', 'A', 'B', 'WELL']);
    expect(col(r.table, 'B')).toEqual([2, null, 4]);
    expect(col(r.table, 'A')).toEqual([1, 3, null]); // #N/A stays a null spelling
    const wrapped = readOk(lasText(curves, ['100 # top', '1 2 # ok'], { version: WRAP_YES }));
    expect(col(wrapped.table, 'B')).toEqual([2]);
  });

  it('an empty data section is reported', () => {
    const r = readOk(lasText(['DEPT.M :', 'A. :'], ['', '   ']));
    expect(r.table.numRows).toBe(0);
    expect(r.messages.join('\n')).toMatch(/line 13: the data section ~A holds no values/);
  });
});

describe('LAS 2.0 data separated by commas or tabs (no DLM item in 2.0)', () => {
  const curves = ['DEPT.M :', 'A. :', 'B. :'];

  it('100,1,2 and 100, 1, 2: read as COMMA with empty fields as nulls (was one bad token / text)', () => {
    for (const rows of [
      ['100,1,2', '101,,3', '102,-999.25,4'],
      ['100, 1, 2', '101, , 3', '102, -999.25, 4'],
    ]) {
      const r = readOk(lasText(curves, rows));
      expect(r.info.delimiter).toBe('COMMA');
      expect(col(r.table, 'DEPT')).toEqual([100, 101, 102]);
      expect(col(r.table, 'A')).toEqual([1, null, null]);
      expect(col(r.table, 'B')).toEqual([2, 3, 4]);
      expect(r.messages[0]).toMatch(/line 15: the data is comma-separated .*add DLM\. COMMA/);
    }
  });

  it('empty tab fields no longer shift later values into the wrong curve', () => {
    const r = readOk(lasText(curves, ['100\t1\t2', '101\t\t3']));
    expect(r.info.delimiter).toBe('TAB');
    expect(col(r.table, 'A')).toEqual([1, null]);
    expect(col(r.table, 'B')).toEqual([2, 3]);
  });

  it('blank-separated values with comma decimal marks stay SPACE', () => {
    const r = readOk(lasText(curves, ['100,5 1,5 2,5', '101,5 2,5 3,5']));
    expect(r.info.delimiter).toBe('SPACE');
    expect(col(r.table, 'DEPT')).toEqual([100.5, 101.5]);
    expect(col(r.table, 'B')).toEqual([2.5, 3.5]);
    const tabs = readOk(lasText(curves, ['100\t1\t2', '101\t5\t3']));
    expect(tabs.info.delimiter).toBe('SPACE');
    expect(tabs.messages).toEqual([]);
  });

  it('a declared DLM is obeyed', () => {
    const version = [' VERS. 3.0 :', ' WRAP. NO :', ' DLM. SPACE :'];
    const r = readOk(lasText(curves, ['100,1,2', '101,2,3', '102,3,4'], { version }));
    expect(r.info.delimiter).toBe('SPACE');
  });
});

describe('quotes in text values', () => {
  it('LAS 3.0 COMMA data: a doubled quote inside a quoted string is one quote (text was cut)', () => {
    const version = [' VERS. 3.0 :', ' WRAP. NO :', ' DLM. COMMA :'];
    const curves = ['DEPT.M : {F}', 'S. : {S}', 'A. : {F}'];
    const rows = ['100, "x, y", 1', '101, "", 2', '102, "he said ""hi""", 3'];
    const r = readOk(lasText(curves, rows, { version }));
    expect(col(r.table, 'S')).toEqual(['x, y', null, 'he said "hi"']);
    expect(col(r.table, 'A')).toEqual([1, 2, 3]);
  });

  it('writer and reader: text with both quotes, a line break or a lone # round-trips', () => {
    const texts = ['it\'s "x"', 'x\' y"', 'say "hi"', '#', 'a\nb'];
    const t = tableFromArrays({ DEPT: Float64Array.from([1, 2, 3, 4, 5]), S: texts });
    const r = readOk(writeLas(t));
    expect(r.messages).toEqual([]);
    expect(col(r.table, 'S')).toEqual([...texts.slice(0, 4), 'a b']);
  });
});
