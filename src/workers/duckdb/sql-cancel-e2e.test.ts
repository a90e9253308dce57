import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryFiles, testPipeline } from '../../engine/testing/fixtures.ts';
import { createNodeEngine, type NodeEngine } from '../node.ts';

const testOps = new URL('../../engine/testing/test-operators.ts', import.meta.url).href;
const ENDLESS =
  'WITH RECURSIVE t(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM t) SELECT count(*) FROM t';

const pipeline = (query: string) =>
  testPipeline(
    [
      { id: 'src', op: 'test.numbers', params: { batches: 1, rows: 3 } },
      { id: 'q', op: 'sql', params: { query, inputs: ['input'] } },
    ],
    ['src->q:input'],
  );

describe('cancelling a never-ending sql node through the engine', () => {
  let engine: NodeEngine;
  beforeAll(async () => {
    // A long grace: had the query not stopped by itself, the run would have waited for the grace,
    // and the worker would have been terminated and replaced.
    engine = await createNodeEngine({
      workers: 1,
      operatorModules: [testOps],
      cancelGraceMs: 8000,
    });
  });
  afterAll(async () => {
    await engine.dispose();
  });

  it('stops the query promptly, and the same worker runs the next pipeline', async () => {
    // Warm the worker's DuckDB so the timing below is the query's.
    await engine.run(pipeline('SELECT 1 AS one FROM input'), memoryFiles());
    const ac = new AbortController();
    const started = Date.now();
    const run = engine.run(pipeline(ENDLESS), memoryFiles(), { signal: ac.signal });
    setTimeout(() => ac.abort(), 1500);
    const summary = await run;
    expect(summary.status).toBe('cancelled');
    expect(Date.now() - started).toBeLessThan(1500 + 2500);
    // The query stopped by itself: the worker finished its task and was not replaced.
    expect(engine.pool.restarts).toBe(0);
    const next = await engine.run(pipeline('SELECT sum(i) AS total FROM input'), memoryFiles());
    expect(next.nodes.q?.status).toBe('done');
    const t = tableFromIPC((await engine.output('q')) as Uint8Array);
    expect(Number(t.getChild('total')?.get(0))).toBe(3);
  }, 30_000);
});
