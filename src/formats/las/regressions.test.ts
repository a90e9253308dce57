/** Regression tests of bugs found by fuzzing and round-tripping the reader (issue 8), one per bug. */
import {
  Field,
  Float64,
  makeData,
  RecordBatch,
  Schema,
  Struct,
  Table,
  vectorFromArray,
} from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { PetroflowException } from '../../model/errors.ts';
import { BATCH_CELLS } from './data.ts';
import { MAX_CURVES, openLas, readLasTable } from './reader.ts';
import { col, lasText, readOk } from './testUtil.ts';
import { writeLas } from './writer.ts';

const HEAD = '~V\n VERS. 2.0 :\n WRAP. NO :\n~W\n NULL. -999.25 :\n~C\n D.M :\n';
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

function table(items: object[], values: (number | null)[]): Table {
  const v = vectorFromArray(values, new Float64());
  const fields = [new Field('D', new Float64(), true), new Field('GR', new Float64(), true)];
  const schema = new Schema(fields, new Map([['las.well', JSON.stringify(items)]]));
  const d = vectorFromArray([1, 2, 3], new Float64());
  const data = makeData({
    type: new Struct(fields),
    length: 3,
    nullCount: 0,
    children: [d.data[0]!, v.data[0]!],
  });
  return new Table([new RecordBatch(schema, data)]);
}

describe('reader and writer regressions', () => {
  it('bug: a first data line of 50 000 values allocated 65 536 rows per column (26 GB, minutes)', () => {
    const line = '1 '.repeat(50_000);
    const t0 = performance.now();
    const r = openLas(bytes(HEAD + '~A\n' + line + '\n' + line + '\n'), { fileName: 'wide.las' });
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.line).toBe(8);
    expect(r.error.message).toMatch(new RegExp(`50000 curves .* at most ${MAX_CURVES}`));
  });

  it('bug: batches of wide tables were sized by rows only (now by a cell budget)', () => {
    const curves = Array.from({ length: 2000 }, (_, i) => ` C${i}. :`).join('\n');
    const rows = Array.from({ length: 3000 }, (_, i) => `${i} ` + '1 '.repeat(1999)).join('\n');
    const r = openLas(bytes(HEAD.replace(' D.M :\n', '') + curves + '\n~A\n' + rows), {
      fileName: 'w.las',
    });
    if (!r.ok) throw new Error(r.error.message);
    const sizes = [...r.value.batches()].map((b) => b.numRows);
    expect(Math.max(...sizes)).toBe(Math.floor(BATCH_CELLS / 2000));
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(3000);
  });

  it('bug: short rows under thousands of curves expanded a 2 MB file into tens of GB', () => {
    const curves = Array.from({ length: 9000 }, (_, i) => ` C${i}. :`).join('\n');
    const file = HEAD + curves + '\n~A\n' + '1\n'.repeat(1_000_000);
    const r = openLas(bytes(file), { fileName: 'short.las' });
    if (!r.ok) throw new Error(r.error.message);
    let thrown: unknown;
    try {
      for (const _ of r.value.batches());
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(PetroflowException);
    const detail = (thrown as PetroflowException).detail;
    expect(detail.code).toBe('LAS_READ');
    expect(detail.file).toBe('short.las');
    expect(detail.line).toBeGreaterThan(9008);
    expect(detail.message).toMatch(/far fewer values than the 9001 curves.*check WRAP/);
  });

  it('bug: distinct null spellings (1.#INF, 2.#INF...) each got a warning, uncapped', () => {
    const data = Array.from({ length: 500 }, (_, i) => `${i} ${i}.#INF`);
    const { warnings, table } = readOk(lasText([' D.M :', ' X. :'], data));
    expect(col(table, 'X').every((v) => v === null)).toBe(true);
    expect(warnings.length).toBe(21);
    expect(warnings[20]?.message).toMatch(
      /^and 480 more like this \(null spelling; lines 34-513\)/,
    );
  });

  it('bug: the writer dropped nulls when las.well had no NULL item', () => {
    const written = writeLas(
      table([{ mnemonic: 'WELL', unit: '', value: 'A', description: '' }], [1, null, 3]),
    );
    const r = readLasTable(bytes(written), { fileName: 'n.las' });
    if (!r.ok) throw new Error(r.error.message);
    expect(col(r.value.table, 'GR')).toEqual([1, null, 3]);
    expect(r.value.info.nullValue).toBe(-999.25);
  });

  it('bug: the writer let a colon in a description be read as the delimiter', () => {
    const items = [
      { mnemonic: 'A', unit: 'M', value: 'abcdefghijklmn', description: 'd' },
      { mnemonic: 'B', unit: 'M', value: 'x', description: 'abcdefghijk:z' },
      { mnemonic: 'C', unit: '', value: 'a..b', description: 'two dots in a value' },
    ];
    const r = readLasTable(bytes(writeLas(table(items, [1, 2, 3]))), { fileName: 'c.las' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.info.well.slice(0, 3)).toEqual(items);
  });
});
