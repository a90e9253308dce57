/** Third adversarial hunt (session 7): one test per problem fixed. */
import {
  DateDay,
  Decimal,
  Field,
  Float64,
  RecordBatch,
  Schema,
  Struct,
  Table,
  TimestampMillisecond,
  Utf8,
  makeData,
  vectorFromArray,
} from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { decimalText } from './cells.ts';
import { col, lasText, readOk } from './testUtil.ts';
import { writeLas } from './writer.ts';

const C2 = [' DEPT.M : depth', ' GR.API : gamma'];

/** A file whose ~Well says STRT/STOP/STEP as given, with `depths` (GR 1 on every row). */
function ranged(strt: string, stop: string, step: string, depths: string[]): string {
  const well = [
    ` STRT.M ${strt} : START`,
    ` STOP.M ${stop} : STOP`,
    ` STEP.M ${step} : STEP`,
    ' NULL. -999.25 : NULL VALUE',
  ];
  return lasText(
    C2,
    depths.map((d) => `${d} 1`),
    { well },
  );
}

const rangeMessages = (text: string): string[] =>
  readOk(text, 'r.las', undefined, true).messages.filter((m) => /: (STRT|STOP|STEP) /.test(m));

const steps = (from: number, n: number, step: number, digits: number): string[] =>
  Array.from({ length: n }, (_, i) => (from + i * step).toFixed(digits));

describe('~Well STRT/STOP/STEP checked against the data (lasio trusts the data)', () => {
  it('warns a STEP the depths do not follow, with the header line and both figures', () => {
    const text = ranged('100', '101', '0.5', ['100.0', '100.25', '100.5', '100.75', '101.0']);
    const r = readOk(text, 'r.las', undefined, true);
    expect(col(r.table, 'DEPT')).toEqual([100, 100.25, 100.5, 100.75, 101]);
    expect(r.messages.filter((m) => m.includes('STEP'))).toEqual([
      'line 7: STEP 0.5 but every DEPT step in the data is 0.25; the data is read as it is (no value changed). Correct STEP in ~Well if other tools rely on it',
    ]);
  });

  it('warns STEP 0 over regular depths and a non-zero STEP over irregular ones', () => {
    expect(rangeMessages(ranged('100.0', '100.4', '0', steps(100, 5, 0.1, 1)))).toEqual([
      'line 7: STEP 0 says the DEPT spacing varies, but every step in the data is 0.1; the data is read as it is (no value changed). Correct STEP in ~Well if other tools rely on it',
    ]);
    // A skipped sample (100.3) in 0.1 steps.
    const gap = ranged('100.0', '100.5', '0.1', ['100.0', '100.1', '100.2', '100.4', '100.5']);
    expect(rangeMessages(gap)).toEqual([
      'line 7: STEP 0.1 but the DEPT steps in the data vary from 0.1 to 0.2 (e.g. 0.2 after 100.2: a missing or repeated sample?); the data is read as it is (no value changed). Correct STEP in ~Well if other tools rely on it',
    ]);
  });

  it('warns STRT/STOP that are not the first/last depth, and a STEP of the wrong sign', () => {
    // lasio's sample files say STOP 1660 with data to 1669.75 (sample_2.0_wrong_stop_value.las).
    const text = ranged('1670.0', '1660.0', '0.125', ['1670.0', '1669.875', '1669.75']);
    expect(rangeMessages(text)).toEqual([
      'line 6: STOP 1660.0 but the last DEPT value in the data is 1669.75; the data is read as it is (no value changed). Correct STOP in ~Well if other tools rely on it',
      'line 7: STEP 0.125 but every DEPT step in the data is -0.125; the data is read as it is (no value changed). Correct STEP in ~Well if other tools rely on it',
    ]);
    expect(rangeMessages(ranged('99.5', '100.4', '0.1', steps(100, 5, 0.1, 1)))).toEqual([
      'line 5: STRT 99.5 but the first DEPT value in the data is 100; the data is read as it is (no value changed). Correct STRT in ~Well if other tools rely on it',
    ]);
  });

  it('is silent on float noise, rounded depths and a rounded STEP', () => {
    // 0.1 steps over a long run (1000.1 - 1000.0 is 0.10000000000002 in binary).
    expect(rangeMessages(ranged('1000.0', '1099.9', '0.1', steps(1000, 1000, 0.1, 1)))).toEqual([]);
    // Half-foot samples in metres written with two decimals: steps 0.15/0.16.
    expect(rangeMessages(ranged('100', '115.09', '0.1524', steps(100, 100, 0.1524, 2)))).toEqual(
      [],
    );
    // One-inch samples in feet: STEP 0.0833 for 1/12.
    expect(rangeMessages(ranged('100', '104', '0.0833', steps(100, 49, 1 / 12, 4)))).toEqual([]);
    // Decreasing depths with a negative STEP; STRT written with fewer decimals.
    expect(
      rangeMessages(ranged('1670', '1669.75', '-0.125', ['1670.000', '1669.875', '1669.750'])),
    ).toEqual([]);
  });

  it('says so when the index never changes, and checks nothing for a text index', () => {
    const flat = ranged('0.00', '0.00', '0.05', ['0.00', '0.00', '0.00']);
    expect(rangeMessages(flat)).toEqual([
      'line 7: STEP 0.05 but every DEPT value in the data is 0 (the index never changes); the data is read as it is (no value changed). Correct STEP in ~Well if other tools rely on it',
    ]);
    const dates = ranged('1', '2', '1', ['2020-01-01', '2020-01-02']);
    expect(rangeMessages(dates)).toEqual([]);
  });
});

describe('warnings capped per kind in the header too', () => {
  it('50 000 bad header lines give 20 warnings and one line saying how many more, and where', () => {
    const bad = Array.from({ length: 50_000 }, (_, i) => ` junk line ${i}`);
    const well = [' NULL. -999.25 : NULL VALUE', ...bad];
    const r = readOk(lasText(C2, ['100 1'], { well }));
    const junk = r.messages.filter((m) => m.includes('is not a header item'));
    expect(junk).toHaveLength(20);
    expect(junk[0]).toBe(
      "line 6: 'junk line 0' in ~WELL INFORMATION is not a header item (MNEM.UNIT VALUE : DESCRIPTION); ignored",
    );
    // The summary follows the last one listed: lines 6..25 listed, 26..50005 counted.
    const at = r.messages.indexOf(junk[19]!);
    expect(r.messages[at + 1]).toBe(
      'line 26: and 49980 more like this (lines 26-50005) not listed',
    );
    expect(r.messages.length).toBeLessThan(30);
  });

  it('repeated curve names are capped, different kinds are not merged', () => {
    const curves = [' DEPT.M :', ...Array.from({ length: 30 }, () => ' GR.API :')];
    const r = readOk(lasText(curves, [Array.from({ length: 31 }, (_, i) => i).join(' ')]));
    expect(r.info.curves.map((c) => c.mnemonic).slice(-1)).toEqual(['GR:30']);
    expect(r.messages.filter((m) => m.includes('repeats an earlier name'))).toHaveLength(20);
    expect(r.messages).toContain('line 33: and 9 more like this (lines 33-41) not listed');
  });
});

describe('writer and reader agree on header text in double quotes', () => {
  it('a well name that starts and ends with a double quote reads back unchanged', () => {
    for (const name of ['"abc"', '"A, B"', '""', '"12"', '"x" : y', '"a"b"']) {
      const t = new Table({
        DEPT: vectorFromArray([1, 2], new Float64()),
        WELL: vectorFromArray([name, name], new Utf8()),
      });
      const text = writeLas(t);
      const r = readOk(text);
      expect(r.info.wellName).toBe(name);
      expect(col(r.table, 'WELL')).toEqual([name, name]);
    }
  });

  it('writes CSV-style doubled quotes that the reader undoes; a lone inner quote stays', () => {
    const t = new Table({
      DEPT: vectorFromArray([1], new Float64()),
      WELL: vectorFromArray(['"abc"'], new Utf8()),
    });
    expect(writeLas(t)).toMatch(/^ WELL\. +"""abc""" +: WELL$/m);
    const well = [' NULL. -999.25 :', ' WELL. "A ""B"" C" :', ' UWI. "1"2" :'];
    const r = readOk(lasText(C2, ['1 1'], { well }));
    expect(r.info.well.map((i) => i.value)).toEqual([-999.25, 'A "B" C', '"1"2"']);
  });
});

describe('an all-null text column keeps its type through write and read', () => {
  it('is written with the LAS 3.0 text mark {S} and reads back as text', () => {
    const n = 1500;
    const late = Array.from({ length: n }, (_, i) => (i < 1200 ? null : `Z${i}`));
    const schema = new Schema([
      new Field('DEPT', new Float64()),
      new Field('ZONE', new Utf8(), true, new Map([['description', 'zone name']])),
      new Field('FLAG', new Utf8(), true),
      new Field('LATE', new Utf8(), true),
    ]);
    const t = new Table(schema, {
      DEPT: vectorFromArray(
        Array.from({ length: n }, (_, i) => i),
        new Float64(),
      ),
      ZONE: vectorFromArray(
        Array.from({ length: n }, () => null),
        new Utf8(),
      ),
      FLAG: vectorFromArray(
        Array.from({ length: n }, () => null),
        new Utf8(),
      ),
      LATE: vectorFromArray(late, new Utf8()),
    });
    const r = readOk(writeLas(t));
    expect(r.messages).toEqual([]);
    expect(r.info.curves.map((c) => c.kind)).toEqual(['number', 'text', 'text', 'text']);
    // The mark is read as the text format (LAS 2.0 has no format field), not as description text.
    expect(r.info.curves.map((c) => c.description)).toEqual(['', 'zone name', '', '']);
    expect(writeLas(t)).toMatch(/^ ZONE\. +: zone name \{S\}$/m);
    expect(col(r.table, 'ZONE').every((v) => v === null)).toBe(true);
    expect(col(r.table, 'LATE')).toEqual(late);
    expect(readOk(writeLas(r.table)).info.curves[1]!.description).toBe('zone name');
  });
});

describe('~Other survives write and read', () => {
  it('the free text of ~Other is written back (it was dropped silently)', () => {
    const other = ['Logged twice: run 2 repeat section', 'Tool string: GR-CNL-FDC', 'Mud: KCl'];
    const text = lasText(C2, ['100 1', '101 2'], {
      well: [' NULL. -999.25 :'],
    }).replace('~A', `~OTHER INFORMATION\n${other.join('\n')}\n~A`);
    const first = readOk(text);
    expect(first.info.other).toBe(other.join('\n'));
    const written = writeLas(first.table);
    expect(written).toMatch(/~OTHER INFORMATION\nLogged twice: run 2 repeat section\n/);
    const second = readOk(written);
    expect(second.info.other).toBe(other.join('\n'));
    expect(second.messages).toEqual([]);
    expect(col(second.table, 'GR')).toEqual([1, 2]);
  });

  it('a line that would read as a section or a comment is kept as text', () => {
    const schema = new Schema(
      [new Field('DEPT', new Float64())],
      new Map([['las.other', '~not a section\n# not a comment\nplain']]),
    );
    const t = new Table(schema, { DEPT: vectorFromArray([1], new Float64()) });
    const r = readOk(writeLas(t));
    expect(r.info.other).toBe('_~not a section\n_# not a comment\nplain');
    expect(r.info.curves.map((c) => c.mnemonic)).toEqual(['DEPT']);
  });
});

describe('wrapped data: curve kinds from values flowed into records', () => {
  it('a text curve at the end of a record does not make the curve before it text', () => {
    const version = [' VERS. 2.0 :', ' WRAP. YES :'];
    const curves = [' DEPT.M :', ' A. :', ' B. :', ' C. :', ' LITH. :'];
    const data = ['100', '1 2 3 SAND', '101', '5 6 7 SHALE', '102', '8 9', '10 LIME'];
    const r = readOk(lasText(curves, data, { version }));
    expect(r.info.curves.map((c) => c.kind)).toEqual([
      'number',
      'number',
      'number',
      'number',
      'text',
    ]);
    // C was text: its values were the strings '3', '7' and, from the split record, 'LIME'.
    expect(col(r.table, 'C')).toEqual([3, 7, 10]);
    expect(col(r.table, 'LITH')).toEqual(['SAND', 'SHALE', 'LIME']);
    expect(r.messages).toEqual([]);
  });
});

describe('writer: Arrow types that are not plain numbers or strings', () => {
  it('writes Decimal values with their scale and dates/timestamps as ISO text', () => {
    // DECIMAL(10,2) 123.45 and -1.00 (DuckDB gives decimals for literals such as 0.5).
    const words = new Uint32Array([
      12345,
      0,
      0,
      0,
      0xffffffff - 99,
      0xffffffff,
      0xffffffff,
      0xffffffff,
    ]);
    const dec = makeData({ type: new Decimal(2, 10, 128), length: 2, data: words });
    const ts = vectorFromArray(
      [new Date('2020-01-02T03:04:05Z'), null],
      new TimestampMillisecond(),
    );
    const day = vectorFromArray([new Date('2020-01-02'), new Date('2020-01-03')], new DateDay());
    const dept = vectorFromArray([1, 2], new Float64());
    const fields = [
      new Field('DEPT', new Float64()),
      new Field('CUT', dec.type),
      new Field('TS', ts.type, true),
      new Field('DAY', day.type),
    ];
    const children = [dept.data[0]!, dec, ts.data[0]!, day.data[0]!];
    const data = makeData({ type: new Struct(fields), length: 2, nullCount: 0, children });
    const t = new Table([new RecordBatch(new Schema(fields), data)]);
    const written = writeLas(t);
    // Were `""\"12345\"""` (the unscaled words as JSON) and 1577934245000 (epoch milliseconds).
    expect(written.split('~A\n')[1]!.trim().split(/\s+/)).toEqual([
      '1',
      '123.45',
      '2020-01-02T03:04:05.000Z',
      '2020-01-02',
      '2',
      '-1',
      '-999.25',
      '2020-01-03',
    ]);
    const r = readOk(written);
    expect(col(r.table, 'CUT')).toEqual([123.45, -1]);
    expect(col(r.table, 'TS')).toEqual(['2020-01-02T03:04:05.000Z', null]);
    expect(col(r.table, 'DAY')).toEqual(['2020-01-02', '2020-01-03']);
  });

  it('decimal text is exact for any scale', () => {
    expect(decimalText(5n, 3)).toBe('0.005');
    expect(decimalText(-1234500n, 4)).toBe('-123.45');
    expect(decimalText(10n ** 30n + 1n, 30)).toBe('1.' + '0'.repeat(29) + '1');
    expect(decimalText(7n, -2)).toBe('700');
    expect(decimalText(0n, 2)).toBe('0');
  });
});

describe('writer: line breaks in header text', () => {
  it('a description or value with a line break (and a ~A after it) cannot cut the header', () => {
    const params = [
      { mnemonic: 'NOTE', unit: '', value: 'run 1\n~A\n1 2 3', description: 'two\nlines' },
    ];
    const schema = new Schema(
      [
        new Field('DEPT', new Float64(), true, new Map([['description', 'depth\r\nmeasured']])),
        new Field('GR', new Float64()),
      ],
      new Map([['las.params', JSON.stringify(params)]]),
    );
    const t = new Table(schema, {
      DEPT: vectorFromArray([1, 2], new Float64()),
      GR: vectorFromArray([5, 6], new Float64()),
    });
    const r = readOk(writeLas(t));
    // The data was read as an extra data set and the table held 1, 2, 3 from the note.
    expect(r.messages).toEqual([]);
    expect(col(r.table, 'GR')).toEqual([5, 6]);
    expect(r.info.curves[0]!.description).toBe('depth measured');
    expect(r.info.params).toEqual([
      { mnemonic: 'NOTE', unit: '', value: 'run 1 ~A 1 2 3', description: 'two lines' },
    ]);
  });
});

describe('header warnings of one kind with different section titles', () => {
  it('1 000 unknown sections with different names give 20 warnings and one summary', () => {
    const unknown = Array.from(
      { length: 1000 },
      (_, i) => `~Extra block ${String.fromCharCode(65 + (i % 26))}${i}\n X. 1 :`,
    );
    const text = lasText(C2, ['100 1']).replace('~CURVE', `${unknown.join('\n')}\n~CURVE`);
    const r = readOk(text);
    expect(r.messages.filter((m) => m.includes('unknown section'))).toHaveLength(20);
    expect(r.messages).toContain('line 50: and 980 more like this (lines 50-2008) not listed');
    expect(r.info.extraSections).toHaveLength(1000);
  });
});
