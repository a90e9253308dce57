import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createInProcessEngine } from '../../engine/engine.ts';
import { testRegistry } from '../../engine/testing/fixtures.ts';
import type { CliIO } from '../io.ts';
import { memoryIO, nodeIO } from '../io.ts';
import { makeRunCommand } from './run.ts';
import { makeValidateCommand } from './validate.ts';

const registry = testRegistry();
let engines = 0;
const command = makeRunCommand(
  () => registry,
  () => {
    engines++;
    return Promise.resolve(createInProcessEngine({ operators: registry }));
  },
);
const dir = mkdtempSync(join(tmpdir(), 'pf-run-attacks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pipelineJson = (nodes: unknown[], edges: unknown[]): string =>
  JSON.stringify({
    format: 'petroflow.pipeline',
    formatVersion: 1,
    id: 'p',
    name: 't',
    nodes,
    edges,
  });
const numbers = {
  id: 'src',
  op: 'test.numbers',
  version: '1.0.0',
  params: { batches: 1, rows: 2, file: 'w.las' },
};
const step = (id: string) => ({ id, op: 'test.step', version: '1.0.0', params: {} });
const edge = (from: string, to: string) => ({ from, fromPort: 'out', to, toPort: 'in' });

/** The real file system, with console output collected. */
function capturedNodeIO(): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    ...nodeIO,
    stdout,
    stderr,
    out: (t) => void stdout.push(t),
    err: (t) => void stderr.push(t),
  };
}

describe('petroflow run refuses outputs that would overwrite each other or go nowhere', () => {
  it('exits 1 before running when terminal node ids differ only in letter case', async () => {
    const io = memoryIO({
      '/p.json': pipelineJson(
        [numbers, step('Vsh'), step('vsh')],
        [edge('src', 'Vsh'), edge('src', 'vsh')],
      ),
      '/d/w.las': 'x',
    });
    const before = engines;
    expect(await command.run(['/p.json', '--files', '/d', '--out', '/o'], io)).toBe(1);
    expect(engines).toBe(before);
    expect(io.stderr.join('\n')).toContain(
      "/p.json: nodes 'Vsh' and 'vsh' differ only in letter case, so their output files would overwrite each other",
    );
    expect([...io.files.keys()].filter((k) => k.startsWith('/o/'))).toEqual([]);
  });

  it('exits 1 naming --out before running when the output directory cannot be made', async () => {
    writeFileSync(join(dir, 'p.json'), pipelineJson([numbers, step('a')], [edge('src', 'a')]));
    writeFileSync(join(dir, 'w.las'), 'x');
    writeFileSync(join(dir, 'taken'), 'a file where the directory should go');
    const io = capturedNodeIO();
    const before = engines;
    const out = join(dir, 'taken');
    const code = await command.run(
      [join(dir, 'p.json'), '--file', `w.las=${join(dir, 'w.las')}`, '--out', out],
      io,
    );
    expect(code).toBe(1);
    expect(engines).toBe(before);
    expect(io.stderr.join('\n')).toMatch(
      new RegExp(`^petroflow run: --out ${out}: cannot create the output directory \\(EEXIST`),
    );
  });

  it('exits 1 at once for --file bound to a device, writing nothing', async () => {
    const io = capturedNodeIO();
    const out = join(dir, 'out-dev');
    const t0 = performance.now();
    const code = await command.run(
      [join(dir, 'p.json'), '--file', 'w.las=/dev/zero', '--out', out],
      io,
    );
    expect(code).toBe(1);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(io.stderr.join('\n')).toContain('--file w.las=/dev/zero: it is not a regular file');
    expect(readdirSync(dir)).not.toContain('out-dev');
  });
});

describe('petroflow validate on something that is not a pipeline file', () => {
  const validate = makeValidateCommand(() => registry);
  it('exits 1 at once for /dev/zero and a directory, with one line each', async () => {
    for (const [path, why] of [
      ['/dev/zero', 'cannot read the file (it is not a regular file'],
      [dir, 'cannot read the file (it is a directory, not a file)'],
    ]) {
      const io = capturedNodeIO();
      const t0 = performance.now();
      expect(await validate.run([path as string], io), path).toBe(1);
      expect(performance.now() - t0).toBeLessThan(5000);
      expect(io.stderr, path).toHaveLength(1);
      expect(io.stderr[0], path).toContain(`${path}: ${why}`);
    }
  });

  it('refuses a file over 6 MiB before reading it', async () => {
    const big = join(dir, 'big.json');
    writeFileSync(big, Buffer.alloc(7 * 1024 * 1024, 0x20));
    const io = capturedNodeIO();
    expect(await validate.run([big], io)).toBe(1);
    expect(io.stderr).toEqual([
      `${big}: the file is far larger than any pipeline (over 6 MiB); is this the right file?`,
    ]);
  });
});
