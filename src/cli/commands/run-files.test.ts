import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeIO } from '../io.ts';
import type { RunArgs } from './run-args.ts';
import { cliFiles } from './run-files.ts';

const dir = mkdtempSync(join(tmpdir(), 'pf-run-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const args = (files: RunArgs['files'], filesDir?: string): RunArgs => ({
  pipeline: 'p.json',
  files,
  out: 'out',
  format: 'csv',
  json: false,
  ...(filesDir !== undefined ? { filesDir } : {}),
});

describe('cliFiles: --file paths are checked before any engine starts', () => {
  it('refuses a missing path, a directory, a device and a pipe, naming the argument', async () => {
    const fifo = join(dir, 'pipe');
    const hasFifo = process.platform !== 'win32' && spawnSync('mkfifo', [fifo]).status === 0;
    const cases: [string, RegExp][] = [
      [join(dir, 'missing.las'), /no such file$/],
      [dir, /it is a directory, not a file$/],
      ['/dev/zero', /not a regular file \(a device, pipe or socket\)/],
      ['~/w.las', /no such file \(~ is not expanded after =; write \$HOME\/\.\.\.\)$/],
      ...(hasFifo ? [[fifo, /not a regular file/] as [string, RegExp]] : []),
    ];
    for (const [path, why] of cases) {
      const t0 = performance.now();
      const r = cliFiles(args([{ name: 'w.las', path }]), nodeIO);
      await expect(r, path).rejects.toThrow(why);
      await expect(r, path).rejects.toThrow(`--file w.las=${path}: `);
      expect(performance.now() - t0, path).toBeLessThan(2000);
    }
  });

  it('reports an input that changed while the run read it, and not one left alone', async () => {
    const a = join(dir, 'a.las');
    const b = join(dir, 'b.las');
    writeFileSync(a, 'first version\n');
    writeFileSync(b, 'steady\n');
    utimesSync(a, new Date(2020, 0, 1), new Date(2020, 0, 1));
    const files = await cliFiles(
      args([
        { name: 'a.las', path: a },
        { name: 'b.las', path: b },
      ]),
      nodeIO,
    );
    expect(new TextDecoder().decode(await files.read('a.las'))).toBe('first version\n');
    await files.hash('b.las');
    expect(await files.changed()).toEqual([]);
    appendFileSync(a, 'second half written later\n');
    expect(await files.changed()).toEqual(['a.las']);
  });

  it('binds --files DIR by base name; an unbound name says how to bind it', async () => {
    writeFileSync(join(dir, 'c.las'), 'c');
    const files = await cliFiles(args([], dir), nodeIO);
    expect(files.names()).toContain('c.las');
    await expect(files.read('zzz.las')).rejects.toThrow(/add --file zzz.las=PATH/);
  });
});
