/**
 * The FileProvider of `petroflow run`: file names bound to paths by `--file NAME=PATH` and
 * `--files DIR` (every regular file of DIR by its base name; `--file` wins on a clash). Files are
 * never held whole when they need not be: a ranged name (src/operators/file-range.ts) reads just
 * those bytes through a file handle, and the content hash (SHA-256, computed once per run) is fed
 * from a read stream. An injected CliIO that is not the real file system (tests) is read whole and
 * sliced.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { FileProvider } from '../../engine/types.ts';
import { parseRangedFileName } from '../../operators/file-range.ts';
import { fileInfoProblem, nodeIO, readErrorText, type CliIO } from '../io.ts';
import type { RunArgs } from './run-args.ts';

/** `length` bytes of `path` from `offset` (fewer at the end of the file), through a handle. */
export async function readRange(path: string, offset: number, length: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const out = new Uint8Array(length);
    let got = 0;
    while (got < length) {
      const { bytesRead } = await handle.read(out, got, length - got, offset + got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return got === length ? out : out.slice(0, got);
  } finally {
    await handle.close();
  }
}

/** Hex SHA-256 of a file, streamed (memory stays at the stream's buffer size). */
export function hashFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path, { highWaterMark: 1 << 20 })
      .on('data', (chunk) => hash.update(chunk))
      .once('error', reject)
      .once('end', () => resolve(hash.digest('hex')));
  });
}

/** The FileProvider of a run, and a check for inputs that changed while the run read them. */
export interface CliFiles extends FileProvider {
  /**
   * Bound names whose file changed size or modification time since the run first touched it
   * (its hash and its bytes may then disagree, and parts read at different times may mix).
   */
  changed(): Promise<string[]>;
  /** The path bound to each name (what a run must never overwrite). */
  readonly paths: ReadonlyMap<string, string>;
}

/**
 * Binds the files of `args`; rejects with a one-line message when DIR cannot be listed or a
 * `--file` path is not a regular file (missing, a directory, a device such as /dev/zero, a pipe),
 * before any engine starts.
 */
export async function cliFiles(args: RunArgs, io: CliIO): Promise<CliFiles> {
  const paths = new Map<string, string>();
  if (args.filesDir !== undefined) {
    const dir = args.filesDir.replace(/\/+$/, '') || '/';
    let names: string[];
    try {
      names = await io.listFiles(dir);
    } catch (e) {
      throw new Error(
        `--files ${args.filesDir}: cannot list the directory (${e instanceof Error ? e.message : String(e)})`,
      );
    }
    for (const n of names) paths.set(n, `${dir}/${n}`);
  }
  for (const f of args.files) {
    const problem = fileInfoProblem(await io.fileInfo(f.path));
    if (problem !== undefined) {
      // The shell expands ~ only at the start of a word, never after NAME=.
      const hint = f.path.startsWith('~') ? ' (~ is not expanded after =; write $HOME/...)' : '';
      throw new Error(`--file ${f.name}=${f.path}: ${problem}${hint}`);
    }
    paths.set(f.name, f.path);
  }
  const realFs = io.readFile === nodeIO.readFile;
  // Size and modification time of each bound file when the run first touched it.
  const stamps = new Map<string, Promise<string>>();
  const stamp = async (path: string): Promise<string> => {
    const info = await io.fileInfo(path);
    return info.kind === 'file' ? `${info.size}:${info.mtimeMs}` : info.kind;
  };
  const hashes = new Map<string, Promise<string>>();
  const bound = <T>(name: string, how: (path: string) => Promise<T>): Promise<T> => {
    const path = paths.get(name);
    if (path === undefined)
      return Promise.reject(new Error(`no file named '${name}' is bound; add --file ${name}=PATH`));
    if (!stamps.has(name)) stamps.set(name, stamp(path));
    return how(path).catch((e: unknown) => {
      throw new Error(`cannot read ${path} (bound as '${name}'): ${readErrorText(e)}`);
    });
  };
  const read = (request: string): Promise<Uint8Array> => {
    const range = parseRangedFileName(request);
    if (!range) return bound(request, (path) => io.readFile(path));
    const { offset, length } = range;
    return bound(range.name, async (path) =>
      realFs
        ? readRange(path, offset, length)
        : (await io.readFile(path)).slice(offset, offset + length),
    );
  };
  return {
    paths,
    changed: async () => {
      const out: string[] = [];
      for (const [name, before] of stamps) {
        const path = paths.get(name) as string;
        if ((await before) !== (await stamp(path))) out.push(name);
      }
      return out.sort();
    },
    names: () => [...paths.keys()].sort(),
    read,
    // The file system gives fresh bytes on every read; an injected reader may not.
    readsFresh: realFs,
    hash: (name) => {
      let h = hashes.get(name);
      if (!h) {
        h = realFs
          ? bound(name, hashFile)
          : read(name).then((bytes) => createHash('sha256').update(bytes).digest('hex'));
        hashes.set(name, h);
      }
      return h;
    },
  };
}
