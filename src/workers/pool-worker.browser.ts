/** Browser pool worker entry (a module Web Worker): exposes the pool worker API through comlink. */
import * as Comlink from 'comlink';
import { createBrowserDuckDbHost } from './duckdb/browser.ts';
import { createPoolWorkerApi } from './worker-api.ts';

Comlink.expose(createPoolWorkerApi((settings) => createBrowserDuckDbHost(settings)));
