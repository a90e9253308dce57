import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeIO, ownBytes } from './io.ts';

describe('ownBytes (what the CLI reads from disk)', () => {
  it('keeps a Buffer that owns its whole memory, without a copy', () => {
    const big = Buffer.allocUnsafeSlow(64 * 1024).fill(1);
    const own = ownBytes(big);
    expect(own.buffer).toBe(big.buffer);
    expect(own.byteLength).toBe(big.byteLength);
  });

  it('copies a small Buffer from the shared pool (the pool must never be transferred)', () => {
    const small = Buffer.from('abc');
    expect(small.buffer.byteLength).toBeGreaterThan(small.byteLength);
    const own = ownBytes(small);
    expect(own.buffer).not.toBe(small.buffer);
    expect(own.buffer.byteLength).toBe(3);
    expect([...own]).toEqual([97, 98, 99]);
  });
});

describe('nodeIO reads only regular files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pf-io-'));
  const fifo = join(dir, 'pipe');
  const hasFifo = process.platform !== 'win32' && spawnSync('mkfifo', [fifo]).status === 0;
  writeFileSync(join(dir, 'a.txt'), 'hello');
  symlinkSync(join(dir, 'a.txt'), join(dir, 'link.txt'));
  symlinkSync(join(dir, 'gone.txt'), join(dir, 'broken.txt'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a directory, a device and a missing file with a code and words', async () => {
    await expect(nodeIO.readFile(dir)).rejects.toMatchObject({
      code: 'EISDIR',
      message: 'it is a directory, not a file',
    });
    await expect(nodeIO.readFile(join(dir, 'nope'))).rejects.toMatchObject({ code: 'ENOENT' });
    if (existsSync('/dev/zero'))
      await expect(nodeIO.readFile('/dev/zero')).rejects.toMatchObject({
        code: 'ENOTREG',
        message: expect.stringMatching(
          /not a regular file \(a device, pipe or socket\)/,
        ) as unknown,
      });
  });

  it.skipIf(!hasFifo)('refuses a named pipe at once instead of waiting for a writer', async () => {
    const t0 = performance.now();
    await expect(nodeIO.readFile(fifo)).rejects.toMatchObject({ code: 'ENOTREG' });
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(await nodeIO.fileInfo(fifo)).toEqual({ kind: 'other' });
  });

  it('follows symlinks, caps the size before reading, and lists files without broken links', async () => {
    expect(new TextDecoder().decode(await nodeIO.readFile(join(dir, 'link.txt')))).toBe('hello');
    await expect(nodeIO.readFile(join(dir, 'a.txt'), 4)).rejects.toMatchObject({ code: 'EFBIG' });
    expect((await nodeIO.readFile(join(dir, 'a.txt'), 5)).length).toBe(5);
    expect(await nodeIO.listFiles(dir)).toEqual(['a.txt', 'link.txt']);
  });
});
