// Bootstrap of the Node pool worker: registers tsx in this thread, then loads the TypeScript entry.
// (`execArgv: ['--import', 'tsx']` does not cover a worker's own entry on Node 20.)
import { register } from 'tsx/esm/api';

register();
await import('./pool-worker.node.ts');
