import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopLogging } from './catalog-reset.ts';
import type { DuckDbDriver } from './driver.ts';
import { createNodeDriver } from './driver-node.ts';
import { lockdownStatements } from './lockdown.ts';
import { createNodeDuckDbHost, type DuckDbHost } from './node.ts';
import { runPendingQuery } from './run-query.ts';
import { failure } from '../testing/failure.ts';

/** Ways of switching logging on that DuckDB 1.4.3 runs despite the configuration lock. */
const SWITCH_ON = [
  'CALL enable_logging()',
  'call ENABLE_LOGGING ( )',
  'CALL "Enable_Logging"()',
  'CALL system.main.enable_logging()',
  '/* x */ CALL enable_logging/* c */()',
  'WITH t AS (SELECT 1) SELECT * FROM t, enable_logging()',
  "SELECT 1; CALL enable_logging(level := 'trace')",
  "SELECT E'\\'' AS a; CALL enable_logging(); SELECT '' AS b",
  "SELECT * FROM query('SELECT * FROM enable_logging()')",
  "SELECT * FROM query('SELECT * FROM enable_' || 'logging()')",
];

let raw: DuckDbDriver;
let host: DuckDbHost;
beforeAll(async () => {
  raw = await createNodeDriver();
  const conn = await raw.connect();
  for (const stmt of lockdownStatements('1GB')) await runPendingQuery(raw, conn, stmt);
  await raw.disconnect(conn);
  host = await createNodeDuckDbHost();
});
afterAll(async () => {
  await host.close();
  await raw.terminate();
});

async function rawValue(sql: string): Promise<unknown> {
  const conn = await raw.connect();
  try {
    const t = await runPendingQuery(raw, conn, sql);
    return t.getChild(t.schema.fields[0]?.name ?? '')?.get(0);
  } finally {
    await raw.disconnect(conn);
  }
}

async function value(sql: string): Promise<unknown> {
  const t = await host.query(sql, {});
  return t.getChild(t.schema.fields[0]?.name ?? '')?.get(0);
}

const LOGGING_ON = "SELECT CAST(current_setting('enable_logging') AS BOOLEAN) AS on";
const LOG_ROWS = 'SELECT count(*)::INTEGER AS n FROM duckdb_logs';

describe('logging cannot be switched on by user SQL', () => {
  it('is switched on by each of these on a locked-down instance without the guard', async () => {
    for (const sql of SWITCH_ON) {
      expect(await rawValue(LOGGING_ON), sql).toBe(false);
      await rawValue(sql).catch(() => undefined);
      expect(await rawValue(LOGGING_ON), sql).toBe(true);
      await rawValue('CALL disable_logging()');
      await rawValue('CALL truncate_duckdb_logs()');
    }
  });

  it('refuses each of them with PERMISSION on the host, and logging stays off', async () => {
    for (const sql of SWITCH_ON) {
      const e = await failure(host.query(sql, {}));
      expect(e.code, sql).toBe('PERMISSION');
      expect(e.message, sql).toMatch(/SQL nodes cannot change DuckDB's logging|query\(\) at/);
    }
    expect(await value(LOGGING_ON)).toBe(false);
    expect(await value(LOG_ROWS)).toBe(0);
  });

  it('refuses file storage (it crashed DuckDB) and the other logging functions', async () => {
    for (const sql of [
      "CALL enable_logging('QueryLog', storage='file', storage_path='/tmp/petroflow-x')",
      'CALL disable_logging()',
      'CALL truncate_duckdb_logs()',
    ]) {
      expect((await failure(host.query(sql, {}))).code, sql).toBe('PERMISSION');
    }
    expect(host.isDead()).toBe(false);
    expect(await value('SELECT 3 AS n')).toBe(3);
  });

  it('refuses logging settings (configuration lock)', async () => {
    for (const sql of [
      'SET enable_logging=true',
      "SET logging_storage='file'",
      "SET enabled_log_types='QueryLog'",
      "SET logging_level='trace'",
      'RESET logging_mode',
    ]) {
      expect((await failure(host.query(sql, {}))).code, sql).toBe('PERMISSION');
    }
    expect(await value(LOGGING_ON)).toBe(false);
  });

  it('runs SQL that only mentions these names in strings, comments or longer names', async () => {
    expect(await value("SELECT 'enable_logging' AS s, 1 AS enable_logging_x")).toBe(
      'enable_logging',
    );
    expect(await value('-- CALL enable_logging()\nSELECT 1 AS one')).toBe(1);
    expect(await value('/* /* */ CALL enable_logging() */ SELECT 2 AS two')).toBe(2);
    expect(await value("SELECT E'\\' CALL enable_logging() --' AS s")).toBe(
      "' CALL enable_logging() --",
    );
    expect(await value("SELECT * FROM query('SELECT 42 AS a')")).toBe(42);
    expect(await value(LOGGING_ON)).toBe(false);
  });

  it('switches logging off and empties the log after a query that got past the guard', async () => {
    await rawValue("CALL enable_logging(level := 'trace')");
    await rawValue('SELECT 1');
    expect(Number(await rawValue(LOG_ROWS))).toBeGreaterThan(0);
    const e = await failure(stopLogging(raw));
    expect(e.code).toBe('PERMISSION');
    expect(e.message).toMatch(/switched it on, so it was switched off again/);
    expect(await rawValue(LOGGING_ON)).toBe(false);
    expect(await rawValue(LOG_ROWS)).toBe(0);
    await expect(stopLogging(raw)).resolves.toBeUndefined();
  });
});
