/**
 * The sql node over an input whose column names differ only in case: DuckDB's renaming is what
 * src/operators/tables/case-clash.ts predicts, and the node warns with those names.
 */
import { tableFromArrays } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duckdbColumnNames } from '../../operators/tables/case-clash.ts';
import { sql } from '../../operators/tables/sql.ts';
import type { RunContext } from '../../operators/types.ts';
import type { DuckDbHost } from './host.ts';
import { createNodeDuckDbHost } from './node.ts';

let host: DuckDbHost;
beforeAll(async () => {
  host = await createNodeDuckDbHost();
}, 60_000);
afterAll(() => host.close());

function columns(names: string[]) {
  return tableFromArrays(Object.fromEntries(names.map((n, i) => [n, Float64Array.of(i, i + 10)])));
}

describe('sql node inputs with names that differ only in case', () => {
  it.each([[['GR', 'gr', 'Gr']], [['a', 'A', 'a_1']], [['x', 'X', 'x', 'X_1']]])(
    'are renamed by DuckDB as predicted: %j',
    async (names) => {
      // tableFromArrays keeps one column per distinct key: build the schema's names as given.
      const unique = [...new Set(names)];
      const t = columns(unique);
      const r = await host.query('SELECT * FROM input', { input: t });
      expect(r.schema.fields.map((f) => f.name)).toEqual(duckdbColumnNames(unique));
    },
  );

  it('warn, naming what the lowercase name reads and what to write', async () => {
    const warnings: string[] = [];
    const ctx = {
      nodeId: 'q',
      sql: host,
      signal: new AbortController().signal,
      warn: (m: string) => warnings.push(m),
    } as unknown as RunContext;
    const out = await sql.run(
      { input: columns(['GR', 'gr']) },
      { query: 'SELECT gr FROM input' },
      ctx,
    );
    // What DuckDB does (the reason for the warning): "gr" reads GR.
    expect(out.getChildAt(0)?.get(0)).toBe(0);
    expect(warnings).toEqual([
      expect.stringContaining('"gr" reads GR; write gr_1 for the column gr'),
    ]);
  });
});
