/**
 * Output files are written atomically: a write that fails midway (a full disk, here a file-size
 * limit, which fails the same way at the same point) leaves the earlier file whole and no
 * temporary file; a symlink is written through and a device is written directly.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { outputWriteError } from './commands/run-outputs.ts';
import { writeFileAtomic } from './atomic-write.ts';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'pf-atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('leaves the earlier file whole when a write fails midway (file-size limit)', () => {
    const target = join(dir, 'q.csv');
    writeFileSync(target, 'old,complete\n');
    const script = join(dir, 'write.mts');
    writeFileSync(
      script,
      `import { writeFileAtomic } from ${JSON.stringify(join(root, 'src/cli/atomic-write.ts'))};
await writeFileAtomic(${JSON.stringify(target)}, 'x'.repeat(4_000_000)).then(
  () => console.log('written'),
  (e) => console.log('failed', e.code),
);`,
    );
    // SIGXFSZ ignored (inherited through exec) makes a write past the limit fail with EFBIG,
    // as ENOSPC does on a full disk, after part of the data reached the file.
    const r = spawnSync(
      'sh',
      ['-c', `trap '' XFSZ; ulimit -f 2048; exec "${process.execPath}" --import tsx "${script}"`],
      { cwd: root, encoding: 'utf8', timeout: 60_000 },
    );
    expect(r.stdout.trim(), r.stderr).toBe('failed EFBIG');
    expect(readFileSync(target, 'utf8')).toBe('old,complete\n');
    expect(readdirSync(dir).filter((n) => n.includes('partial'))).toEqual([]);
  });

  it('removes its temporary file when Ctrl-C arrives mid-write, and ends by the signal', () => {
    const target = join(dir, 'big.csv');
    writeFileSync(target, 'old\n');
    const script = join(dir, 'interrupt.mts');
    writeFileSync(
      script,
      `import { writeFileAtomic } from ${JSON.stringify(join(root, 'src/cli/atomic-write.ts'))};
import { existsSync } from 'node:fs';
// Ctrl-C once the temporary file exists, i.e. mid-write.
const temp = ${JSON.stringify(join(dir, '.big.csv.'))} + process.pid + '.partial';
const poll = setInterval(() => existsSync(temp) && (clearInterval(poll), process.kill(process.pid, 'SIGINT')), 1);
await writeFileAtomic(${JSON.stringify(target)}, 'x'.repeat(100_000_000));
console.log('finished before the signal');`,
    );
    const r = spawnSync(process.execPath, ['--import', 'tsx', script], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.signal, r.stderr).toBe('SIGINT');
    expect(r.stdout).toBe('');
    expect(readFileSync(target, 'utf8')).toBe('old\n');
    expect(readdirSync(dir).filter((n) => n.includes('partial'))).toEqual([]);
  });

  it('replaces a file whole, writes through a symlink, and writes a device directly', async () => {
    const target = join(dir, 'a.csv');
    await writeFileAtomic(target, 'one\n');
    await writeFileAtomic(target, 'two\n');
    expect(readFileSync(target, 'utf8')).toBe('two\n');
    const link = join(dir, 'link.csv');
    symlinkSync(target, link);
    await writeFileAtomic(link, 'three\n');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('three\n');
    await writeFileAtomic('/dev/null', 'gone\n');
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(existsSync('/dev/.null.partial')).toBe(false);
    expect(readdirSync(dir).filter((n) => n.includes('partial'))).toEqual([]);
  });

  it('names the node, the file, the cause and what to do in a write error', () => {
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), {
      code: 'ENOSPC',
    });
    expect(outputWriteError('q', 'out/q.csv', full).message).toBe(
      "node 'q': cannot write out/q.csv (the disk is full: free some space or choose another --out); no partial file was left under that name",
    );
    expect(outputWriteError('q', 'out/q.csv', new Error('odd')).message).toContain('(odd)');
  });
});
