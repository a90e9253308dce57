/** Arguments of `petroflow run` (pipeline-format.md section 4), parsed into a value or a usage error. */
import type { OutputFormat } from '../../formats/outputs/index.ts';
import { OUTPUT_FORMATS, isOutputFormat } from '../../formats/outputs/index.ts';
import type { Result } from '../../model/result.ts';
import { err, ok } from '../../model/result.ts';
import { didYouMean } from '../../model/suggest.ts';

/** Default output directory, relative to the current directory. */
export const DEFAULT_OUT_DIR = 'out';

/** Largest `--sql-time-limit`: 30 days, far past any run, well inside a timer's range. */
export const MAX_SQL_TIME_LIMIT_S = 30 * 24 * 3600;

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
  /** `--sql-time-limit SECONDS`, in milliseconds: how long one user SQL query may run. */
  readonly sqlTimeLimitMs?: number;
}

const valued = [
  '--file',
  '--files',
  '--out',
  '--format',
  '--workers',
  '--trace',
  '--sql-time-limit',
];
const options = [...valued, '--json', '--help'];

/** `--sql-time-limit` in whole milliseconds (at least 1), or the usage problem. */
function timeLimitMs(value: string): Result<number, string> {
  const s = /^\s*$/.test(value) ? NaN : Number(value);
  if (!Number.isFinite(s) || s <= 0 || s > MAX_SQL_TIME_LIMIT_S)
    return err(
      `--sql-time-limit must be a number of seconds greater than 0 and at most ${MAX_SQL_TIME_LIMIT_S} (e.g. 600 for 10 minutes); got '${value}'`,
    );
  return ok(Math.max(1, Math.ceil(s * 1000)));
}

/** Parses the arguments after `run`; the error is the usage problem in one sentence. */
export function parseRunArgs(args: readonly string[]): Result<RunArgs, string> {
  const positional: string[] = [];
  const files: { name: string; path: string }[] = [];
  const single = new Map<string, string>();
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      // Everything after `--` is a file name, even one that starts with '-'.
      positional.push(...args.slice(i + 1));
      break;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (name === '--json' && eq < 0) {
      json = true;
      continue;
    }
    if (!valued.includes(name)) {
      if (arg.startsWith('-') && arg !== '-')
        return err(`unknown option '${arg}'${didYouMean(name, options)}`);
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
      continue;
    }
    // Given twice with different values, a script's later override would silently win over an
    // earlier one (or the reverse): refuse, as for --file.
    const before = single.get(name);
    if (before !== undefined && before !== value)
      return err(`${name} is given twice ('${before}' and '${value}'); give it once`);
    single.set(name, value);
  }
  const format = single.get('--format') ?? 'csv';
  if (!isOutputFormat(format))
    return err(`--format must be one of ${OUTPUT_FORMATS.join(', ')}; got '${format}'`);
  const workersText = single.get('--workers');
  const workers = workersText === undefined ? undefined : Number(workersText);
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 1 || workers > 64))
    return err(`--workers must be a whole number from 1 to 64; got '${workersText ?? ''}'`);
  const limitText = single.get('--sql-time-limit');
  const limit = limitText === undefined ? undefined : timeLimitMs(limitText);
  if (limit !== undefined && !limit.ok) return limit;
  if (positional.length !== 1) {
    return err(
      positional.length === 0 ? 'the pipeline file is missing' : 'give exactly one pipeline file',
    );
  }
  const filesDir = single.get('--files');
  const trace = single.get('--trace');
  return ok({
    pipeline: positional[0] as string,
    files,
    out: single.get('--out') ?? DEFAULT_OUT_DIR,
    format,
    json,
    ...(filesDir !== undefined ? { filesDir } : {}),
    ...(workers !== undefined ? { workers } : {}),
    ...(trace !== undefined ? { trace } : {}),
    ...(limit !== undefined ? { sqlTimeLimitMs: limit.value } : {}),
  });
}
