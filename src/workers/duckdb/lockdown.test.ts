import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromArrays } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PetroflowException, type PetroflowError } from '../../model/errors.ts';
import { createNodeDuckDbHost, type DuckDbHost } from './node.ts';
import { PERMISSION_HINT } from './errors.ts';
import { CSV_SLOT } from './lockdown.ts';

let host: DuckDbHost;
let server: Server;
let port = 0;
let requests = 0;
let dir = '';

beforeAll(async () => {
  server = createServer((_req, res) => {
    requests++;
    res.end('a,b\n1,2\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  dir = mkdtempSync(join(tmpdir(), 'petroflow-lockdown-'));
  writeFileSync(join(dir, 'secret.csv'), 'secret\n42\n');
  host = await createNodeDuckDbHost();
  // A CSV read registers and drops a buffer: afterwards other names stay unreadable.
  await host.readCsv('other.csv', new TextEncoder().encode('x\n1\n'), {
    delimiter: 'auto',
    header: true,
  });
});

afterAll(async () => {
  await host.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

async function failure(sql: string): Promise<PetroflowError> {
  try {
    await host.query(sql, { input: tableFromArrays({ a: Float64Array.from([1]) }) });
  } catch (e) {
    if (e instanceof PetroflowException) return e.detail;
    throw e;
  }
  throw new Error(`expected "${sql}" to fail`);
}

describe('lock-down', () => {
  const denied = (): [string, RegExp][] => [
    [`SELECT * FROM read_csv('http://127.0.0.1:${port}/x.csv')`, /Cannot access file "http/],
    [`SELECT * FROM read_text('http://127.0.0.1:${port}/x.csv')`, /Cannot access file "http/],
    [`SELECT * FROM read_text('${join(dir, 'secret.csv')}')`, /Cannot access file/],
    [`SELECT * FROM read_csv('${join(dir, 'secret.csv')}')`, /Cannot access file/],
    [`SELECT * FROM read_csv('/etc/passwd')`, /Cannot access file/],
    [`SELECT * FROM read_csv('other.csv')`, /Cannot access file "other.csv"/],
    [`SELECT * FROM 'other.csv'`, /Cannot access file "other.csv"/],
    [`SELECT * FROM glob('*')`, /Cannot access file "\*"/],
    [`COPY (SELECT 1) TO '${join(dir, 'x.csv')}'`, /Cannot access file/],
    [`ATTACH '${join(dir, 'x.db')}'`, /Cannot access file/],
    ['LOAD httpfs', /Loading external extensions is disabled/],
    ["SET memory_limit='10GB'", /configuration has been locked/],
    ['SET enable_external_access=true', /configuration has been locked/],
    ['SET lock_configuration=false', /configuration has been locked/],
    ["SET allowed_paths=['/etc/passwd']", /configuration has been locked/],
    ['SET autoload_known_extensions=true', /configuration has been locked/],
    // Other readers, writers and ways to change settings.
    [`SELECT * FROM read_blob('/etc/passwd')`, /Cannot access file "\/etc\/passwd"/],
    [`SELECT * FROM sniff_csv('/etc/passwd')`, /Cannot access file "\/etc\/passwd"/],
    [`SELECT * FROM read_csv('file:///etc/passwd')`, /Cannot access file "file:/],
    [`SELECT * FROM read_csv('/dev/zero')`, /Cannot access file "\/dev\/zero"/],
    [`SELECT * FROM glob('/etc/*')`, /Cannot access file/],
    [`EXPORT DATABASE '${join(dir, 'export')}'`, /Cannot access file/],
    // The CSV slot may be read (it is empty between reads) but never written.
    [`COPY (SELECT 42 AS x) TO '${CSV_SLOT}'`, /Cannot access file/],
    ["PRAGMA memory_limit='10GB'", /configuration has been locked/],
    ['RESET memory_limit', /configuration has been locked/],
    ['SET GLOBAL threads=64', /configuration has been locked/],
    ["SET profiling_output='/tmp/petroflow-profile.json'", /configuration has been locked/],
    ["SET log_query_path='/tmp/petroflow-queries.log'", /configuration has been locked/],
    ["SET disabled_filesystems=''", /configuration has been locked/],
  ];

  it('denies files, URLs, COPY, ATTACH, LOAD and settings with PERMISSION', async () => {
    for (const [sql, why] of denied()) {
      const e = await failure(sql);
      expect(e.code, sql).toBe('PERMISSION');
      expect(e.message, sql).toContain(PERMISSION_HINT);
      expect(e.message, sql).toMatch(why);
    }
    expect(requests).toBe(0);
    expect(existsSync(join(dir, 'x.csv'))).toBe(false);
    expect(existsSync(join(dir, 'x.db'))).toBe(false);
    expect(existsSync(join(dir, 'export'))).toBe(false);
    expect(existsSync('/tmp/petroflow-profile.json')).toBe(false);
  });

  it('makes no request for INSTALL ... FROM a repository URL', async () => {
    await host.query(`FORCE INSTALL json FROM 'http://127.0.0.1:${port}/'`, {});
    expect((await failure('LOAD json')).code).toBe('PERMISSION');
    expect(requests).toBe(0);
  });

  it('accepts INSTALL as a no-op (the wasm build installs nothing; LOAD stays denied)', async () => {
    const out = await host.query(
      "INSTALL httpfs; SELECT count(*)::INTEGER AS n FROM duckdb_extensions() WHERE installed AND extension_name <> 'core_functions'",
      {},
    );
    expect(out.getChild('n')?.get(0)).toBe(0);
    expect((await failure('LOAD httpfs')).code).toBe('PERMISSION');
    expect(requests).toBe(0);
  });

  it('says extensions are unavailable when a function needs one', async () => {
    const e = await failure("SELECT * FROM read_parquet('x.parquet')");
    expect(e.code).toBe('SQL_ERROR');
    expect(e.message).toMatch(/extensions cannot be installed or loaded/);
  });

  it('keeps the settings it was locked with', async () => {
    const out = await host.query(
      "SELECT current_setting('enable_external_access') AS ext, current_setting('lock_configuration') AS locked, current_setting('autoload_known_extensions') AS autoload",
      {},
    );
    expect(out.get(0)?.toJSON()).toEqual({ ext: false, locked: true, autoload: false });
  });
});

describe('memory limit', () => {
  it('rejects limits that are not plain sizes', async () => {
    await expect(createNodeDuckDbHost({ memoryLimit: "1GB'; SET x='y" })).rejects.toThrow(
      /not a size/,
    );
  });

  it('gives a clean out-of-memory error, and the instance keeps working', async () => {
    const small = await createNodeDuckDbHost({ memoryLimit: '64MB' });
    try {
      const limit = await small.query("SELECT current_setting('memory_limit') AS m", {});
      expect(limit.getChild('m')?.get(0)).toMatch(/^6\d(\.\d)? MiB$/);
      let detail: PetroflowError | undefined;
      try {
        await small.query(
          "SELECT count(*) FROM (SELECT x, x::VARCHAR || 'abcdefghijkl' s FROM range(20000000) t(x) ORDER BY s DESC)",
          {},
        );
      } catch (e) {
        if (e instanceof PetroflowException) detail = e.detail;
      }
      expect(detail?.code).toBe('SQL_ERROR');
      expect(detail?.message).toMatch(/ran out of memory \(limit 64MB\).*Out of Memory Error/s);
      expect(small.isDead()).toBe(false);
      const ok = await small.query('SELECT 1 AS one', {});
      expect(ok.getChild('one')?.get(0)).toBe(1);
    } finally {
      await small.close();
    }
  });
});
