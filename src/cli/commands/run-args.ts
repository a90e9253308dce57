/** Arguments of `petroflow run` (pipeline-format.md section 4), parsed into a value or a usage error. */
import type { OutputFormat } from '../../formats/outputs/index.ts';
import { OUTPUT_FORMATS, isOutputFormat } from '../../formats/outputs/index.ts';
import type { Result } from '../../model/result.ts';
import { err, ok } from '../../model/result.ts';

/** Default output directory, relative to the current directory. */
export const DEFAULT_OUT_DIR = 'out';

/** What `petroflow run` was asked to do. */
export interface RunArgs {
  readonly pipeline: string;
  /** `--file NAME=PATH` bindings, in order. */
  readonly files: readonly { name: string; path: string }[];
  readonly filesDir?: string;
  readonly out: string;
  readonly format: OutputFormat;
  readonly json: boolean;
  readonly workers?: number;
  /** `--trace FILE`: where to write the run's spans as OTLP JSON. */
  readonly trace?: string;
}

const valued = new Set(['--file', '--files', '--out', '--format', '--workers', '--trace']);

/** Parses the arguments after `run`; the error is the usage problem in one sentence. */
export function parseRunArgs(args: readonly string[]): Result<RunArgs, string> {
  const positional: string[] = [];
  const files: { name: string; path: string }[] = [];
  let filesDir: string | undefined;
  let out = DEFAULT_OUT_DIR;
  let format: OutputFormat = 'csv';
  let json = false;
  let workers: number | undefined;
  let trace: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (name === '--json' && eq < 0) {
      json = true;
      continue;
    }
    if (!valued.has(name)) {
      if (arg.startsWith('-')) return err(`unknown option '${arg}'`);
      positional.push(arg);
      continue;
    }
    const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined || value === '') return err(`${name} needs a value`);
    if (name === '--file') {
      const at = value.indexOf('=');
      if (at <= 0 || at === value.length - 1)
        return err(`--file expects NAME=PATH, got '${value}'`);
      const fileName = value.slice(0, at);
      if (files.some((f) => f.name === fileName)) return err(`--file ${fileName} is given twice`);
      files.push({ name: fileName, path: value.slice(at + 1) });
    } else if (name === '--files') filesDir = value;
    else if (name === '--trace') trace = value;
    else if (name === '--out') out = value;
    else if (name === '--format') {
      if (!isOutputFormat(value)) {
        return err(`--format must be one of ${OUTPUT_FORMATS.join(', ')}; got '${value}'`);
      }
      format = value;
    } else {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1 || n > 64) {
        return err(`--workers must be a whole number from 1 to 64; got '${value}'`);
      }
      workers = n;
    }
  }
  if (positional.length !== 1) {
    return err(
      positional.length === 0 ? 'the pipeline file is missing' : 'give exactly one pipeline file',
    );
  }
  return ok({
    pipeline: positional[0] as string,
    files,
    out,
    format,
    json,
    ...(filesDir !== undefined ? { filesDir } : {}),
    ...(workers !== undefined ? { workers } : {}),
    ...(trace !== undefined ? { trace } : {}),
  });
}
