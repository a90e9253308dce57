/**
 * Writes docs/operators.md from the built-in registry: `npx tsx scripts/gen-operator-docs.ts`.
 * The text goes through Prettier (the repository's config) so `prettier --write .` leaves it as is.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { operatorDocs } from '../src/operators/docs.ts';
import { createBuiltinRegistry } from '../src/operators/index.ts';

/** The docs file's path. */
export const docsFile = fileURLToPath(new URL('../docs/operators.md', import.meta.url));

/** The formatted text of docs/operators.md for the current registry. */
export async function formattedOperatorDocs(): Promise<string> {
  const config = (await resolveConfig(docsFile)) ?? {};
  return format(operatorDocs(createBuiltinRegistry()), { ...config, parser: 'markdown' });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(docsFile, await formattedOperatorDocs());
  console.log(`wrote ${docsFile}`);
}
