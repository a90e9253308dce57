/** The registry a pool engine plans with: the built-in operators plus optional extra modules. */
import { createBuiltinRegistry } from '../operators/index.ts';
import type { OperatorRegistry } from '../operators/registry.ts';
import type { AnyOperator } from '../operators/types.ts';

/** Imports each module URL (exporting `operators`) into a fresh built-in registry. */
export async function loadOperators(modules: readonly string[]): Promise<OperatorRegistry> {
  const registry = createBuiltinRegistry();
  for (const url of modules) {
    const mod = (await import(/* @vite-ignore */ url)) as { operators?: unknown };
    if (!Array.isArray(mod.operators)) {
      throw new Error(`Operator module ${url} does not export an 'operators' array.`);
    }
    for (const op of mod.operators as readonly AnyOperator[]) registry.register(op);
  }
  return registry;
}
