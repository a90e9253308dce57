import type { RecordBatch, Vector } from 'apache-arrow';
import {
  Float64,
  Int64,
  Table,
  Utf8,
  tableFromIPC,
  tableToIPC,
  vectorFromArray,
} from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { nullifyMissing, usualNullsIn } from './csv-missing.ts';

/** A batch as the worker gets it from DuckDB: through Arrow IPC (types decoded as Float/Int). */
function batchOf(columns: Record<string, Vector>): RecordBatch {
  const t = tableFromIPC(tableToIPC(new Table(columns)));
  return t.batches[0]!;
}

describe('nullifyMissing', () => {
  it('makes the doubles and integers equal to the value null, keeping other nulls and text', () => {
    const b = batchOf({
      GR: vectorFromArray([45.5, -999.25, null, -999.25, 60], new Float64()),
      N: vectorFromArray([1n, -999n, 3n, null, 5n], new Int64()),
      S: vectorFromArray(['-999.25', 'x', 'y', 'z', 'w'], new Utf8()),
    });
    const out = nullifyMissing(b, -999.25);
    expect(out.numRows).toBe(5);
    expect([...(out.getChild('GR') ?? [])]).toEqual([45.5, null, null, null, 60]);
    expect(out.getChild('GR')?.nullCount).toBe(3);
    // -999.25 is not an integer: no integer equals it.
    expect([...(out.getChild('N') ?? [])]).toEqual([1n, -999n, 3n, null, 5n]);
    expect([...(out.getChild('S') ?? [])]).toEqual(['-999.25', 'x', 'y', 'z', 'w']);
    const ints = nullifyMissing(b, -999);
    expect([...(ints.getChild('N') ?? [])]).toEqual([1n, null, 3n, null, 5n]);
    expect(ints.schema.fields.map((f) => f.name)).toEqual(['GR', 'N', 'S']);
  });

  it('returns the batch itself when no value matches, and handles sliced data', () => {
    const b = batchOf({ GR: vectorFromArray([1, 2, -9999, 4], new Float64()) });
    expect(nullifyMissing(b, -999.25)).toBe(b);
    const sliced = b.slice(1, 4);
    expect([...(nullifyMissing(sliced, -9999).getChild('GR') ?? [])]).toEqual([2, null, 4]);
  });
});

describe('usualNullsIn', () => {
  it('names the numeric columns holding -999.25 or -9999', () => {
    const b = batchOf({
      A: vectorFromArray([1, -999.25], new Float64()),
      B: vectorFromArray([1n, -9999n], new Int64()),
      C: vectorFromArray([1, 2], new Float64()),
      D: vectorFromArray(['-999.25', 'x'], new Utf8()),
    });
    expect(usualNullsIn(b)).toEqual([
      { column: 'A', value: -999.25 },
      { column: 'B', value: -9999 },
    ]);
  });
});
