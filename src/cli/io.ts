/** Console and file-system access for CLI commands, injectable so tests can capture output. */
import { readFile, writeFile, mkdir, readdir, stat } from 'node:fs/promises';
import { owned } from '../engine/ipc.ts';

/** What a command may do outside itself. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: Uint8Array | string): Promise<void>;
  mkdirp(path: string): Promise<void>;
  /** Regular files directly inside `dir` (names only). */
  listFiles(dir: string): Promise<string[]>;
}

/**
 * `buf` as a plain Uint8Array over the same memory when it owns its whole buffer (a large read),
 * else a copy (a small Buffer may sit in Node's shared pool, which must never be transferred).
 */
export function ownBytes(buf: Buffer): Uint8Array {
  // A plain view first: Buffer's own slice() would not copy.
  return owned(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength));
}

/** The real console and file system. */
export const nodeIO: CliIO = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
  readFile: async (p) => ownBytes(await readFile(p)),
  writeFile: (p, d) => writeFile(p, d),
  mkdirp: async (p) => {
    await mkdir(p, { recursive: true });
  },
  listFiles: async (dir) => {
    const names = await readdir(dir);
    const out: string[] = [];
    for (const n of names) if ((await stat(`${dir}/${n}`)).isFile()) out.push(n);
    return out.sort();
  },
};

/** An in-memory CliIO for tests: output is collected, files come from a map. */
export function memoryIO(
  files: Record<string, Uint8Array | string> = {},
): CliIO & { stdout: string[]; stderr: string[]; files: Map<string, Uint8Array | string> } {
  const store = new Map(Object.entries(files));
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    files: store,
    out: (t) => void stdout.push(t),
    err: (t) => void stderr.push(t),
    readFile: (p) => {
      const v = store.get(p);
      if (v === undefined)
        return Promise.reject(
          Object.assign(new Error(`ENOENT: no such file '${p}'`), { code: 'ENOENT' }),
        );
      return Promise.resolve(typeof v === 'string' ? new TextEncoder().encode(v) : v);
    },
    writeFile: (p, d) => {
      store.set(p, d);
      return Promise.resolve();
    },
    mkdirp: () => Promise.resolve(),
    listFiles: (dir) => {
      const prefix = dir.endsWith('/') ? dir : `${dir}/`;
      return Promise.resolve(
        [...store.keys()]
          .filter((k) => k.startsWith(prefix) && !k.slice(prefix.length).includes('/'))
          .map((k) => k.slice(prefix.length))
          .sort(),
      );
    },
  };
}
