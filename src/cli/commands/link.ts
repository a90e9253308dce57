/** `petroflow link PIPELINE.json [--base URL]`: prints a share link for a valid pipeline file. */
import { makeShareLink } from '../../formats/sharelink.ts';
import { serializePipeline } from '../../model/serialize.ts';
import type { ListableCatalogue } from '../../model/validate-nodes.ts';
import { didYouMean } from '../../model/suggest.ts';
import { shownPath, type CliIO } from '../io.ts';
import { printProblems } from './problems.ts';
import type { Command } from './types.ts';
import { builtinCatalogue, readPipelineFile } from './validate.ts';

/** Where links point when `--base` is not given: the local preview server (`npm start`). */
export const DEFAULT_LINK_BASE = 'http://127.0.0.1:4173/';

function parseArgs(args: readonly string[]): { file: string; base: string } | string {
  let file: string | undefined;
  let base = DEFAULT_LINK_BASE;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') {
      // What follows is the file, even if it starts with '-'.
      const after = args.slice(i + 1);
      if (file !== undefined || after.length !== 1) return 'give exactly one pipeline file';
      file = after[0];
      break;
    }
    if (a === '--base' || a.startsWith('--base=')) {
      const v = a === '--base' ? args[++i] : a.slice('--base='.length);
      if (v === undefined || v === '') return '--base needs a URL';
      base = v;
    } else if (a.startsWith('-') && a !== '-')
      return `unknown option '${a}'${didYouMean(a.split('=')[0] ?? a, ['--base', '--help'])}`;
    else if (file === undefined) file = a;
    else return `unexpected argument '${a}'`;
  }
  if (file === undefined) return 'a pipeline file is required';
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    return `--base '${base}' is not a URL (e.g. https://example.org/petroflow/)`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return `--base must be an http or https URL, not '${url.protocol}'`;
  return { file, base };
}

/** Builds the command over a catalogue (tests pass their own). */
export function makeLinkCommand(catalogue: () => ListableCatalogue): Command {
  const usage = 'link PIPELINE.json [--base URL]';
  return {
    usage,
    summary: 'validates a pipeline file and prints a share link for it',
    help: `Validates the pipeline, then prints <base>#pipeline=<payload> (default base ${DEFAULT_LINK_BASE}).\nLinks hold up to 64 KiB; larger pipelines must be sent as files.\nExit status: 0 printed; 1 invalid pipeline or too large; 2 usage error.`,
    async run(args: readonly string[], io: CliIO): Promise<number> {
      const parsed = parseArgs(args);
      if (typeof parsed === 'string') {
        io.err(`petroflow link: ${parsed}\nusage: petroflow ${usage}`);
        return 2;
      }
      const r = await readPipelineFile(parsed.file, io, catalogue());
      if (!r.ok) {
        printProblems(io, shownPath(parsed.file), r.error);
        return 1;
      }
      const compact = JSON.stringify(JSON.parse(serializePipeline(r.value)));
      const link = await makeShareLink(compact, parsed.base);
      if (!link.ok) {
        io.err(`${shownPath(parsed.file)}: ${link.error.message}`);
        return 1;
      }
      io.out(link.value);
      return 0;
    },
  };
}

/** `petroflow link`. */
export const link: Command = makeLinkCommand(builtinCatalogue);
