import { tableFromArrays } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../operators/tables/sql.ts';
import { testContext } from '../../operators/tables/test-context.ts';
import { createNodeDriver } from './driver-node.ts';
import { PERMISSION_HINT } from './errors.ts';
import { DuckDbHost, createNodeDuckDbHost } from './node.ts';
import { checkQueryTimeLimit, DEFAULT_QUERY_TIME_LIMIT_MS } from './user-sql-driver.ts';
import { failure } from '../testing/failure.ts';

/** A query that never ends on its own (no stop condition). */
const ENDLESS =
  'WITH RECURSIVE t(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM t) SELECT count(*) FROM t';
const LIMIT_MS = 1500;

let limited: DuckDbHost;
let host: DuckDbHost;
beforeAll(async () => {
  limited = await DuckDbHost.create(
    await createNodeDriver(),
    { queryTimeLimitMs: LIMIT_MS },
    '2GB',
  );
  host = await createNodeDuckDbHost();
});
afterAll(async () => {
  await limited.close();
  await host.close();
});

async function one(h: DuckDbHost, query: string): Promise<unknown> {
  const out = await h.query(query, {});
  return out.getChild(out.schema.fields[0]?.name ?? '')?.get(0);
}

describe('wall-clock limit of a user query', () => {
  it('defaults to 5 minutes and refuses limits that are not whole milliseconds', () => {
    expect(host.queryTimeLimitMs).toBe(DEFAULT_QUERY_TIME_LIMIT_MS);
    expect(DEFAULT_QUERY_TIME_LIMIT_MS).toBe(300_000);
    for (const bad of [0, -5, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => checkQueryTimeLimit(bad)).toThrow(/query time limit/);
    }
    expect(checkQueryTimeLimit(1)).toBe(1);
  });

  it('stops a never-ending recursive CTE at the limit and says what to look for', async () => {
    const t0 = Date.now();
    const e = await failure(limited.query(ENDLESS, {}));
    const took = Date.now() - t0;
    expect(e.code).toBe('SQL_ERROR');
    expect(e.message).toMatch(/ran for more than 1\.5 s and was stopped/);
    expect(e.message).toMatch(/recursive CTE without a stop condition/);
    expect(took).toBeGreaterThanOrEqual(LIMIT_MS);
    expect(took).toBeLessThan(LIMIT_MS + 2500);
    // The instance was not harmed: the next query runs.
    expect(limited.isDead()).toBe(false);
    expect(await one(limited, 'SELECT 41 + 1 AS n')).toBe(42);
  }, 15_000);

  it('fails the sql node at its query parameter', async () => {
    const input = tableFromArrays({ x: Float64Array.from([1, 2, 3]) });
    const e = await failure(
      sql.run(
        { input },
        { query: 'SELECT count(*) FROM input a, input b, input c, range(100000000000) r' },
        testContext({ sql: limited }),
      ),
    );
    expect(e).toMatchObject({ code: 'SQL_ERROR', nodeId: 'n1', field: 'params.query' });
    expect(e.message).toMatch(/ran for more than 1\.5 s/);
  }, 15_000);

  it('applies the limit and the SQL guard to queries of fused chains (stages) too', async () => {
    const stage = limited.openStage();
    try {
      await stage.append(tableFromArrays({ x: Float64Array.from([1, 2]) }));
      const view = (t: string) => `SELECT * FROM ${t}`;
      const slow = await failure(stage.query(ENDLESS, 'input', view));
      expect(slow.message).toMatch(/ran for more than 1\.5 s/);
      const logging = await failure(stage.query('CALL enable_logging()', 'input', view));
      expect(logging.code).toBe('PERMISSION');
      const sum = await stage.query('SELECT sum(x) AS s FROM input', 'input', view);
      expect(sum.getChild('s')?.get(0)).toBe(3);
    } finally {
      await stage.close();
    }
  }, 15_000);

  it('lets a query that finishes within the limit run (time counts per query)', async () => {
    for (let i = 0; i < 3; i++) {
      expect(Number(await one(limited, 'SELECT count(*) FROM range(3000000)'))).toBe(3_000_000);
    }
  });

  it('stops such a query promptly when the run is cancelled', async () => {
    const ac = new AbortController();
    const t0 = Date.now();
    setTimeout(() => ac.abort(), 300);
    const e = await failure(host.query(ENDLESS, {}, ac.signal));
    expect(e.code).toBe('CANCELLED');
    expect(Date.now() - t0).toBeLessThan(1500);
    expect(await one(host, 'SELECT 7 AS n')).toBe(7);
  }, 10_000);
});

describe('JSON-form DuckDB errors', () => {
  it('reports IMPORT DATABASE as PERMISSION with the usual hint, not raw JSON', async () => {
    const e = await failure(host.query("IMPORT DATABASE '/tmp/x'", {}));
    expect(e.code).toBe('PERMISSION');
    expect(e.message).toContain(PERMISSION_HINT);
    expect(e.message).toMatch(/DuckDB said: Permission Error: Cannot access file "\/tmp\/x/);
    expect(e.message).not.toContain('exception_type');
  });

  it('turns a JSON parser error into DuckDB text form', async () => {
    const e = await failure(host.query('SELECT FROM WHERE', {}));
    expect(e.code).toBe('SQL_ERROR');
    expect(e.message).toMatch(/^Parser Error: syntax error/);
  });
});

describe('secrets', () => {
  it('drops a secret after the query that made it', async () => {
    const make = "CREATE SECRET s1 (TYPE http, BEARER_TOKEN 'abc')";
    const same = await one(host, `${make}; SELECT count(*)::INTEGER AS n FROM duckdb_secrets()`);
    expect(same).toBe(1);
    await host.query('CREATE OR REPLACE SECRET "we""ird" (TYPE http, BEARER_TOKEN \'x\')', {});
    await host.query("CREATE TEMPORARY SECRET s3 (TYPE http, BEARER_TOKEN 'x')", {});
    expect(await one(host, 'SELECT count(*)::INTEGER AS n FROM duckdb_secrets()')).toBe(0);
  });

  it('refuses CREATE PERSISTENT SECRET with PERMISSION', async () => {
    const e = await failure(
      host.query("CREATE PERSISTENT SECRET p (TYPE http, BEARER_TOKEN 'abc')", {}),
    );
    expect(e.code).toBe('PERMISSION');
    expect(e.message).toMatch(/cannot store persistent secrets/);
    expect(await one(host, 'SELECT count(*)::INTEGER AS n FROM duckdb_secrets()')).toBe(0);
  });
});
