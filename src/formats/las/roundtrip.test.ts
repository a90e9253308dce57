/**
 * Round trip of generated files (issue 8): fast-check builds tables with random curves, units,
 * descriptions, header items, numeric values with nulls and text curves; `writeLas` writes them and
 * `readLasTable` must give back the same header items, curves and values, whatever the line ends,
 * BOM or UTF-16 encoding of the written text and the batch size. Fixed seed (FUZZ_SEED), FUZZ_RUNS
 * multiplies the runs.
 */
import {
  Field,
  Float64,
  makeData,
  RecordBatch,
  Schema,
  Struct,
  Table,
  Utf8,
  vectorFromArray,
} from 'apache-arrow';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readLasTable } from './reader.ts';
import type { LasHeaderItem } from './types.ts';
import { writeLas } from './writer.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 8_2024);
const SCALE = Math.max(1, Number(process.env.FUZZ_RUNS ?? 1) || 1);

/** ~W identifiers the reader keeps as text, and NULL (the writer owns it): not generated. */
const RESERVED = new Set(
  'NULL WELL UWI API LIC COMP FLD LOC PROV CNTY STAT CTRY SRVC DATE LEAS'.split(' '),
);
const mnemonic = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,7}$/);
const unit = fc.oneof(
  fc.constantFrom(
    '',
    'M',
    'FT',
    'GAPI',
    'G/C3',
    'OHMM',
    'US/F',
    'V/V',
    '%',
    'klbf.ft',
    'hh:mm',
    '.1IN',
  ),
  fc.stringMatching(/^[A-Za-z0-9/%]{1,6}$/),
);
/** Printable ASCII; values leave out ':' (it ends a value) and start with a letter (else a number). */
const description = fc.stringMatching(/^[ -z|}~]{0,30}$/).map((s) => s.trim());
const textValue = fc
  .tuple(
    fc.constantFrom(...'ABCFGHJKLMOPQRSTUVWXYZabcfghjklmopqrstuvwxyz'),
    fc.stringMatching(/^[ -9;-~]{0,20}$/),
  )
  .map(([a, b]) => (a + b).trim());
const finite = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => n / 100),
);
const number = finite.filter((v) => !Object.is(v, -0));

const headerItem = fc.record({
  mnemonic: mnemonic.filter((m) => !RESERVED.has(m.toUpperCase())),
  unit,
  value: fc.oneof(number, textValue),
  description,
});

/** Text cells: a letter first (so the column reads as text), one kind of quote at most. */
const cellText = fc
  .tuple(
    fc.constantFrom(...'ABCFGHJKLMOPQRSTUVWXYZabcfghjklmopqrstuvwxyz'),
    fc.string({ unit: fc.constantFrom(...'ab 9.,;#~\t"éµ°/-'), maxLength: 12 }),
    fc.boolean(),
  )
  .map(([a, rest, single]) => a + (single ? rest.replaceAll('"', "'") : rest));

interface Spec {
  readonly nullValue: number;
  readonly well: LasHeaderItem[];
  readonly withNull: boolean;
  readonly params: LasHeaderItem[];
  readonly names: string[];
  readonly units: string[];
  readonly descriptions: string[];
  readonly text: boolean[];
  readonly columns: (number | string | null)[][];
}

const spec: fc.Arbitrary<Spec> = fc
  .record({
    nullValue: fc.constantFrom(-999.25, -9999, -1e30),
    well: fc.array(headerItem, { maxLength: 6 }),
    withNull: fc.boolean(),
    params: fc.array(headerItem, { maxLength: 4 }),
    names: fc.uniqueArray(
      mnemonic.filter((m) => m.toUpperCase() !== 'WELL'),
      { minLength: 1, maxLength: 6, selector: (m) => m.toUpperCase() },
    ),
    rows: fc.nat({ max: 25 }),
  })
  .chain((s) =>
    fc
      .tuple(
        fc.array(unit, { minLength: s.names.length, maxLength: s.names.length }),
        fc.array(description, { minLength: s.names.length, maxLength: s.names.length }),
        fc.array(fc.boolean(), { minLength: s.names.length, maxLength: s.names.length }),
      )
      .chain(([units, descriptions, textFlags]) => {
        const text = textFlags.map((t, i) => t && i > 0);
        const value = (i: number): fc.Arbitrary<number | string | null> =>
          text[i]
            ? fc.option(cellText, { nil: null })
            : i === 0
              ? number.filter((v) => v !== s.nullValue)
              : fc.option(
                  number.filter((v) => v !== s.nullValue),
                  { nil: null },
                );
        const columns = text.map((_, i) =>
          fc.array(value(i), { minLength: s.rows, maxLength: s.rows }),
        );
        return fc.tuple(...columns).map((cols) => ({
          ...s,
          units,
          descriptions,
          text,
          columns: cols,
        }));
      }),
  );

function tableOf(s: Spec): Table {
  const well = s.withNull
    ? [...s.well, { mnemonic: 'NULL', unit: '', value: s.nullValue, description: 'NULL VALUE' }]
    : s.well;
  const vectors = s.columns.map((c, i) =>
    vectorFromArray(c, s.text[i] ? new Utf8() : new Float64()),
  );
  const fields = s.names.map(
    (name, i) =>
      new Field(
        name,
        vectors[i]!.type,
        true,
        new Map([
          ['unit', s.units[i]!],
          ['description', s.descriptions[i]!],
        ]),
      ),
  );
  const meta = new Map([
    ['las.well', JSON.stringify(well)],
    ['las.params', JSON.stringify(s.params)],
    ['las.nullValue', String(s.nullValue)],
  ]);
  const schema = new Schema(fields, meta);
  const length = s.columns[0]!.length;
  const children = vectors.map((v) => v.data[0]!);
  const data = makeData({ type: new Struct(fields), length, nullCount: 0, children });
  return new Table([new RecordBatch(schema, data)]);
}

const LINE_ENDS = ['\n', '\r\n', '\r'] as const;
type Wire = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

function encode(text: string, wire: Wire): Uint8Array {
  if (wire === 'utf-8') return new TextEncoder().encode(text);
  if (wire === 'utf-8-bom') return new TextEncoder().encode('\uFEFF' + text);
  const le = new Uint8Array(Buffer.from('\uFEFF' + text, 'utf16le'));
  if (wire === 'utf-16be')
    for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
}

describe('writeLas -> readLasTable round trip (seed ' + SEED + ')', () => {
  it(
    'gives back header items, curves and values of generated tables',
    () => {
      fc.assert(
        fc.property(
          spec,
          fc.constantFrom(...LINE_ENDS),
          fc.constantFrom<Wire>('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be'),
          fc.constantFrom(undefined, 1, 4),
          (s, eol, wire, batchSize) => {
            const written = writeLas(tableOf(s)).replaceAll('\n', eol);
            const r = readLasTable(encode(written, wire), {
              fileName: 'rt.las',
              ...(batchSize ? { batchSize } : {}),
            });
            if (!r.ok) throw new Error(`line ${r.error.line}: ${r.error.message}\n${written}`);
            const { info, table } = r.value;
            const nullItem = {
              mnemonic: 'NULL',
              unit: '',
              value: s.nullValue,
              description: 'NULL VALUE',
            };
            // Without a NULL item the writer adds one, so its nulls stay nulls.
            expect(info.well).toEqual([...s.well, nullItem]);
            expect(info.params).toEqual(s.params);
            expect(info.nullValue).toBe(s.nullValue);
            expect(info.curves.map((c) => [c.mnemonic, c.unit, c.description])).toEqual(
              s.names.map((n, i) => [n, s.units[i], s.descriptions[i]]),
            );
            const rows = s.columns[0]!.length;
            expect(table.numRows).toBe(rows);
            s.names.forEach((name, i) => {
              const col = table.getChild(name);
              // A text column stays text even when every value is null (writeLas marks it {S}).
              const want = s.text[i] ? 'Utf8' : 'Float64';
              expect(String(col?.type), name).toBe(want);
              expect(col ? [...col] : [], name).toEqual(s.columns[i]);
            });
          },
        ),
        { seed: SEED, numRuns: 150 * SCALE },
      );
    },
    60_000 * SCALE,
  );
});
