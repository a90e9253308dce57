/** The app's engine: the browser worker pool, loaded on first run so startup stays light. */
import type { Engine } from '../engine/types.ts';

/** Creates the browser engine (Web Worker pool) on demand. */
export async function browserEngine(): Promise<Engine> {
  const { createBrowserEngine } = await import('../workers/browser.ts');
  return createBrowserEngine({});
}
