import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createInProcessEngine } from '../../engine/engine.ts';
import { testRegistry } from '../../engine/testing/fixtures.ts';
import { builtinRegistry } from '../../operators/index.ts';
import { memoryIO } from '../io.ts';
import { makeRunCommand } from './run.ts';

const registry = testRegistry();
const command = makeRunCommand(
  () => registry,
  () => Promise.resolve(createInProcessEngine({ operators: registry })),
);

function pipelineJson(nodes: unknown[], edges: unknown[]): string {
  return JSON.stringify({
    format: 'petroflow.pipeline',
    formatVersion: 1,
    id: 'p1',
    name: 'test',
    nodes,
    edges,
  });
}

const numbers = {
  id: 'src',
  op: 'test.numbers',
  version: '1.0.0',
  params: { batches: 2, rows: 2, file: 'w.las' },
};
const step = (id: string, params: Record<string, unknown> = {}) => ({
  id,
  op: 'test.step',
  version: '1.0.0',
  params,
});
const edge = (from: string, to: string) => ({ from, fromPort: 'out', to, toPort: 'in' });

describe('petroflow run (in-process engine, memory files)', () => {
  it('writes the terminal node as CSV and prints a JSON summary', async () => {
    const io = memoryIO({
      '/p.json': pipelineJson(
        [numbers, step('a', { output: 'v', value: 0.1 })],
        [edge('src', 'a')],
      ),
      '/data/w.las': 'abc',
    });
    const code = await command.run(
      ['/p.json', '--file', 'w.las=/data/w.las', '--out', '/o', '--json'],
      io,
    );
    expect(io.stderr).toEqual([]);
    expect(code).toBe(0);
    expect(io.files.get('/o/a.csv')).toBe('i,size,v\n0,3,0.1\n1,3,0.1\n2,3,0.1\n3,3,0.1\n');
    expect(io.files.has('/o/src.csv')).toBe(false);
    const summary = JSON.parse(io.stdout.join('')) as {
      status: string;
      nodes: Record<string, { status: string; rows: number; cached: boolean }>;
    };
    expect(summary.status).toBe('done');
    expect(summary.nodes.a).toMatchObject({ status: 'done', rows: 4, cached: false });
  });

  it('exits 1 naming the failed node and its cause; other terminal nodes are still written', async () => {
    const io = memoryIO({
      '/p.json': pipelineJson(
        [numbers, step('bad', { mode: 'fail' }), step('good')],
        [edge('src', 'bad'), edge('src', 'good')],
      ),
      '/d/w.las': 'x',
    });
    const code = await command.run(['/p.json', '--files', '/d', '--out', '/o'], io);
    expect(code).toBe(1);
    expect(io.stderr.join('\n')).toMatch(
      /node 'bad' \(test\.step\) failed: .*test step failed on purpose/,
    );
    expect(io.files.has('/o/good.csv')).toBe(true);
    expect(io.files.has('/o/bad.csv')).toBe(false);
  });

  it('exits 1 for an invalid pipeline and for a missing input file', async () => {
    const bad = memoryIO({ '/p.json': pipelineJson([{ ...numbers, op: 'nope' }], []) });
    expect(await command.run(['/p.json'], bad)).toBe(1);
    expect(bad.stderr.join('\n')).toContain('/p.json:');
    const missing = memoryIO({ '/p.json': pipelineJson([numbers], []) });
    expect(await command.run(['/p.json', '--file', 'w.las=/nowhere.las'], missing)).toBe(1);
    expect(missing.stderr.join('\n')).toContain('/nowhere.las');
  });

  it('exits 2 on usage errors', async () => {
    for (const args of [
      [],
      ['a.json', 'b.json'],
      ['p.json', '--format', 'xlsx'],
      ['p.json', '--workers', '0'],
      ['p.json', '--file', 'noequals'],
      ['p.json', '--trace', 't.json'],
    ]) {
      const io = memoryIO();
      expect(await command.run(args, io)).toBe(2);
      expect(io.stderr.join('')).toContain('Usage: petroflow run');
    }
  });
});

const root = new URL('../../../', import.meta.url).pathname;
const hasLas = builtinRegistry.operator('source.las', '1.0.0') !== undefined;
const las = `~Version
 VERS. 2.0 :
 WRAP. NO :
~Well
 STRT.M 100 :
 STOP.M 100.5 :
 STEP.M 0.5 :
 NULL. -999.25 :
 WELL. W-1 :
~Curve
 DEPT.M : depth
 GR.API : gamma ray
~A
100 20
100.5 -999.25
101 120
`;

function spawnRun(
  args: string[],
  cwd: string,
): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(root, 'bin/petroflow.mjs'), 'run', ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Each spawn starts Node, tsx and a worker pool: slow on a loaded 2-core machine.
describe('node bin/petroflow.mjs run (worker pool, real operators)', { timeout: 180_000 }, () => {
  it('exits 2 on a usage error and 1 on an invalid pipeline', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pf-run-'));
    expect(spawnRun(['--format', 'csv'], dir).status).toBe(2);
    writeFileSync(
      join(dir, 'p.json'),
      pipelineJson([{ id: 'x', op: 'no.such.op', version: '1.0.0', params: {} }], []),
    );
    const r = spawnRun(['p.json'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('p.json');
  });

  it.skipIf(!hasLas)(
    'runs source.las -> petro.vshale and writes CSV; a bad column exits 1 naming the node',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'pf-run-'));
      writeFileSync(join(dir, 'w1.las'), las);
      const vsh = (params: Record<string, unknown>) => ({
        id: 'vsh',
        op: 'petro.vshale',
        version: '1.0.0',
        params: { grMin: 20, grMax: 120, ...params },
      });
      const src = { id: 'logs', op: 'source.las', version: '1.0.0', params: { file: '*.las' } };
      writeFileSync(join(dir, 'p.json'), pipelineJson([src, vsh({})], [edge('logs', 'vsh')]));
      const ok = spawnRun(['p.json', '--files', '.', '--workers', '1', '--json'], dir);
      expect(ok.stderr).toBe('');
      expect(ok.status).toBe(0);
      const csv = readFileSync(join(dir, 'out', 'vsh.csv'), 'utf8');
      expect(csv).toBe('DEPT,GR,WELL,VSH\n100,20,W-1,0\n100.5,,W-1,\n101,120,W-1,1\n');
      expect(JSON.parse(ok.stdout)).toMatchObject({
        status: 'done',
        nodes: { logs: { rows: 3 }, vsh: { rows: 3, cached: false } },
      });

      writeFileSync(
        join(dir, 'bad.json'),
        pipelineJson([src, vsh({ gr: 'NOPE' })], [edge('logs', 'vsh')]),
      );
      const bad = spawnRun(['bad.json', '--file', 'w1.las=w1.las', '--out', 'o2'], dir);
      expect(bad.status).toBe(1);
      expect(bad.stderr).toMatch(/node 'vsh' \(petro\.vshale\)/);
      expect(existsSync(join(dir, 'o2', 'vsh.csv'))).toBe(false);
    },
  );
});
