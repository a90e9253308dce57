/**
 * The command line as a batch user meets it: --version, a mistyped command with a suggestion, a
 * command name that is an Object property (crashed before), `--` ending the options, a pipeline
 * on standard input (`-`), and a reader that goes away (EPIPE: no crash, the exit status kept).
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIO } from './io.ts';
import { main, versionLine } from './main.ts';
import { singleArgument } from './commands/validate.ts';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin/petroflow.mjs');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

const pipeline = JSON.stringify({
  format: 'petroflow.pipeline',
  formatVersion: 1,
  id: 'p',
  name: 'p',
  nodes: [{ id: 'csv', op: 'source.csv', version: '1.0.0', params: { file: 'a.csv' } }],
  edges: [],
});

describe('petroflow main', () => {
  it('--version, -V and version print the package version and the pipeline format, exit 0', async () => {
    expect(versionLine()).toBe(`petroflow ${pkg.version} (pipeline format 1)`);
    for (const flag of ['--version', '-V', 'version']) {
      const io = memoryIO();
      expect(await main([flag], io)).toBe(0);
      expect(io.stdout).toEqual([versionLine()]);
    }
  });

  it('suggests the closest command; Object property names are unknown commands, exit 2', async () => {
    const io = memoryIO();
    expect(await main(['valdate', 'p.json'], io)).toBe(2);
    expect(io.stderr[0]).toMatch(
      /^petroflow: unknown command 'valdate'; did you mean 'validate'\?/,
    );
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const o = memoryIO();
      expect(await main([name], o), name).toBe(2);
      expect(o.stderr[0]).toContain(`unknown command '${name}'`);
      const h = memoryIO();
      expect(await main([name, '--help'], h), name).toBe(2);
    }
  });

  it('ends an unexpected exception of a command as one line and exit 1, not a stack trace', async () => {
    const io = memoryIO({ 'p.json': pipeline });
    io.out = () => {
      throw new TypeError('boom');
    };
    expect(await main(['validate', 'p.json'], io)).toBe(1);
    expect(io.stderr).toEqual([
      'petroflow validate: internal error: boom. This is a bug in Petroflow; please report it with the command and its input files.',
    ]);
  });

  it('after --, --help is a file name, not a request for help', async () => {
    const io = memoryIO({ '--help': pipeline });
    expect(await main(['validate', '--', '--help'], io)).toBe(0);
    expect(io.stdout).toEqual(['--help: OK (1 node, 0 edges)']);
  });

  it('validate and link read the pipeline from standard input given as -', async () => {
    const io = memoryIO({ '-': pipeline });
    expect(await main(['validate', '-'], io)).toBe(0);
    expect(io.stdout).toEqual(['<stdin>: OK (1 node, 0 edges)']);
    const bad = memoryIO({ '-': '{"format":"petroflow.pipeline"' });
    expect(await main(['validate', '-'], bad)).toBe(1);
    expect(bad.stderr[0]).toMatch(/^<stdin>: /);
    const link = memoryIO({ '-': pipeline });
    expect(await main(['link', '-'], link)).toBe(0);
    expect(link.stdout[0]).toContain('#pipeline=');
  });

  it('says which argument is wrong in a usage error', () => {
    const u = (args: string[]) => {
      const r = singleArgument(args, 'validate PIPELINE.json');
      return typeof r === 'string' ? r : r.usage.split('\n')[0];
    };
    expect(u(['--jsn', 'p.json'])).toBe("petroflow: unknown option '--jsn'");
    expect(u(['--hepl'])).toBe("petroflow: unknown option '--hepl'; did you mean '--help'?");
    expect(u([])).toBe('petroflow: an argument is missing');
    expect(u(['a.json', 'b.json'])).toBe(
      "petroflow: give exactly one argument (got 2: 'a.json' 'b.json')",
    );
    expect(u(['--', '-odd.json'])).toBe('-odd.json');
    expect(u(['-'])).toBe('-');
  });

  it('through the real bin: a pipeline piped in on stdin validates', () => {
    const r = spawnSync(process.execPath, [bin, 'validate', '-'], {
      input: pipeline,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('<stdin>: OK (1 node, 0 edges)\n');
    expect(r.status).toBe(0);
  });

  it('through the real bin: a closed stdout (| head) is no crash and keeps the exit status', async () => {
    const child = spawn(process.execPath, [bin, '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toContain('EPIPE');
    expect(code).toBe(0);
  });
});
