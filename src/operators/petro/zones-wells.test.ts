import {
  Field,
  Int64,
  RecordBatch,
  Schema,
  Struct,
  Table,
  Utf8,
  makeData,
  vectorFromArray,
  type Data,
  type DataType,
} from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { zonesAssign } from './zones.ts';
import { tableOf, testContext, valuesOf } from './test-helpers.ts';

/** A one-batch table of typed columns (the test helper only makes Float64 and Utf8). */
function typedTable(columns: readonly [string, DataType, readonly unknown[]][]): Table {
  const fields = columns.map(([name, type]) => new Field(name, type, true));
  const children: Data[] = columns.map(
    ([, type, values]) => vectorFromArray(values as unknown[], type).data[0]!,
  );
  const schema = new Schema(fields);
  const length = columns[0]![2].length;
  const batch = new RecordBatch(
    schema,
    makeData({ type: new Struct(fields), length, nullCount: 0, children }),
  );
  return new Table(schema, [batch]);
}

describe('zones.assign matches wells read by different readers', () => {
  it('matches a numeric well id from a tops CSV (BIGINT) with the same id as text from LAS', async () => {
    // LAS header WELL. 1001 gives the text "1001"; DuckDB sniffs a tops CSV column of ids as BIGINT.
    const logs = tableOf({ DEPT: [100, 110, 120], WELL: ['1001', '1001', ' 1002 '] });
    const tops = typedTable([
      ['WELL', new Int64(), [1001n, 1002n]],
      ['TOP', new Int64(), [105n, 115n]],
      ['ZONE', new Utf8(), ['A', 'B']],
    ]);
    const ctx = testContext();
    const out = await zonesAssign.run({ logs, tops }, {}, ctx);
    // 100 is above well 1001's only top (105): null; 110 -> A. Well " 1002 " (padded) is 1002: 120 >= 115 -> B.
    expect(valuesOf(out, 'ZONE')).toEqual([null, 'A', 'B']);
    expect(ctx.warnings).toEqual([]);
  });
});

describe('zones.assign warns when a well gets no zone at all', () => {
  it('names the well, its index range and first top when tops in feet meet a log in metres', async () => {
    // Tops of well A in feet (3280.8 ft = 1000 m) against a log in metres 1000-1010: all above.
    const logs = tableOf({ DEPT: [1000, 1005, 1010, 2000], WELL: ['A', 'A', 'A', 'B'] });
    const tops = tableOf({
      WELL: ['A', 'A', 'B'],
      TOP: [3280.8, 3300, 1990],
      ZONE: ['X', 'Y', 'Q'],
    });
    const ctx = testContext();
    const out = await zonesAssign.run({ logs, tops }, {}, ctx);
    expect(valuesOf(out, 'ZONE')).toEqual([null, null, null, 'Q']);
    expect(ctx.warnings).toEqual([
      'None of the 3 samples of well "A" (index 1000 to 1010) is at or below its first top (3280.8), so its ZONE is null throughout. Check that the tops are in the unit of the index (feet or metres) and belong to this well.',
    ]);
  });

  it('says so when the tops table has no top depth, and stays quiet when some samples are zoned', async () => {
    const logs = tableOf({ DEPT: [10, 20] });
    const empty = tableOf({ TOP: [null], ZONE: ['X'] });
    const ctx = testContext();
    expect(valuesOf(await zonesAssign.run({ logs, tops: empty }, {}, ctx), 'ZONE')).toEqual([
      null,
      null,
    ]);
    expect(ctx.warnings).toEqual([
      'The tops table has no top depth (its top column is empty or null), so ZONE is null throughout. Connect a tops table with top depths.',
    ]);
    const quiet = testContext();
    const some = tableOf({ TOP: [15], ZONE: ['X'] });
    expect(valuesOf(await zonesAssign.run({ logs, tops: some }, {}, quiet), 'ZONE')).toEqual([
      null,
      'X',
    ]);
    expect(quiet.warnings).toEqual([]);
  });
});

describe('zones.assign with samples that have no well name', () => {
  it('says that a null well matches no tops, instead of naming a well "null"', async () => {
    const logs = tableOf({ DEPT: [100, 110], WELL: [null, 'A'] });
    const tops = tableOf({ WELL: ['A'], TOP: [105], ZONE: ['X'] });
    const ctx = testContext();
    const out = await zonesAssign.run({ logs, tops }, {}, ctx);
    expect(valuesOf(out, 'ZONE')).toEqual([null, 'X']);
    expect(ctx.warnings).toEqual([
      'Samples without a well name (a null WELL) match no tops; their ZONE is null. Fill WELL in the logs (e.g. a math.expression node) with the well name the tops use.',
    ]);
  });
});
