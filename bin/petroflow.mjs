#!/usr/bin/env node
// The `petroflow` command: runs the TypeScript CLI through tsx, so no build step is needed after npm ci.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
