import type { CliIO } from '../io.ts';

/** One `petroflow` sub-command. */
export interface Command {
  /** e.g. `inspect FILE.las [--json]` */
  readonly usage: string;
  readonly summary: string;
  /** Longer help printed by `petroflow <command> --help`. */
  readonly help: string;
  /** Runs with the arguments after the command name; resolves to the exit status. */
  run(args: readonly string[], io: CliIO): Promise<number>;
}
