/**
 * `petroflow run` never replaces the files a run was made from, nor an output with the trace, and
 * says when a file of an earlier run is left in place of a failed node's output. Real files in a
 * temporary directory (identity by device and inode), in-process engine.
 */
import { linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createInProcessEngine } from '../../engine/engine.ts';
import { testRegistry } from '../../engine/testing/fixtures.ts';
import type { CliIO } from '../io.ts';
import { nodeIO } from '../io.ts';
import { makeRunCommand } from './run.ts';

const registry = testRegistry();
const command = makeRunCommand(
  () => registry,
  () => Promise.resolve(createInProcessEngine({ operators: registry })),
);
const root = mkdtempSync(join(tmpdir(), 'pf-run-write-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A source reading `file` and a step `id` after it (failing with `fail`). */
const pipeline = (file: string, id: string, fail = false): string =>
  JSON.stringify({
    format: 'petroflow.pipeline',
    formatVersion: 1,
    id: 'p',
    name: 't',
    nodes: [
      { id: 'src', op: 'test.numbers', version: '1.0.0', params: { batches: 1, rows: 2, file } },
      { id, op: 'test.step', version: '1.0.0', params: fail ? { mode: 'fail' } : {} },
    ],
    edges: [{ from: 'src', fromPort: 'out', to: id, toPort: 'in' }],
  });

function capture(): CliIO & { stdout: string[]; stderr: string[] } {
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

describe('petroflow run keeps the files it was made from', () => {
  it('refuses an output that would replace a bound input (--files DIR --out DIR), exit 1', async () => {
    const dir = mkdtempSync(join(root, 'same-'));
    writeFileSync(join(dir, 'q.csv'), 'ORIGINAL DATA\n');
    writeFileSync(join(dir, 'p.json'), pipeline('q.csv', 'q'));
    const io = capture();
    const code = await command.run([join(dir, 'p.json'), '--files', dir, '--out', `${dir}/./`], io);
    expect(code).toBe(1);
    expect(io.stderr.join('\n')).toContain(
      `node 'q': refusing to write ${dir}/./q.csv: it is input 'q.csv' (${dir}/q.csv), which the output would replace; choose another --out`,
    );
    expect(readFileSync(join(dir, 'q.csv'), 'utf8')).toBe('ORIGINAL DATA\n');
  });

  it('refuses an output over the pipeline file and over a hard link to an input', async () => {
    const dir = mkdtempSync(join(root, 'pipe-'));
    writeFileSync(join(dir, 'w.las'), 'x');
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'out', 'q.csv'), pipeline('w.las', 'q'));
    const io = capture();
    const p = join(dir, 'out', 'q.csv');
    expect(await command.run([p, '--file', `w.las=${dir}/w.las`, '--out', `${dir}/out`], io)).toBe(
      1,
    );
    expect(io.stderr.join('\n')).toContain(`it is the pipeline file ${p}`);
    expect(readFileSync(p, 'utf8')).toBe(pipeline('w.las', 'q'));

    writeFileSync(join(dir, 'p.json'), pipeline('w.las', 'w'));
    mkdirSync(join(dir, 'o2'));
    linkSync(join(dir, 'w.las'), join(dir, 'o2', 'w.csv'));
    const io2 = capture();
    const args = [join(dir, 'p.json'), '--file', `w.las=${dir}/w.las`, '--out', `${dir}/o2`];
    expect(await command.run(args, io2)).toBe(1);
    expect(io2.stderr.join('\n')).toContain("it is input 'w.las'");
    expect(readFileSync(join(dir, 'w.las'), 'utf8')).toBe('x');
  });

  it('refuses a --trace path that is an output of the same run, keeping the output', async () => {
    const dir = mkdtempSync(join(root, 'trace-'));
    writeFileSync(join(dir, 'w.las'), 'x');
    writeFileSync(join(dir, 'p.json'), pipeline('w.las', 'q'));
    const io = capture();
    const args = [join(dir, 'p.json'), '--files', dir, '--out', join(dir, 'out')];
    args.push('--trace', join(dir, 'out', 'q.csv'));
    expect(await command.run(args, io)).toBe(1);
    expect(io.stderr.join('\n')).toContain(
      "it is the output of node 'q'; choose another trace file",
    );
    expect(readFileSync(join(dir, 'out', 'q.csv'), 'utf8')).toMatch(/^i,size/);
  });

  it("warns that an earlier run's file stands where a failed node's output would be", async () => {
    const dir = mkdtempSync(join(root, 'stale-'));
    writeFileSync(join(dir, 'w.las'), 'x');
    writeFileSync(join(dir, 'p.json'), pipeline('w.las', 'q'));
    const args = [join(dir, 'p.json'), '--files', dir, '--out', join(dir, 'out')];
    expect(await command.run(args, capture())).toBe(0);
    writeFileSync(join(dir, 'p.json'), pipeline('w.las', 'q', true));
    const io = capture();
    expect(await command.run(args, io)).toBe(1);
    expect(io.stderr.join('\n')).toContain(
      `${join(dir, 'out')}/q.csv is left from an earlier run and is NOT a result of this one (node 'q' failed); do not use it`,
    );
  });
});
