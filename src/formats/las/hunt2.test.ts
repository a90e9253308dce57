/** Real-world LAS quirks found by the second adversarial hunt (session 6): one test per problem fixed. */
import { describe, expect, it } from 'vitest';
import { tableFromArrays } from 'apache-arrow';
import { writeLas } from './writer.ts';
import { col, lasText, readOk } from './testUtil.ts';

describe('writer round trip of text that looks like something else', () => {
  it('number-like text, NULL-like text, null spellings and run-on-like text come back as text', () => {
    const texts = ['0012', '007', '1.5-2.5', '-999.25', 'NA', '1,5', '1e999', '-', 'top_a'];
    const depth = Float64Array.from(texts.map((_, i) => 100 + i));
    const gr = Float64Array.from(texts.map((_, i) => i / 2));
    const t = tableFromArrays({ DEPT: depth, S: texts, GR: gr });
    const r = readOk(writeLas(t));
    expect(r.messages).toEqual([]);
    expect(r.info.curves.map((c) => c.kind)).toEqual(['number', 'text', 'number']);
    // Were 12, 7, 1.5 (+ -2.5 shifted into GR), null, null, 1.5, null, null.
    expect(col(r.table, 'S')).toEqual(texts);
    expect(col(r.table, 'GR')).toEqual(Array.from(gr));
  });

  it('plain words, dates and times stay unquoted (other readers see no quotes)', () => {
    const t = tableFromArrays({
      DEPT: Float64Array.from([1, 2]),
      S: ['SAND', '2001-01-23'],
      T: ['12:30:00', 'x/y'],
    });
    const data = writeLas(t).split('~A\n')[1]!;
    expect(data).not.toContain('"');
    expect(data.trim().split(/\s+/)).toEqual(['1', 'SAND', '12:30:00', '2', '2001-01-23', 'x/y']);
  });

  it('a quoted value in SPACE data is literal text: never NULL, never split', () => {
    const curves = ['DEPT.M :', 'S. :', 'A. :'];
    const r = readOk(lasText(curves, ['100 "-999.25" 1', "101 '1.5-2.5' 2", '102 abc 3']));
    expect(col(r.table, 'S')).toEqual(['-999.25', '1.5-2.5', 'abc']);
    expect(col(r.table, 'A')).toEqual([1, 2, 3]);
  });
});

describe('typography pasted into the data (round 1 read these as bad values)', () => {
  const curves = ['DEPT.M :', 'A. :', 'B. :'];

  it('a non-breaking space separates values (UTF-8 and windows-1252), as lasio splits on it', () => {
    const rows = ['100\u00a01 2 a', '101 2\u00a0\u00a03 b', '102 3 4 "x\u00a0y"'];
    const r = readOk(lasText(['DEPT.M :', 'A. :', 'B. :', 'S. :'], rows));
    expect(col(r.table, 'DEPT')).toEqual([100, 101, 102]);
    expect(col(r.table, 'A')).toEqual([1, 2, 3]);
    expect(col(r.table, 'B')).toEqual([2, 3, 4]);
    expect(col(r.table, 'S')).toEqual(['a', 'b', 'x\u00a0y']); // quoted text keeps its NBSP
    expect(r.messages).toEqual([
      'line 16: non-breaking spaces in the data read as blanks between values (replace them by spaces)',
    ]);
    const latin = lasText(curves, ['100 1 2', '101\u00a02\u00a03', '102 é 4']);
    const cp = Uint8Array.from(latin, (ch) => ch.charCodeAt(0));
    const r2 = readOk(cp);
    expect(r2.info.encoding).toBe('windows-1252');
    expect(col(r2.table, 'DEPT')).toEqual([100, 101, 102]);
    expect(col(r2.table, 'B')).toEqual([2, 3, 4]);
    expect(r2.messages.join('\n')).toMatch(/line 16: non-breaking spaces/);
  });

  it('the Unicode minus sign U+2212 is a minus (was a null; the curve could turn text)', () => {
    const r = readOk(lasText(curves, ['100 \u22121.5 \u2212999.25', '101 \u22122 3', '102 4 5']));
    expect(r.info.curves.map((c) => c.kind)).toEqual(['number', 'number', 'number']);
    expect(col(r.table, 'A')).toEqual([-1.5, -2, 4]);
    expect(col(r.table, 'B')).toEqual([null, 3, 5]);
    expect(r.messages).toEqual(["line 15: '\u22121.5' read as -1.5 (Unicode minus sign U+2212)"]);
  });
});

describe('quoted header values', () => {
  it('WELL. "ANY ET AL, 12-34" : the quotes are dropped (they were in every WELL cell)', () => {
    const well = [' NULL. -999.25 :', ' WELL. "ANY ET AL, 12-34" : WELL', ' RUN. "12" : run'];
    const r = readOk(lasText(['DEPT.M :', 'A. :'], ['100 1'], { well }));
    expect(r.info.wellName).toBe('ANY ET AL, 12-34');
    expect(col(r.table, 'WELL')).toEqual(['ANY ET AL, 12-34']);
    expect(r.info.well[2]!.value).toBe('12');
    const back = readOk(writeLas(r.table));
    expect(back.info.well).toEqual(r.info.well);
  });

  it('a header value that is not wholly quoted keeps its quotes', () => {
    const well = [' NULL. -999.25 :', ' WELL. 6" CASING "A" : WELL', ' X. "a" "b" : x'];
    const r = readOk(lasText(['DEPT.M :', 'A. :'], ['100 1'], { well }));
    expect(r.info.well.map((i) => i.value)).toEqual([-999.25, '6" CASING "A"', '"a" "b"']);
  });
});

describe('values fused with two decimal points (lasio run-on(.): two nulls)', () => {
  const curves = ['DEPT.M :', 'A. :', 'B. :', 'C. :'];

  it('on a line one value short, the fused token is two nulls and C keeps its value', () => {
    const rows = ['100 1.0 2.0 3.0', '101 1234.5671234.567 3.5', '102 1.2.3 4.0 5.0'];
    const r = readOk(lasText(curves, rows));
    expect(col(r.table, 'A')).toEqual([1, null, null]);
    // Was B = 3.5, C = null (3.5 moved into the wrong curve).
    expect(col(r.table, 'B')).toEqual([2, null, 4]);
    expect(col(r.table, 'C')).toEqual([3, 3.5, 5]);
    expect(r.messages).toEqual([
      "line 17: '1234.5671234.567' in curve A holds 2 values run together (several decimal points, no blank between them); read as 2 nulls so later values keep their curves",
      "line 18: '1.2.3' in curve A is not a number; read as null",
    ]);
  });

  it('three fused values on a line two short; wrapped data is left alone', () => {
    const r = readOk(lasText(curves, ['100 1.11.22.3', '101 1 2 3']));
    expect(col(r.table, 'C')).toEqual([null, 3]);
    expect(r.messages).toHaveLength(1);
    const version = [' VERS. 2.0 :', ' WRAP. YES :'];
    const w = readOk(lasText(curves, ['100', '1.2.3 2 3', '101', '1 2 3'], { version }));
    expect(col(w.table, 'B')).toEqual([2, 2]);
  });
});

describe('writer: column names that LAS header syntax would misread', () => {
  const write = (name: string, unit = ''): ReturnType<typeof readOk> => {
    const t = tableFromArrays({
      DEPT: Float64Array.from([1, 2]),
      [name]: Float64Array.from([3, 4]),
    });
    const f = t.schema.fields[1]!;
    if (unit) f.metadata.set('unit', unit);
    return readOk(writeLas(t));
  };
  const names = (r: ReturnType<typeof readOk>): string[] =>
    r.table.schema.fields.map((f) => `${f.name}|${f.metadata.get('unit') ?? ''}`);

  it('a dot inside a name becomes _ (PHIE.v2 was read as PHIE with unit v2)', () => {
    expect(names(write('PHIE.v2', 'V/V'))).toEqual(['DEPT|', 'PHIE_v2|V/V', 'WELL|']);
    expect(names(write('X..Y'))).toEqual(['DEPT|', 'X__Y|', 'WELL|']);
    expect(names(write('Cond.', 'MS/M'))).toEqual(['DEPT|', 'Cond.|MS/M', 'WELL|']); // issue-264
  });

  it('a name starting with # or ~ keeps its curve (it became a comment or a section)', () => {
    for (const name of ['#X', '~X']) {
      const r = write(name);
      expect(names(r)).toEqual(['DEPT|', `_${name}|`, 'WELL|']);
      expect(r.messages).toEqual([]);
      expect(col(r.table, `_${name}`)).toEqual([3, 4]);
    }
  });

  it('blanks in a unit become _ (deg C was read as unit deg)', () => {
    expect(names(write('T', 'deg C'))).toEqual(['DEPT|', 'T|deg_C', 'WELL|']);
  });
});

describe('writer: STRT/STOP/STEP follow the rows written', () => {
  it('a filtered table gets the STRT/STOP/STEP of its rows (the original file range was kept)', () => {
    const r = readOk(lasText(['DEPT.M :', 'A. :'], ['100 1', '101 2', '102 3', '103 4']));
    const back = readOk(writeLas(r.table.slice(1, 3)));
    const items = back.info.well.filter((i) => ['STRT', 'STOP', 'STEP'].includes(i.mnemonic));
    expect(items.map((i) => [i.mnemonic, i.unit, i.value, i.description])).toEqual([
      ['STRT', 'M', 101, 'START'],
      ['STOP', 'M', 102, 'STOP'],
      ['STEP', 'M', 1, 'STEP'],
    ]);
    expect(back.info.well.find((i) => i.mnemonic === 'WELL')!.value).toBe('W-1');
  });

  it('irregular sampling is STEP 0 (LAS 2.0); the index unit is used when the table has no header', () => {
    const r = readOk(lasText(['DEPT.FT :', 'A. :'], ['100 1', '101 2', '103 3']));
    const back = readOk(writeLas(r.table));
    expect(back.info.well.find((i) => i.mnemonic === 'STEP')!.value).toBe(0);
    const t = tableFromArrays({ DEPT: Float64Array.from([5, 5.5]), A: Float64Array.from([1, 2]) });
    t.schema.fields[0]!.metadata.set('unit', 'M');
    const minimal = readOk(writeLas(t));
    expect(minimal.info.well.slice(0, 3).map((i) => [i.unit, i.value])).toEqual([
      ['M', 5],
      ['M', 5.5],
      ['M', 0.5],
    ]);
  });
});

describe('LAS 3.0 numbered runs: ~Log_Definition[n] / ~Log_Data[n] | Log_Definition[n]', () => {
  const head = [
    '~Version',
    ' VERS. 3.0 :',
    ' WRAP. NO :',
    ' DLM. COMMA :',
    '~Well',
    ' NULL. -999.25 :',
  ];
  const run = (n: number, curves: string[], rows: string[]): string[] => [
    `~Log_Definition[${n}]`,
    ...curves,
    ...(rows.length ? [`~Log_Data[${n}] | Log_Definition[${n}]`, ...rows] : []),
  ];

  it('each run is read with its own curves (they were named UNKNOWN, sections unknown)', () => {
    const text = [
      ...head,
      '~Log_Parameter[1]',
      ' RUN. 1 : run',
      ...run(2, [' DEPT.M : {F}', ' GR.API : {F}', ' RHOB.G/C3 : {F}'], []),
      ...run(1, [' DEPT.M : {F}', ' GR.API : {F}'], ['100, 1', '101, 2']),
      '~Log_Data[2] | Log_Definition[2]',
      '500, 10, 2.5',
      '~Core_Definition[1]',
      ' CTOP.M : {F}',
      ' LITH. : {S}',
      '~Core_Data[1] | Core_Definition[1]',
      '1000, "sand, fine"',
    ].join('\n');
    const r = readOk(text);
    expect(r.table.schema.fields.map((f) => f.name)).toEqual(['DEPT', 'GR', 'WELL']);
    expect(col(r.table, 'GR')).toEqual([1, 2]);
    expect(r.info.params).toEqual([{ mnemonic: 'RUN', unit: '', value: 1, description: 'run' }]);
    const [run2, core] = r.info.dataSets;
    expect(run2!.curves.map((c) => c.mnemonic)).toEqual(['DEPT', 'GR', 'RHOB']);
    expect(run2!.rows).toEqual([[500, 10, 2.5]]);
    expect(core!.curves.map((c) => `${c.mnemonic}:${c.kind}`)).toEqual([
      'CTOP:number',
      'LITH:text',
    ]);
    expect(core!.rows).toEqual([[1000, 'sand, fine']]);
    expect(r.messages.join('\n')).not.toMatch(/unknown section|UNKNOWN/);
  });
});

describe('writer: header values holding a colon', () => {
  it('are quoted and read back whole (A : B was split into value A, description B : W)', () => {
    for (const items of [
      [{ mnemonic: 'WELL', unit: '', value: 'A : B', description: 'W' }],
      [
        { mnemonic: 'WELL', unit: '', value: 'A : B', description: 'W' },
        { mnemonic: 'X', unit: 'M', value: 'a: b', description: 'x: y' },
        { mnemonic: 'T', unit: '', value: '12:30', description: 'time' },
      ],
    ]) {
      const t = tableFromArrays({ DEPT: Float64Array.from([1, 2]) });
      t.schema.metadata.set('las.params', JSON.stringify(items));
      const written = writeLas(t);
      if (items.length > 1) expect(written).toMatch(/^ T\.\s+12:30\s+:/m); // a time needs no quotes
      expect(readOk(written).info.params).toEqual(items);
    }
  });
});

describe('DOS end-of-file (Ctrl-Z) after the data', () => {
  it('adds no row of nulls in COMMA or TAB data (SPACE data already skipped it)', () => {
    for (const [dlm, sep] of [
      ['COMMA', ', '],
      ['TAB', '\t'],
    ] as const) {
      const version = [' VERS. 3.0 :', ' WRAP. NO :', ` DLM. ${dlm} :`];
      const rows = [`100${sep}1`, `101${sep}\x1a2\x1a`, '\x1a'];
      const r = readOk(lasText(['DEPT.M :', 'A. :'], rows, { version }));
      expect(col(r.table, 'DEPT')).toEqual([100, 101]);
      expect(col(r.table, 'A')).toEqual([1, 2]);
      expect(r.messages).toEqual([]);
    }
  });
});
