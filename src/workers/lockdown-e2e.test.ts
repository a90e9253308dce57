import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryFiles, testPipeline } from '../engine/testing/fixtures.ts';
import { builtinRegistry } from '../operators/index.ts';
import type { NodeEngine } from './node.ts';
import { createNodeEngine } from './node.ts';

const testOps = new URL('../engine/testing/test-operators.ts', import.meta.url).href;
const hasSql = builtinRegistry.operator('sql', '1.0.0') !== undefined;
if (!hasSql) console.warn('lockdown-e2e: skipped, the sql operator is not registered yet.');

describe.skipIf(!hasSql)('DuckDB lock-down through the engine (sql node in a pool worker)', () => {
  let server: Server;
  let requests = 0;
  let port = 0;
  let engine: NodeEngine;
  beforeAll(async () => {
    server = createServer((_req, res) => {
      requests++;
      res.end('a,b\n1,2\n');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    engine = await createNodeEngine({ workers: 1, operatorModules: [testOps] });
  });
  afterAll(async () => {
    await engine.dispose();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const sqlPipeline = (query: string) =>
    testPipeline(
      [
        { id: 'src', op: 'test.numbers', params: { batches: 2, rows: 3 } },
        { id: 'q', op: 'sql', params: { query, inputs: ['input'] } },
      ],
      ['src->q:input'],
    );

  it('runs SQL over the input table in the worker', async () => {
    const s = await engine.run(sqlPipeline('SELECT sum(i) AS total FROM input'), memoryFiles());
    expect(s.nodes.q?.status).toBe('done');
    const t = tableFromIPC((await engine.output('q')) as Uint8Array);
    expect(Number(t.getChild('total')?.get(0))).toBe(15);
  });

  it('fails a node reading a URL with a permission error naming the node; no request is made', async () => {
    const url = `http://127.0.0.1:${port}/data.csv`;
    const s = await engine.run(sqlPipeline(`SELECT * FROM read_csv('${url}')`), memoryFiles());
    expect(s.status).toBe('failed');
    expect(s.nodes.q?.error).toMatchObject({ code: 'PERMISSION', nodeId: 'q', op: 'sql' });
    expect(requests).toBe(0);
  });
});
