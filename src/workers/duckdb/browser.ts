/** Entry for the browser pool worker: a locked-down DuckDB host in a nested DuckDB worker. */
import type { SqlHostOptions } from './host.ts';
import { createBrowserDriver } from './driver-browser.ts';
import { DuckDbHost } from './host.ts';
import { checkMemoryLimit } from './lockdown.ts';

/** Default `memory_limit` in the browser (one instance per pool worker). */
export const BROWSER_MEMORY_LIMIT = '1GB';

/** Starts DuckDB-WASM (eh bundle) in a nested worker and locks it down (about 1-1.7 s). */
export async function createBrowserDuckDbHost(options: SqlHostOptions = {}): Promise<DuckDbHost> {
  checkMemoryLimit(options.memoryLimit ?? BROWSER_MEMORY_LIMIT);
  return DuckDbHost.create(await createBrowserDriver(), options, BROWSER_MEMORY_LIMIT);
}

export { DuckDbHost } from './host.ts';
export type { DuckDbHostOptions } from './driver.ts';
