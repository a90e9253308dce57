/** The registry of `petroflow` sub-commands; each lives in its own file. */
import type { Command } from './types.ts';

/** Commands by name. */
export const commands: Readonly<Record<string, Command>> = {};
