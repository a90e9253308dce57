/** The registry of `petroflow` sub-commands; each lives in its own file. */
import type { Command } from './types.ts';
import { inspect } from './inspect.ts';
import { link } from './link.ts';
import { run } from './run.ts';
import { unlink } from './unlink.ts';
import { validate } from './validate.ts';

/** Commands by name. */
export const commands: Readonly<Record<string, Command>> = { inspect, validate, run, link, unlink };
