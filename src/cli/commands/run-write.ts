/**
 * Writing the files of `petroflow run` without destroying anything the user has: an output or the
 * trace whose path is the pipeline file, a bound input, or an output written earlier in the same
 * run (`--trace out/q.csv`, `--files data --out data` with a node named after its input file) is
 * refused, as the run would replace the file it was made from. Files are compared by identity
 * (device and inode), so `./`, symlinks and hard links cannot hide a clash.
 */
import type { CliIO } from '../io.ts';
import { shownPath } from '../io.ts';
import { outputWriteError } from './run-outputs.ts';

/** Files a run writes, checked against the files it must keep. */
export class RunWriter {
  /** What each kept file is, by identity (e.g. "input 'a.csv'"). */
  private readonly kept = new Map<string, string>();

  private constructor(private readonly io: CliIO) {}

  /** A writer keeping the pipeline file and every bound input (name to path). */
  static async create(
    io: CliIO,
    pipeline: string,
    inputs: ReadonlyMap<string, string>,
  ): Promise<RunWriter> {
    const w = new RunWriter(io);
    if (pipeline !== '-') await w.keep(pipeline, `the pipeline file ${shownPath(pipeline)}`);
    for (const [name, path] of inputs) await w.keep(path, `input '${name}' (${path})`);
    return w;
  }

  private async keep(path: string, what: string): Promise<void> {
    const id = await this.io.identity(path);
    if (id !== undefined && !this.kept.has(id)) this.kept.set(id, what);
  }

  /** The kept file that `path` names, if any. */
  private async clash(path: string): Promise<string | undefined> {
    const id = await this.io.identity(path);
    return id === undefined ? undefined : this.kept.get(id);
  }

  /** Writes the output of node `nodeId` (atomically), unless `path` is a kept file. */
  async output(nodeId: string, path: string, content: Uint8Array | string): Promise<void> {
    const clash = await this.clash(path);
    if (clash !== undefined)
      throw new Error(
        `node '${nodeId}': refusing to write ${path}: it is ${clash}, which the output would replace; choose another --out`,
      );
    await this.io.writeFile(path, content).catch((e: unknown) => {
      throw outputWriteError(nodeId, path, e);
    });
    await this.keep(path, `the output of node '${nodeId}'`);
  }

  /** Throws unless `--trace` may write `path` (not a kept file nor an output of this run). */
  async checkTrace(path: string): Promise<void> {
    const clash = await this.clash(path);
    if (clash !== undefined)
      throw new Error(
        `--trace ${path}: refusing to write the trace there: it is ${clash}; choose another trace file`,
      );
  }
}
