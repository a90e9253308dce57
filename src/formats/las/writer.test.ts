import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Field, Float64, Schema, Table, Utf8, vectorFromArray } from 'apache-arrow';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { col, readOk } from './testUtil.ts';
import { writeLas } from './writer.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'tests', 'fixtures', 'lasio', 'files');

function roundTrip(text: string | Uint8Array, name: string) {
  const first = readOk(text, name);
  const written = writeLas(first.table);
  const second = readOk(written, name);
  return { first, second, written };
}

describe('writeLas', () => {
  it.each([
    '1.2/sample.las',
    '2.0/sample_2.0.las',
    'lasio_issue_271.las',
    '3.0/sample_3.0.las',
    'sample_issue105_c.las',
    '6038187_v1.2.las',
    'autodepthindex_point_one_inch.las',
  ])('round-trips %s: same header items, curves and values', (rel) => {
    const { first, second } = roundTrip(new Uint8Array(readFileSync(join(FIXTURES, rel))), rel);
    // STRT/STOP/STEP are rewritten from the rows (hunt2.test.ts); the rest is kept as read.
    const range = new Set(['STRT', 'STOP', 'STEP']);
    const rest = (items: typeof first.info.well) => items.filter((i) => !range.has(i.mnemonic));
    expect(rest(second.info.well)).toEqual(rest(first.info.well));
    const index = col(first.table, first.info.curves[0]!.mnemonic);
    const value = (m: string): unknown => second.info.well.find((i) => i.mnemonic === m)?.value;
    expect([value('STRT'), value('STOP')]).toEqual([index[0], index[index.length - 1]]);
    expect(second.info.params).toEqual(first.info.params);
    expect(second.info.curves.map(({ line: _l, ...c }) => c)).toEqual(
      first.info.curves.map(({ line: _l, ...c }) => c),
    );
    const rows = (t: Table): unknown[] =>
      Array.from({ length: t.numRows }, (_, i) =>
        t.schema.fields.map((f) => t.getChild(f.name)?.get(i) as unknown),
      );
    expect(rows(second.table)).toEqual(rows(first.table));
    expect(second.warnings.filter((w) => !w.message.includes('repeats an earlier name'))).toEqual(
      [],
    );
  });

  it('writes shortest round-trip numbers, nulls as NULL, quotes text with blanks', () => {
    const { written } = roundTrip(
      [
        '~V',
        ' VERS. 2.0 :',
        '~W',
        ' NULL. -999.25 :',
        '~C',
        ' DEPT.M :',
        ' GR. :',
        ' ZONE. :',
        '~A',
        '1.10 0.1000 top_a',
        '2.0 -999.25 "a b"',
      ].join('\n'),
      'a.las',
    );
    const data = written.split('\n~A\n')[1]!.trim().split('\n');
    expect(data.map((l) => l.trim().split(/ +/))).toEqual([
      ['1.1', '0.1', 'top_a'],
      ['2', '-999.25', '"a', 'b"'],
    ]);
  });

  it('computes a minimal ~Well from the data when the table has no LAS metadata', () => {
    const table = new Table({
      DEPTH: vectorFromArray([10, 10.5, 11, 11.5], new Float64()),
      GR: vectorFromArray([1, null, 3, 4], new Float64()),
      NOTE: vectorFromArray(['x', null, 'y z', ''], new Utf8()),
    });
    const text = writeLas(table, { nullValue: -9999 });
    const r = readOk(text, 'plain.las');
    expect(r.info.well.map((w) => [w.mnemonic, w.value])).toEqual([
      ['STRT', 10],
      ['STOP', 11.5],
      ['STEP', 0.5],
      ['NULL', -9999],
      ['WELL', ''],
    ]);
    expect(col(r.table, 'GR')).toEqual([1, null, 3, 4]);
    expect(col(r.table, 'NOTE')).toEqual(['x', null, 'y z', null]);
    expect(col(r.table, 'WELL')).toEqual(['plain', 'plain', 'plain', 'plain']);
  });

  it('round-trips random small tables (property)', () => {
    const num = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
      fc.integer({ min: -1000, max: 1000 }),
      fc.constant(null),
    );
    const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_ ]{0,8}[A-Za-z0-9]$/);
    const tables = fc.integer({ min: 1, max: 4 }).chain((nNum) =>
      fc.record({
        rows: fc.array(
          fc.tuple(fc.array(num, { minLength: nNum, maxLength: nNum }), fc.option(word)),
          { minLength: 1, maxLength: 12 },
        ),
        units: fc.array(fc.stringMatching(/^[A-Z/]{0,4}$/), { minLength: nNum, maxLength: nNum }),
      }),
    );
    fc.assert(
      fc.property(tables, ({ rows, units }) => {
        const n = units.length;
        const fields = [
          new Field(
            'DEPT',
            new Float64(),
            true,
            new Map([
              ['unit', 'M'],
              ['description', 'DEPTH'],
              ['mnemonic', 'DEPT'],
            ]),
          ),
          ...units.map(
            (u, i) =>
              new Field(
                `C${i}`,
                new Float64(),
                true,
                new Map([
                  ['unit', u],
                  ['description', `curve ${i}`],
                  ['mnemonic', `C${i}`],
                ]),
              ),
          ),
          new Field(
            'TXT',
            new Utf8(),
            true,
            new Map([
              ['unit', ''],
              ['description', 'text'],
              ['mnemonic', 'TXT'],
            ]),
          ),
        ];
        const columns = {
          DEPT: vectorFromArray(
            rows.map((_, r) => r * 0.5),
            new Float64(),
          ),
          ...Object.fromEntries(
            units.map((_, i) => [
              `C${i}`,
              vectorFromArray(
                rows.map(([v]) => v[i] ?? null),
                new Float64(),
              ),
            ]),
          ),
          TXT: vectorFromArray(
            rows.map(([, t]) => t),
            new Utf8(),
          ),
        };
        const table = new Table(new Schema(fields), columns);
        const back = readOk(writeLas(table), 'prop.las');
        expect(back.info.curves.map((c) => [c.mnemonic, c.unit, c.description])).toEqual(
          fields.map((f) => [f.name, f.metadata.get('unit'), f.metadata.get('description')]),
        );
        for (let i = 0; i < n; i++) {
          const want = rows.map(([v]) => {
            const x = v[i] ?? null;
            return x === null || x === -999.25 ? null : x;
          });
          expect(
            col(back.table, `C${i}`).map((x) => (x === null ? null : Object.is(x, -0) ? 0 : x)),
          ).toEqual(want.map((x) => (x === null ? null : Object.is(x, -0) ? 0 : x)));
        }
        // A text column whose sampled values are all missing reads back as numbers (all null).
        const txt = rows.map(([, t]) => t);
        if (txt.some((t) => t !== null)) expect(col(back.table, 'TXT')).toEqual(txt);
      }),
      { numRuns: 300 },
    );
  });
});
