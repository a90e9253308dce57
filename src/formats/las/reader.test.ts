import { Float64, Utf8 } from 'apache-arrow';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PetroflowException } from '../../model/errors.ts';
import { openLas, readLasTable } from './reader.ts';
import { col, lasText, readOk } from './testUtil.ts';

const C3 = [' DEPT.M : DEPTH', ' GR.GAPI : GAMMA RAY', ' RHOB.G/C3 : DENSITY'];

describe('readLasTable: table shape (pipeline-format.md section 2)', () => {
  it('puts the index first, curves by mnemonic, then WELL; Float64 numbers, field and schema metadata', () => {
    const { table, info } = readOk(
      lasText(C3, ['100 50 2.5', '101 -999.25 2.6', '102 70 -999.25']),
    );
    expect(table.schema.fields.map((f) => f.name)).toEqual(['DEPT', 'GR', 'RHOB', 'WELL']);
    expect(table.schema.fields[1]!.type).toBeInstanceOf(Float64);
    expect(table.schema.fields[3]!.type).toBeInstanceOf(Utf8);
    expect(col(table, 'GR')).toEqual([50, null, 70]);
    expect(col(table, 'RHOB')).toEqual([2.5, 2.6, null]);
    expect(col(table, 'WELL')).toEqual(['W-1', 'W-1', 'W-1']);
    const gr = table.schema.fields[1]!.metadata;
    expect(Object.fromEntries(gr)).toEqual({
      unit: 'GAPI',
      description: 'GAMMA RAY',
      mnemonic: 'GR',
    });
    const meta = table.schema.metadata;
    expect(meta.get('las.version')).toBe('2');
    expect(meta.get('las.nullValue')).toBe('-999.25');
    expect(meta.get('las.file')).toBe('test.las');
    expect(JSON.parse(meta.get('las.well')!)).toContainEqual({
      mnemonic: 'WELL',
      unit: '',
      value: 'W-1',
      description: 'WELL',
    });
    expect(JSON.parse(meta.get('las.params')!)).toEqual([]);
    expect(info.curves.map((c) => c.kind)).toEqual(['number', 'number', 'number']);
  });

  it('names duplicates GR, GR:2, GR:3 (case-insensitively) and an empty mnemonic UNKNOWN', () => {
    const { table, messages } = readOk(
      lasText(
        [' DEPT.M :', ' GR.GAPI :', ' gr.GAPI :', ' GR.GAPI :', ' .OHMM :', ' .OHMM :'],
        ['1 2 3 4 5 6'],
      ),
    );
    expect(table.schema.fields.map((f) => f.name)).toEqual([
      'DEPT',
      'GR',
      'gr:2',
      'GR:3',
      'UNKNOWN',
      'UNKNOWN:2',
      'WELL',
    ]);
    expect(table.schema.fields[2]!.metadata.get('mnemonic')).toBe('gr');
    expect(messages).toContain("line 13: curve 'gr' repeats an earlier name; column named 'gr:2'");
  });

  it('uses the file name without extension when WELL is empty, and renames a curve called WELL', () => {
    const well = [' NULL. -999.25 :', ' WELL. : WELL'];
    const { table } = readOk(
      lasText([' DEPT.M :', ' WELL. :'], ['1 2'], { well }),
      'dir/My Well.las',
    );
    expect(table.schema.fields.map((f) => f.name)).toEqual(['DEPT', 'WELL:2', 'WELL']);
    expect(col(table, 'WELL')).toEqual(['My Well']);
  });

  it('never null-replaces the index, and warns', () => {
    const { table, messages } = readOk(lasText(C3, ['-999.25 1 2', '101 -999.25 3']));
    expect(col(table, 'DEPT')).toEqual([-999.25, 101]);
    expect(col(table, 'GR')).toEqual([1, null]);
    expect(messages).toContain(
      'line 15: index value -999.25 equals NULL; kept as a number (the index is never null)',
    );
  });
});

describe('readLasTable: doubtful data gives warnings with line numbers', () => {
  it('reports short and long rows', () => {
    const { table, messages } = readOk(lasText(C3, ['100 1 2', '101 1', '102 1 2 9']));
    expect(col(table, 'RHOB')).toEqual([2, null, 2]);
    expect(messages).toContain(
      'line 16: 2 values where 3 curves were declared; missing values read as null',
    );
    expect(messages).toContain(
      'line 17: 4 values where 3 curves were declared; extra values ignored',
    );
  });

  it('makes ONE bad token null instead of turning the curve into text', () => {
    const { table, info, messages } = readOk(lasText(C3, ['100 1 2', '101 oops 2', '102 3 2']));
    expect(info.curves[1]!.kind).toBe('number');
    expect(col(table, 'GR')).toEqual([1, null, 3]);
    expect(messages).toContain("line 16: 'oops' in curve GR is not a number; read as null");
  });

  it('reads null spellings as null with one warning per curve and spelling', () => {
    const rows = ['100 ERR 2', '101 (null) NaN', '102 - -1.#IND0000', '103 ERR INF', '104 *** --'];
    const { table, messages } = readOk(lasText(C3, rows));
    expect(col(table, 'GR')).toEqual([null, null, null, null, null]);
    expect(col(table, 'RHOB')).toEqual([2, null, null, null, null]);
    expect(messages.filter((m) => m.includes("'ERR'"))).toEqual([
      "line 15: 'ERR' in curve GR read as null (later ones in this curve not listed)",
    ]);
  });

  it('caps repeated warnings and says how many more there were', () => {
    const rows = Array.from({ length: 150 }, (_, i) => `${i} ${i % 3 === 0 ? 'bad' : i} 1`);
    const { messages, table } = readOk(lasText(C3, rows));
    expect(col(table, 'GR').filter((v) => v === null)).toHaveLength(50);
    expect(messages.filter((m) => m.includes('is not a number'))).toHaveLength(20);
    expect(messages).toContain(
      'line 75: and 30 more like this (bad number; lines 75-162) not listed',
    );
  });

  it('reads a comma decimal mark in a SPACE-delimited file, with a warning', () => {
    const { table, messages } = readOk(lasText(C3, ['100 1 2', '101 123,42 2', '102 3 2']));
    expect(col(table, 'GR')).toEqual([1, 123.42, 3]);
    expect(messages).toContain("line 16: '123,42' read as 123.42 (comma as decimal mark)");
  });
});

describe('readLasTable: text curves, delimiters, wrapping, line endings', () => {
  it('makes a curve whose values are not numbers a Utf8 column, quotes removed', () => {
    const { table, info } = readOk(
      lasText(
        [' DEPT.M :', ' ZONE. :', ' GR. :'],
        ['1 pick_a 5', '2 "pick b" 6', "3 'pick c' -999.25", '4 -999.25 7'],
      ),
    );
    expect(info.curves[1]!.kind).toBe('text');
    expect(table.schema.fields[1]!.type).toBeInstanceOf(Utf8);
    expect(col(table, 'ZONE')).toEqual(['pick_a', 'pick b', 'pick c', null]);
    expect(col(table, 'GR')).toEqual([5, 6, null, 7]);
  });

  it('reads DLM COMMA and TAB with empty fields as nulls and quoted commas', () => {
    const version = [' VERS. 3.0 :', ' WRAP. NO :', ' DLM. COMMA :'];
    const comma = readOk(
      lasText(C3.slice(0, 2).concat(' NOTE. : {S}'), ['1,2,a b', '2,,"x, y"', '3, 4 ,'], {
        version,
      }),
    );
    expect(comma.info.delimiter).toBe('COMMA');
    expect(col(comma.table, 'GR')).toEqual([2, null, 4]);
    expect(col(comma.table, 'NOTE')).toEqual(['a b', 'x, y', null]);
    const tab = readOk(
      lasText(C3, ['1\t2\t3', '2\t\t5', '3\t 6 \t7\t  '], {
        version: [' VERS. 3.0 :', ' DLM. TAB :'],
      }),
    );
    expect(tab.info.delimiter).toBe('TAB');
    expect(col(tab.table, 'GR')).toEqual([2, null, 6]);
    expect(col(tab.table, 'RHOB')).toEqual([3, 5, 7]);
    expect(tab.messages).toEqual([]);
  });

  it('reads wrapped files (values of one step over several lines)', () => {
    const version = [' VERS. 2.0 :', ' WRAP. YES :'];
    const curves = [' DEPT.M :', ' A. :', ' B. :', ' C. :', ' D. :'];
    const { table, info } = readOk(
      lasText(curves, ['100', '1 2 3', '4', '101', '5 6', '7 8'], { version }),
    );
    expect(info.wrapped).toBe(true);
    expect(col(table, 'DEPT')).toEqual([100, 101]);
    expect(col(table, 'D')).toEqual([4, 8]);
  });

  it('reads LF, CRLF and CR files identically, with the same line numbers', () => {
    const base = lasText(C3, ['100 1 2', '101 x 2']);
    const results = ['\n', '\r\n', '\r'].map((eol) => readOk(base.replaceAll('\n', eol)));
    for (const r of results) {
      expect(col(r.table, 'GR')).toEqual([1, null]);
      expect(r.messages).toEqual(["line 16: 'x' in curve GR is not a number; read as null"]);
    }
  });

  it('skips comment lines and blank lines inside the data', () => {
    const { table } = readOk(lasText(C3, ['# comment', '100 1 2', '', '   ', '101 3 4']));
    expect(col(table, 'GR')).toEqual([1, 3]);
  });
});

describe('openLas: streaming', () => {
  it('yields batches of batchSize rows, lazily', () => {
    const rows = Array.from({ length: 10 }, (_, i) => `${i} ${i * 2} 1`);
    const opened = openLas(new TextEncoder().encode(lasText(C3, rows)), {
      fileName: 'a.las',
      batchSize: 4,
    });
    if (!opened.ok) throw new Error(opened.error.message);
    const it = opened.value.batches();
    expect(opened.value.warnings).toEqual([]);
    const sizes = [...it].map((b) => b.numRows);
    expect(sizes).toEqual([4, 4, 2]);
    const all = readOk(lasText(C3, rows), 'a.las', 3);
    expect(col(all.table, 'GR')).toEqual(rows.map((_, i) => i * 2));
  });

  it('gives a header-only file an empty table with the declared schema', () => {
    const r = readOk(lasText(C3, []));
    expect(r.table.numRows).toBe(0);
    expect(r.table.schema.fields.map((f) => f.name)).toEqual(['DEPT', 'GR', 'RHOB', 'WELL']);
  });

  it('fails with file, line and message on a file that is not LAS', () => {
    const r = readLasTable(new TextEncoder().encode('hello\nworld\n'), { fileName: 'x.las' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.file).toBe('x.las');
      expect(r.error.line).toBe(1);
      expect(r.error.message).toMatch(/not a LAS file/);
    }
  });

  it('turns an internal failure during batches() into a PetroflowException with code LAS_READ', () => {
    const opened = openLas(new TextEncoder().encode(lasText(C3, ['1 2 3'])), { fileName: 'a.las' });
    if (!opened.ok) throw new Error();
    // A schema whose fields cannot be read makes the batch construction fail inside the generator.
    Object.defineProperty(opened.value.schema, 'fields', {
      get: () => {
        throw new Error('broken schema');
      },
    });
    try {
      const all = [...opened.value.batches()];
      expect.unreachable(`read ${all.length} batches`);
    } catch (e) {
      expect(e).toBeInstanceOf(PetroflowException);
      if (e instanceof PetroflowException)
        expect(e.detail).toMatchObject({ code: 'LAS_READ', file: 'a.las', line: 14 });
    }
  });
});

describe('readLasTable: exact numbers from the byte-level hot path', () => {
  const digits = (min: number, max: number) =>
    fc
      .array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max })
      .map((a) => a.join(''));
  const token = fc
    .tuple(
      fc.constantFrom('', '-', '+'),
      digits(1, 19),
      fc.boolean(),
      digits(0, 19),
      fc.option(fc.tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '-'), digits(1, 3))),
    )
    .map(([s, i, dot, f, e]) => `${s}${i}${dot ? '.' : ''}${dot ? f : ''}${e ? e.join('') : ''}`);

  it('reads every random decimal token as exactly Number(token)', () => {
    fc.assert(
      fc.property(fc.array(token, { minLength: 1, maxLength: 30 }), (tokens) => {
        const rows = tokens.map((t, i) => `${i} ${t}`);
        const { table } = readOk(lasText([' DEPT.M :', ' X. :'], rows));
        const want = tokens.map((t) => {
          const v = Number(t);
          return !Number.isFinite(v) || v === -999.25 ? null : v;
        });
        const got = col(table, 'X');
        got.forEach((g, i) =>
          expect(Object.is(g, want[i]), `${tokens[i]}: ${String(g)}`).toBe(true),
        );
      }),
      { numRuns: 400 },
    );
  });
});
