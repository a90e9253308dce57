/** The `petroflow` command line: dispatches to one module per command (src/cli/commands/). */
import type { CliIO } from './io.ts';
import { nodeIO } from './io.ts';
import { commands } from './commands/index.ts';

const usage = `Usage: petroflow <command> [options]

Commands:
${Object.entries(commands)
  .map(([, c]) => `  ${c.usage}\n      ${c.summary}`)
  .join('\n')}

Run 'petroflow <command> --help' for details. Exit status: 0 success; 1 invalid input or failed
node; 2 usage error.`;

/** Runs the CLI with arguments (without `node` and the script) and returns the exit status. */
export async function main(argv: readonly string[], io: CliIO = nodeIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage);
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (!command) {
    io.err(`petroflow: unknown command '${name}'.\n\n${usage}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`Usage: petroflow ${command.usage}\n\n${command.help}`);
    return 0;
  }
  return command.run(rest, io);
}
