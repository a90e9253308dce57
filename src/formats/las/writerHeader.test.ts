/**
 * Writer header items from the review: the ~Well range of an index that is not a plain number
 * column (Decimal, Int64), and units that start with a dot (`.1IN`, as lasio reads
 * `DEPT  ..1IN`), which must read back unchanged after a write.
 */
import {
  Decimal,
  Field,
  Float64,
  Int64,
  makeData,
  RecordBatch,
  Schema,
  Struct,
  Table,
  vectorFromArray,
  type Data,
} from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { parseHeaderLine } from './headerLine.ts';
import { col, lasText, readOk } from './testUtil.ts';
import { writeLas } from './writer.ts';

/** A table of the given fields and column data (one batch). */
function tableOf(fields: Field[], children: Data[], length: number): Table {
  const data = makeData({ type: new Struct(fields), length, nullCount: 0, children });
  return new Table([new RecordBatch(new Schema(fields), data)]);
}

/** The value of ~Well item `m` as read back. */
const wellValue = (r: ReturnType<typeof readOk>, m: string): unknown =>
  r.info.well.find((i) => i.mnemonic === m)?.value;

describe('writer: STRT/STOP/STEP of an index that is not a Float64 column', () => {
  it('a Decimal index gives its scaled values (STRT was empty)', () => {
    // DECIMAL(10,2) 1500.25, 1500.50, 1500.75: unscaled 150025, 150050, 150075.
    const words = new Uint32Array([150025, 0, 0, 0, 150050, 0, 0, 0, 150075, 0, 0, 0]);
    const dept = makeData({ type: new Decimal(2, 10, 128), length: 3, data: words });
    const gr = vectorFromArray([10, 20, 30], new Float64());
    const fields = [new Field('DEPT', dept.type), new Field('GR', new Float64())];
    const r = readOk(writeLas(tableOf(fields, [dept, gr.data[0]!], 3)), 'dec.las', 0, true);
    expect([wellValue(r, 'STRT'), wellValue(r, 'STOP'), wellValue(r, 'STEP')]).toEqual([
      1500.25, 1500.75, 0.25,
    ]);
    expect(col(r.table, 'DEPT')).toEqual([1500.25, 1500.5, 1500.75]);
    expect(r.warnings).toEqual([]);
  });

  it('an Int64 index (bigint values) too', () => {
    const dept = vectorFromArray([100n, 102n, 104n], new Int64());
    const gr = vectorFromArray([1, 2, 3], new Float64());
    const fields = [new Field('DEPT', new Int64()), new Field('GR', new Float64())];
    const r = readOk(writeLas(tableOf(fields, [dept.data[0]!, gr.data[0]!], 3)), 'i.las', 0, true);
    expect([wellValue(r, 'STRT'), wellValue(r, 'STOP'), wellValue(r, 'STEP')]).toEqual([
      100, 104, 2,
    ]);
    expect(r.warnings).toEqual([]);
  });
});

describe('units that start with a dot', () => {
  it('are read as lasio reads them: a blank before `..` ends the mnemonic at the first dot', () => {
    // lasio: `DEPT ..M` -> DEPT / .M (its `[^ ]\.\.` rule); `DEPT..M` -> DEPT. / M (issue-264).
    expect(parseHeaderLine('DEPT ..M  : d')).toMatchObject({ mnemonic: 'DEPT', unit: '.M' });
    expect(parseHeaderLine('DEPT  ..1IN  : d')).toMatchObject({ mnemonic: 'DEPT', unit: '.1IN' });
    expect(parseHeaderLine('DEPT..M  : d')).toMatchObject({ mnemonic: 'DEPT.', unit: 'M' });
    expect(parseHeaderLine('Cond..MS/M  : d')).toMatchObject({ mnemonic: 'Cond.', unit: 'MS/M' });
  });

  const units = ['.1IN', '.M', '..M', '.5MM', 'M', 'klbf.ft', 'hh:mm', 'G/C3', '%', ''];
  it.each(units)('unit %j reads back after a write in ~Well, ~Curve and ~Parameter', (unit) => {
    const text = lasText(
      [` DEPT .${unit}  : depth`, ` Cond..${unit}  : ends with a dot`],
      ['100 1', '101 2'],
      { well: [` STRT .${unit}  100 : START`, ' NULL.  -999.25 : NULL'] },
    ).replace('~A', `~PARAMETER\n BHT .${unit}  35.5 : temperature\n~A`);
    const first = readOk(text, 'units.las');
    const units1 = [first.info.curves[0]!.unit, first.info.curves[1]!.unit];
    // The file is read as lasio reads it (a unit of its own, whatever the dots).
    expect(units1).toEqual([unit, unit]);
    expect(first.info.params[0]!.unit).toBe(unit);
    const second = readOk(writeLas(first.table), 'units2.las');
    expect(second.info.curves.map((c) => [c.mnemonic, c.unit])).toEqual([
      ['DEPT', unit],
      ['Cond.', unit],
    ]);
    expect(second.info.well.find((i) => i.mnemonic === 'STRT')?.unit).toBe(unit);
    expect(second.info.params[0]).toMatchObject({ mnemonic: 'BHT', unit, value: 35.5 });
  });
});
