/**
 * The FileProvider of `petroflow run`: file names bound to paths by `--file NAME=PATH` and
 * `--files DIR` (every regular file of DIR by its base name; `--file` wins on a clash). The hash
 * is the SHA-256 of the content, computed once per run.
 */
import { createHash } from 'node:crypto';
import type { FileProvider } from '../../engine/types.ts';
import type { CliIO } from '../io.ts';
import type { RunArgs } from './run-args.ts';

/** Binds the files of `args`; rejects with a one-line message when DIR cannot be listed. */
export async function cliFiles(args: RunArgs, io: CliIO): Promise<FileProvider> {
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
  for (const f of args.files) paths.set(f.name, f.path);
  const hashes = new Map<string, Promise<string>>();
  const read = async (name: string): Promise<Uint8Array> => {
    const path = paths.get(name);
    if (path === undefined)
      throw new Error(`no file named '${name}' is bound; add --file ${name}=PATH`);
    try {
      return await io.readFile(path);
    } catch (e) {
      throw new Error(
        `cannot read ${path} (bound as '${name}'): ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  };
  return {
    names: () => [...paths.keys()].sort(),
    read,
    hash: (name) => {
      let h = hashes.get(name);
      if (!h) {
        h = read(name).then((bytes) => createHash('sha256').update(bytes).digest('hex'));
        hashes.set(name, h);
      }
      return h;
    },
  };
}
