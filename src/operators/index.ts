/** The built-in operator registry: every operator version this build can run. */
import { OperatorRegistry } from './registry.ts';
import { tableOperators } from './tables/index.ts';
import { petroOperators } from './petro/index.ts';

/** Creates a registry holding every built-in operator version (a fresh one per caller/test). */
export function createBuiltinRegistry(): OperatorRegistry {
  return new OperatorRegistry([...tableOperators, ...petroOperators]);
}

/** The shared built-in registry. */
export const builtinRegistry: OperatorRegistry = createBuiltinRegistry();
