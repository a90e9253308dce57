/** The `petroflow` command line: dispatches to one module per command (src/cli/commands/). */
import { readFileSync } from 'node:fs';
import { CURRENT_FORMAT_VERSION } from '../model/pipeline.ts';
import { didYouMean } from '../model/suggest.ts';
import type { CliIO } from './io.ts';
import { nodeIO } from './io.ts';
import { commands } from './commands/index.ts';

const usage = `Usage: petroflow <command> [options]

Commands:
${Object.entries(commands)
  .map(([, c]) => `  ${c.usage}\n      ${c.summary}`)
  .join('\n')}

Options: --help (also after a command), --version.
Run 'petroflow <command> --help' for details. Exit status: 0 success; 1 invalid input or failed
node; 2 usage error.`;

/** `petroflow <version> (pipeline format <n>)`, the version read from package.json. */
export function versionLine(): string {
  let version = 'unknown';
  try {
    const pkg: unknown = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    );
    const v = (pkg as { version?: unknown } | null)?.version;
    if (typeof v === 'string') version = v;
  } catch {
    // A missing package.json leaves 'unknown': the version line must never fail.
  }
  return `petroflow ${version} (pipeline format ${CURRENT_FORMAT_VERSION})`;
}

/** Runs the CLI with arguments (without `node` and the script) and returns the exit status. */
export async function main(argv: readonly string[], io: CliIO = nodeIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-V' || name === 'version') {
    io.out(versionLine());
    return 0;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    const hint = didYouMean(name, Object.keys(commands));
    io.err(`petroflow: unknown command '${name}'${hint}\n\n${usage}`);
    return 2;
  }
  // After `--` every argument is a file name, even `--help`.
  const end = rest.indexOf('--');
  const options = end < 0 ? rest : rest.slice(0, end);
  if (options.includes('--help') || options.includes('-h')) {
    io.out(`Usage: petroflow ${command.usage}\n\n${command.help}`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    // A bug must still end as one line and exit 1 (spec: 1 = failure), not a stack trace.
    const detail = e instanceof Error ? e.message : String(e);
    io.err(
      `petroflow ${name}: internal error: ${detail}. This is a bug in Petroflow; please report it with the command and its input files.`,
    );
    return 1;
  }
}
