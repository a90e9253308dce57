/**
 * `petroflow run --sql-time-limit SECONDS` reaches the DuckDB of every pool worker: through the
 * real bin, a recursive CTE with no stop condition is stopped after the limit (not the default
 * 5 minutes), its node fails naming the limit, and the command exits 1. Bad values are usage errors.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIO } from '../io.ts';
import { createInProcessEngine } from '../../engine/engine.ts';
import { testRegistry } from '../../engine/testing/fixtures.ts';
import { parseRunArgs } from './run-args.ts';
import type { EngineSettings } from './run.ts';
import { makeRunCommand, run } from './run.ts';

/** A one-node pipeline of the test operators (read from stdin as `-` below). */
const pipelineText = JSON.stringify({
  format: 'petroflow.pipeline',
  formatVersion: 1,
  id: 'p',
  name: 't',
  nodes: [
    {
      id: 'src',
      op: 'test.numbers',
      version: '1.0.0',
      params: { batches: 1, rows: 2, file: 'w.las' },
    },
  ],
  edges: [],
});

const root = join(import.meta.dirname, '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'pf-sql-limit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--sql-time-limit', () => {
  it('is parsed as seconds into whole milliseconds', () => {
    const ms = (v: string) => {
      const r = parseRunArgs(['p.json', '--sql-time-limit', v]);
      return r.ok ? r.value.sqlTimeLimitMs : r.error;
    };
    expect(ms('2')).toBe(2000);
    expect(ms('0.25')).toBe(250);
    expect(ms('1e-6')).toBe(1);
    expect(ms('600')).toBe(600_000);
    const plain = parseRunArgs(['p.json']);
    expect(plain.ok && plain.value).not.toHaveProperty('sqlTimeLimitMs');
  });

  it('refuses zero, negative, non-numeric, infinite and absurd values with exit 2', async () => {
    for (const v of ['0', '-5', 'abc', '10s', 'Infinity', 'NaN', ' ', '1e12', '0x']) {
      const io = memoryIO({ 'p.json': '{}' });
      expect(await run.run(['p.json', `--sql-time-limit=${v}`], io), v).toBe(2);
      const text = io.stderr.join('');
      expect(text).toContain('--sql-time-limit must be a number of seconds greater than 0');
      expect(text).toContain(`got '${v}'`);
    }
  });

  it('reaches the engine factory as sqlQueryTimeLimitMs, with --workers', async () => {
    const seen: EngineSettings[] = [];
    const registry = testRegistry();
    const cmd = makeRunCommand(
      () => registry,
      (settings) => {
        seen.push(settings);
        return Promise.resolve(createInProcessEngine({ operators: registry }));
      },
    );
    const io = memoryIO({ '-': pipelineText, 'w.las': 'x' });
    const args = ['--sql-time-limit', '1.5', '--workers=3', '--file', 'w.las=w.las', '-'];
    expect(await cmd.run(args, io), io.stderr.join('\n')).toBe(0);
    expect(seen).toEqual([{ workers: 3, sqlQueryTimeLimitMs: 1500 }]);
    expect(io.files.get('out/src.csv')).toMatch(/^i,size/);
  });

  it(
    'stops a never-ending recursive CTE after the limit through the real bin, exit 1',
    { timeout: 120_000 },
    () => {
      writeFileSync(join(dir, 'a.csv'), 'DEPT,GR\n1,2\n');
      const pipeline = {
        format: 'petroflow.pipeline',
        formatVersion: 1,
        id: 'limit',
        name: 'limit',
        nodes: [
          { id: 'csv', op: 'source.csv', version: '1.0.0', params: { file: 'a.csv' } },
          {
            id: 'forever',
            op: 'sql',
            version: '1.0.0',
            params: {
              query:
                'WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t) SELECT max(n) AS n FROM t',
            },
          },
        ],
        edges: [{ from: 'csv', fromPort: 'out', to: 'forever', toPort: 'input' }],
      };
      writeFileSync(join(dir, 'p.json'), JSON.stringify(pipeline));
      const args = [join(root, 'bin/petroflow.mjs'), 'run', join(dir, 'p.json')];
      args.push('--files', dir, '--out', join(dir, 'out'), '--workers', '1');
      args.push('--sql-time-limit', '2');
      const started = Date.now();
      const r = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', timeout: 100_000 });
      const seconds = (Date.now() - started) / 1000;
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/node 'forever' \(sql\) failed: The query ran for more than 2 s/);
      // Well under the 5-minute default, and not stopped before the limit.
      expect(seconds).toBeGreaterThan(2);
      expect(seconds).toBeLessThan(90);
    },
  );
});
