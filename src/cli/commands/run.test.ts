import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessEngine } from '../../engine/engine.ts';
import { testRegistry } from '../../engine/testing/fixtures.ts';
import { builtinRegistry } from '../../operators/index.ts';
import type { DuckDbHost } from '../../workers/duckdb/node.ts';
import { createNodeDuckDbHost } from '../../workers/duckdb/node.ts';
import { memoryIO, nodeIO } from '../io.ts';
import { makeRunCommand } from './run.ts';
import { builtinCatalogue } from './validate.ts';

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

  it('--trace writes the run as OTLP JSON; --json gives the run id and provenance', async () => {
    const io = memoryIO({
      '/p.json': pipelineJson(
        [numbers, step('a', { output: 'v', value: 0.1 }), step('bad', { mode: 'fail' })],
        [edge('src', 'a'), edge('src', 'bad')],
      ),
      '/data/w.las': 'abc',
      '/data/other.txt': 'not read',
    });
    const code = await command.run(
      ['/p.json', '--files', '/data', '--out', '/o', '--trace', '/t/run.json', '--json'],
      io,
    );
    expect(code).toBe(1);
    const summary = JSON.parse(io.stdout.join('')) as {
      runId: string;
      trace: string;
      provenance: { inputHashes: Record<string, string>; hash: string; pipelineHash: string };
    };
    // sha256("abc"), computed independently (FIPS 180-2 example).
    expect(summary.provenance.inputHashes).toEqual({
      'w.las': 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    });
    expect(summary.provenance.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(summary.trace).toBe('/t/run.json');
    const trace = JSON.parse(String(io.files.get('/t/run.json'))) as {
      resourceSpans: {
        scopeSpans: {
          spans: {
            name: string;
            spanId: string;
            parentSpanId?: string;
            status: { code: number; message?: string };
            attributes: { key: string; value: Record<string, unknown> }[];
          }[];
        }[];
      }[];
    };
    const spans = trace.resourceSpans[0]?.scopeSpans[0]?.spans ?? [];
    expect(spans.map((s) => s.name)).toEqual([
      'run test',
      'src (test.numbers)',
      'a (test.step)',
      'bad (test.step)',
    ]);
    const [run, , a, bad] = spans;
    expect(run?.attributes).toContainEqual({
      key: 'petroflow.run.id',
      value: { stringValue: summary.runId },
    });
    expect(run?.attributes).toContainEqual({
      key: 'petroflow.provenance.hash',
      value: { stringValue: summary.provenance.hash },
    });
    expect(a?.parentSpanId).toBe(run?.spanId);
    expect(a?.attributes).toContainEqual({ key: 'petroflow.rows.out', value: { intValue: '4' } });
    expect(bad?.status.code).toBe(2);
    expect(bad?.status.message).toMatch(/failed on purpose/);
  });

  it('exits 2 on usage errors', async () => {
    for (const args of [
      [],
      ['a.json', 'b.json'],
      ['p.json', '--format', 'xlsx'],
      ['p.json', '--workers', '0'],
      ['p.json', '--file', 'noequals'],
      ['p.json', '--trace'],
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
 STOP.M 101 :
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

/** Two wells of `rows` samples each (GR, RHOB), from a fixed-seed generator. */
function wells(rows: number): Record<string, string> {
  let seed = 12345;
  const rnd = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const out: Record<string, string> = {};
  for (const w of ['A', 'B']) {
    const head = `~Version\n VERS. 2.0 :\n WRAP. NO :\n~Well\n STRT.M 1000 :\n STOP.M ${1000 + (rows - 1) / 10} :\n STEP.M 0.1 :\n NULL. -999.25 :\n WELL. W-${w} :\n~Curve\n DEPT.M : depth\n GR.API : gr\n RHOB.G/C3 : rhob\n~A\n`;
    const lines: string[] = [];
    for (let i = 0; i < rows; i++) {
      const gr = rnd() < 0.01 ? '-999.25' : (rnd() * 150).toFixed(3);
      lines.push(`${(1000 + i / 10).toFixed(1)} ${gr} ${(1.9 + rnd()).toFixed(4)}`);
    }
    out[`w${w}.las`] = `${head}${lines.join('\n')}\n`;
  }
  return out;
}

const reproPipeline = pipelineJson(
  [
    { id: 'logs', op: 'source.las', version: '1.0.0', params: { file: '*.las' } },
    {
      id: 'vsh',
      op: 'petro.vshale',
      version: '1.0.0',
      params: { grMin: 10, grMax: 140, method: 'larionov-older' },
    },
    { id: 'phid', op: 'petro.porosity.density', version: '1.0.0', params: {} },
    {
      id: 'expr',
      op: 'math.expression',
      version: '1.0.0',
      params: { expression: 'PHID * (1 - VSH)', output: 'PHIE' },
    },
    { id: 'zone', op: 'filter.depth', version: '1.0.0', params: { top: 1100, base: 1300.5 } },
  ],
  [edge('logs', 'vsh'), edge('vsh', 'phid'), edge('phid', 'expr'), edge('phid', 'zone')],
);

/** Every file under `dir` (flat), by name. */
function outputs(dir: string): Map<string, Buffer> {
  return new Map(readdirSync(dir).map((n) => [n, readFileSync(join(dir, n))]));
}

function expectSameFiles(a: string, b: string): number {
  const x = outputs(a);
  const y = outputs(b);
  expect([...y.keys()].sort()).toEqual([...x.keys()].sort());
  for (const [name, bytes] of x) {
    expect(bytes.length, name).toBeGreaterThan(0);
    expect(Buffer.compare(bytes, y.get(name) as Buffer), `${name} differs`).toBe(0);
  }
  return x.size;
}

// Reproducibility (issue 7): the same pipeline and inputs give byte-identical outputs and equal
// provenance hashes, whatever the concurrency.
describe.skipIf(!hasLas)('petroflow run is reproducible', { timeout: 300_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'pf-repro-'));
  for (const [name, text] of Object.entries(wells(3000))) writeFileSync(join(dir, name), text);
  writeFileSync(join(dir, 'p.json'), reproPipeline);
  let host: DuckDbHost | undefined;
  let inProcessHash: string | undefined;
  beforeAll(async () => {
    host = await createNodeDuckDbHost();
  });
  afterAll(async () => {
    await host?.close();
  });

  const runIn = async (out: string, format: string, concurrency: number): Promise<string> => {
    const sql = host as DuckDbHost;
    const cmd = makeRunCommand(builtinCatalogue, () =>
      Promise.resolve(createInProcessEngine({ sql: () => Promise.resolve(sql), concurrency })),
    );
    const stdout: string[] = [];
    const io = {
      ...nodeIO,
      out: (t: string) => void stdout.push(t),
      err: (t: string) => void stdout.push(t),
    };
    const args = ['p.json', '--files', dir, '--out', join(dir, out), '--format', format, '--json'];
    const code = await cmd.run(
      args.map((a) => (a === 'p.json' ? join(dir, a) : a)),
      io,
    );
    expect(code, stdout.join('\n')).toBe(0);
    const summary = JSON.parse(stdout.join('')) as { provenance: { hash: string } };
    return summary.provenance.hash;
  };

  for (const format of ['csv', 'arrow', 'parquet', 'las']) {
    it(`gives byte-identical ${format} outputs and equal record hashes on a re-run`, async () => {
      const first = await runIn(`${format}-1`, format, 1);
      const second = await runIn(`${format}-2`, format, 2);
      expect(second).toBe(first);
      inProcessHash ??= first;
      expect(first).toBe(inProcessHash);
      // expr + zone; LAS writes one file per well.
      const files = expectSameFiles(join(dir, `${format}-1`), join(dir, `${format}-2`));
      expect(files).toBe(format === 'las' ? 4 : 2);
    });
  }

  it('gives the same bytes and trace provenance through node bin/petroflow.mjs with 1 and 2 workers', () => {
    const hashes: string[] = [];
    for (const workers of ['1', '2']) {
      const r = spawnRun(
        [
          'p.json',
          '--files',
          '.',
          '--out',
          `cli-${workers}`,
          '--format',
          'arrow',
          '--workers',
          workers,
          '--trace',
          `t${workers}.json`,
          '--json',
        ],
        dir,
      );
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const trace = JSON.parse(readFileSync(join(dir, `t${workers}.json`), 'utf8')) as {
        resourceSpans: {
          scopeSpans: {
            spans: { attributes: { key: string; value: { stringValue?: string } }[] }[];
          }[];
        }[];
      };
      const run = trace.resourceSpans[0]?.scopeSpans[0]?.spans[0];
      const hash = run?.attributes.find((a) => a.key === 'petroflow.provenance.hash')?.value;
      expect(hash?.stringValue).toBe(
        (JSON.parse(r.stdout) as { provenance: { hash: string } }).provenance.hash,
      );
      hashes.push(hash?.stringValue ?? '');
    }
    expect(hashes[1]).toBe(hashes[0]);
    expectSameFiles(join(dir, 'cli-1'), join(dir, 'cli-2'));
    // The in-process runs above read the same inputs with the same pipeline: same provenance.
    expect(hashes[0]).toBe(inProcessHash);
  });
});
