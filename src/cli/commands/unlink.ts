/** `petroflow unlink URL`: prints the pipeline inside a share link, validated, in stable form. */
import { decodeSharedPipeline } from '../../formats/sharelink.ts';
import { serializePipeline } from '../../model/serialize.ts';
import type { ListableCatalogue } from '../../model/validate-nodes.ts';
import type { CliIO } from '../io.ts';
import type { Command } from './types.ts';
import { builtinCatalogue, runOnOneArgument } from './validate.ts';
import { err } from '../../model/result.ts';

/** Builds the command over a catalogue (tests pass their own). */
export function makeUnlinkCommand(catalogue: () => ListableCatalogue): Command {
  const usage = 'unlink URL';
  return {
    usage,
    summary: 'prints the pipeline JSON inside a share link',
    help: 'Decodes a share link (or its #pipeline= fragment, or the bare payload), validates the\npipeline and prints it as a pipeline file would be saved.\nExit status: 0 printed; 1 damaged link or invalid pipeline; 2 usage error.',
    run: (args: readonly string[], io: CliIO) =>
      runOnOneArgument(
        args,
        usage,
        io,
        async (url) => {
          const r = await decodeSharedPipeline(url, catalogue());
          return r.ok ? r : err(r.error.map((e) => e.message));
        },
        (pipeline) => serializePipeline(pipeline),
        () => 'link',
      ),
  };
}

/** `petroflow unlink`. */
export const unlink: Command = makeUnlinkCommand(builtinCatalogue);
