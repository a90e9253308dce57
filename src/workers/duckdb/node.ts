/** Entry for Node (CLI workers, tests): a locked-down DuckDB host on the blocking bundle. */
import type { SqlHostOptions } from './host.ts';
import { createNodeDriver } from './driver-node.ts';
import { DuckDbHost } from './host.ts';
import { checkMemoryLimit } from './lockdown.ts';

/** Default `memory_limit` under Node. */
export const NODE_MEMORY_LIMIT = '2GB';

/** Starts DuckDB-WASM in this thread and locks it down (about 1.3-2.5 s). */
export async function createNodeDuckDbHost(options: SqlHostOptions = {}): Promise<DuckDbHost> {
  checkMemoryLimit(options.memoryLimit ?? NODE_MEMORY_LIMIT);
  return DuckDbHost.create(await createNodeDriver(), options, NODE_MEMORY_LIMIT);
}

export { DuckDbHost } from './host.ts';
export type { DuckDbHostOptions } from './driver.ts';
