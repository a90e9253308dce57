import {
  Field,
  Float64,
  Schema,
  Table,
  Utf8,
  tableFromArrays,
  vectorFromArray,
} from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { batchFromColumns } from './arrow-util.ts';
import { filterDepth } from './filter-depth.ts';
import { testContext, values } from './test-context.ts';

const schema = new Schema([
  new Field('DEPT', new Float64(), true, new Map([['unit', 'M']])),
  new Field('GR', new Float64(), true, new Map([['unit', 'API']])),
  new Field('LITH', new Utf8(), true),
]);

function batch(dept: (number | null)[], gr: number[], lith: string[]) {
  return batchFromColumns(
    schema,
    [
      vectorFromArray(dept, new Float64()).data[0]!,
      vectorFromArray(gr, new Float64()).data[0]!,
      vectorFromArray(lith, new Utf8()).data[0]!,
    ],
    dept.length,
  );
}

describe('filter.depth', () => {
  it('keeps top <= index <= base inclusive, with metadata, on an increasing index', async () => {
    const bind = filterDepth.bind(schema, { top: 1001, base: 1002 }, testContext());
    if (!bind.ok) throw new Error(bind.error.message);
    const out = await bind.value(
      batch([1000, 1001, 1001.5, 1002, 1003], [1, 2, 3, 4, 5], ['a', 'b', 'c', 'd', 'e']),
    );
    expect(values(out, 'DEPT')).toEqual([1001, 1001.5, 1002]);
    expect(values(out, 'LITH')).toEqual(['b', 'c', 'd']);
    expect(out.schema.fields[1]?.metadata.get('unit')).toBe('API');
  });

  it('works on a decreasing index, with top and base in either order, dropping null index rows', async () => {
    const bind = filterDepth.bind(
      schema,
      { index: 'DEPT', top: 1002, base: 1000.5 },
      testContext(),
    );
    if (!bind.ok) throw new Error(bind.error.message);
    const out = await bind.value(
      batch([1003, 1002, null, 1001, 1000], [5, 4, 9, 2, 1], ['e', 'd', 'x', 'b', 'a']),
    );
    expect(values(out, 'DEPT')).toEqual([1002, 1001]);
    expect(values(out, 'GR')).toEqual([4, 2]);
    expect(values(out, 'LITH')).toEqual(['d', 'b']);
  });

  it('uses the first column by default and can return no rows', async () => {
    const t = tableFromArrays({ MD: Float64Array.from([1, 2, 3]) });
    const bind = filterDepth.bind(t.schema, { top: 10, base: 20 }, testContext());
    if (!bind.ok) throw new Error(bind.error.message);
    const out = await bind.value(t.batches[0]!);
    expect(out.numRows).toBe(0);
    expect(out.schema.fields.map((f) => f.name)).toEqual(['MD']);
  });

  it('names the parameter when the index column is missing or not numeric', () => {
    const missing = filterDepth.outputSchema({ in: schema }, { index: 'DEPTH', top: 1, base: 2 });
    expect(missing?.ok).toBe(false);
    if (missing && !missing.ok) {
      expect(missing.error.field).toBe('params.index');
      expect(missing.error.message).toMatch(/"DEPTH" is not in the input.*DEPT, GR, LITH/);
    }
    const text = filterDepth.bind(schema, { index: 'LITH', top: 1, base: 2 }, testContext());
    expect(text.ok).toBe(false);
    const ok = filterDepth.outputSchema({ in: schema }, { top: 1, base: 2 });
    expect(ok?.ok && ok.value).toBe(schema);
    expect(new Table(schema).numRows).toBe(0);
  });
});
