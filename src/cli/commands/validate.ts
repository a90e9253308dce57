/** `petroflow validate PIPELINE.json`: checks a pipeline file against format v1 and the operators. */
import type { PetroflowError } from '../../model/errors.ts';
import { MAX_PIPELINE_TEXT, parsePipelineText } from '../../model/parse.ts';
import type { Pipeline } from '../../model/pipeline.ts';
import type { Result } from '../../model/result.ts';
import { err } from '../../model/result.ts';
import type { ListableCatalogue } from '../../model/validate-nodes.ts';
import { builtinRegistry } from '../../operators/index.ts';
import type { CliIO } from '../io.ts';
import { readErrorText, shownPath } from '../io.ts';
import { didYouMean } from '../../model/suggest.ts';
import { printProblems } from './problems.ts';
import type { Command } from './types.ts';

/** The built-in operators as a catalogue that can also list its ids (for "did you mean"). */
export function builtinCatalogue(): ListableCatalogue {
  return {
    get: (id, version) => builtinRegistry.get(id, version),
    versions: (id) => builtinRegistry.versions(id),
    ids: () => [...new Set(builtinRegistry.all().map((o) => o.id))],
  };
}

/** Reads and validates a pipeline file; problems are plain messages (without the file prefix). */
export async function readPipelineFile(
  path: string,
  io: CliIO,
  catalogue: ListableCatalogue,
): Promise<Result<Pipeline, string[]>> {
  let bytes: Uint8Array;
  try {
    // Capped before reading: a device such as /dev/zero or a pipe is refused, never read.
    bytes =
      path === '-'
        ? await io.readStdin(MAX_PIPELINE_TEXT * 3)
        : await io.readFile(path, MAX_PIPELINE_TEXT * 3);
  } catch (e) {
    if ((e as { code?: unknown } | null)?.code === 'EFBIG')
      return err([
        'the file is far larger than any pipeline (over 6 MiB); is this the right file?',
      ]);
    return err([`cannot read the file (${readErrorText(e)})`]);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return err(['the file is not UTF-8 text; a pipeline file is UTF-8 JSON']);
  }
  const r = parsePipelineText(text, catalogue);
  return r.ok ? r : err(r.error.map((e: PetroflowError) => e.message));
}

/**
 * One positional argument and no options, or a usage message saying what is wrong. `-` is a
 * positional (standard input) and `--` ends the options (a file may then start with `-`).
 */
export function singleArgument(
  args: readonly string[],
  usage: string,
  known: readonly string[] = ['--help'],
): string | { usage: string } {
  const end = args.indexOf('--');
  const options = end < 0 ? args : args.slice(0, end);
  const positional = [...options.filter((a) => a === '-' || !a.startsWith('-'))];
  if (end >= 0) positional.push(...args.slice(end + 1));
  const unknown = options.find((a) => a !== '-' && a.startsWith('-'));
  const why =
    unknown !== undefined
      ? `unknown option '${unknown}'${didYouMean(unknown, known)}`
      : positional.length === 0
        ? 'an argument is missing'
        : positional.length > 1
          ? `give exactly one argument (got ${positional.length}: ${positional.map((p) => `'${p}'`).join(' ')})`
          : undefined;
  if (why !== undefined) return { usage: `petroflow: ${why}\nusage: petroflow ${usage}` };
  return positional[0] as string;
}

/**
 * Runs a one-argument command: a usage error exits 2; `load` failing prints each problem as
 * `<prefix>: <problem>` and exits 1; otherwise `print` writes the result and the command exits 0.
 */
export async function runOnOneArgument<T>(
  args: readonly string[],
  usage: string,
  io: CliIO,
  load: (arg: string) => Promise<Result<T, readonly string[]>>,
  print: (value: T, arg: string) => string,
  prefix: (arg: string) => string = shownPath,
): Promise<number> {
  const arg = singleArgument(args, usage);
  if (typeof arg !== 'string') {
    io.err(arg.usage);
    return 2;
  }
  const r = await load(arg);
  if (!r.ok) {
    printProblems(io, prefix(arg), r.error);
    return 1;
  }
  io.out(print(r.value, arg));
  return 0;
}

/** Builds the command over a catalogue (tests pass their own). */
export function makeValidateCommand(catalogue: () => ListableCatalogue): Command {
  const usage = 'validate PIPELINE.json';
  return {
    usage,
    summary: 'checks a pipeline file; exit 0 when valid, else 1 with one line per problem',
    help: 'Checks a pipeline file (format v1) against the operators of this build: operators and versions,\nparameters, edges and ports, cycles. Prints one line per problem as <file>: <problem> (at most 100, then\none line counting the rest). PIPELINE.json may be - (standard input).\nExit status: 0 valid; 1 invalid or unreadable; 2 usage error.',
    run: (args: readonly string[], io: CliIO) =>
      runOnOneArgument(
        args,
        usage,
        io,
        (path) => readPipelineFile(path, io, catalogue()),
        ({ nodes, edges }, path) =>
          `${shownPath(path)}: OK (${nodes.length} node${nodes.length === 1 ? '' : 's'}, ${edges.length} edge${edges.length === 1 ? '' : 's'})`,
      ),
  };
}

/** `petroflow validate`. */
export const validate: Command = makeValidateCommand(builtinCatalogue);
