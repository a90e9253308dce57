/**
 * The pool worker API hands the pool's SQL settings to the DuckDB it starts: with
 * `sqlQueryTimeLimitMs` in the worker configuration, a never-ending recursive CTE run as a
 * segment fails after that limit (not the 5-minute default), saying so. Runs in-process, with the
 * real DuckDB host started from the settings the API passes (as the worker entries do).
 */
import { tableFromArrays } from 'apache-arrow';
import * as Comlink from 'comlink';
import { describe, expect, it } from 'vitest';
import { batchToIpc } from '../engine/ipc.ts';
import type { NodeReport } from '../engine/task.ts';
import { createNodeDuckDbHost } from './duckdb/node.ts';
import type { HostApi } from './protocol.ts';
import type { WorkerSqlSettings } from './worker-api.ts';
import { createPoolWorkerApi } from './worker-api.ts';

const forever =
  'WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t) SELECT max(n) FROM t';

describe('createPoolWorkerApi', () => {
  it(
    'starts its DuckDB with the configured query time limit and memory limit',
    { timeout: 60_000 },
    async () => {
      const seen: WorkerSqlSettings[] = [];
      const api = createPoolWorkerApi((settings) => {
        seen.push(settings);
        return createNodeDuckDbHost(settings);
      });
      await api.init({
        index: 0,
        operatorModules: [],
        heartbeatMs: 50,
        sqlMemoryLimit: '512MB',
        sqlQueryTimeLimitMs: 700,
      });
      const reports: NodeReport[] = [];
      const host: HostApi = {
        heartbeat: () => undefined,
        active: () => undefined,
        started: () => Promise.resolve(),
        progress: () => Promise.resolve(),
        output: () => Promise.resolve(),
        shared: () => Promise.resolve(),
        warn: () => Promise.resolve(),
        readFile: () => Promise.reject(new Error('no files')),
        finished: (r) => {
          reports.push(r);
          return Promise.resolve();
        },
      };
      const { port1, port2 } = new MessageChannel();
      Comlink.expose(host, port1);
      const input = batchToIpc(tableFromArrays({ DEPT: Float64Array.from([1, 2]) }).batches[0]!);
      const started = Date.now();
      try {
        await api.run(
          {
            taskId: 't1',
            nodes: [
              {
                nodeId: 'q',
                op: 'sql',
                version: '1.0.0',
                params: { query: forever, inputs: ['input'] },
                parent: null,
              },
            ],
            inputs: { input: [input] },
            fileNames: [],
            capacity: 4,
          },
          port2,
        );
      } finally {
        port1.close();
      }
      expect(seen).toEqual([{ memoryLimit: '512MB', queryTimeLimitMs: 700 }]);
      const report = reports.find((r) => r.nodeId === 'q');
      expect(report?.status).toBe('failed');
      expect(report?.error?.code).toBe('SQL_ERROR');
      expect(report?.error?.message).toContain('ran for more than 0.7 s');
      expect(Date.now() - started).toBeLessThan(30_000);
    },
  );
});
