import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { memoryFiles, testPipeline } from '../engine/testing/fixtures.ts';
import type { RunSummary } from '../engine/types.ts';
import { builtinRegistry } from '../operators/index.ts';
import type { NodeEngine } from './node.ts';
import { createNodeEngine } from './node.ts';

const testOps = new URL('../engine/testing/test-operators.ts', import.meta.url).href;
const faultOps = new URL('./testing/fault-operators.ts', import.meta.url).href;
const hasSql = builtinRegistry.operator('sql', '1.0.0') !== undefined;

/** A source feeding one `test.fault` step with `params`, and an independent healthy branch. */
const faulty = (params: Record<string, unknown>) =>
  testPipeline(
    [
      { id: 'src', op: 'test.numbers', params: { batches: 2, rows: 5 } },
      { id: 'fault', op: 'test.fault', params },
      { id: 'after', op: 'test.step' },
      { id: 'src2', op: 'test.numbers', params: { batches: 2, rows: 5 } },
      { id: 'fine', op: 'test.step', params: { output: 'f' } },
    ],
    ['src->fault', 'fault->after', 'src2->fine'],
  );

const healthy = testPipeline([{ id: 'ok', op: 'test.numbers', params: { rows: 7 } }], []);

function attempts(s: RunSummary, id: string): number | undefined {
  return s.spans.find((x) => x.nodeId === id)?.attempts;
}

/** The pool answers with every worker and runs a fresh pipeline. */
async function expectWhole(engine: NodeEngine, workers: number): Promise<void> {
  expect(await engine.pool.ping()).toHaveLength(workers);
  const s = await engine.run(healthy, memoryFiles());
  expect(s.nodes.ok).toMatchObject({ status: 'done', rows: 21 });
}

describe('worker faults: retried only when the worker was lost', () => {
  let engine: NodeEngine;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'petroflow-faults-'));
    engine = await createNodeEngine({
      workers: 2,
      operatorModules: [testOps, faultOps],
      deadlineMs: 3000,
    });
    await engine.pool.ping();
  });
  afterAll(async () => {
    await engine.dispose();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => engine.cache.clear());

  it('retries a node that crashed its worker once: done on attempt 2', async () => {
    const marker = join(dir, 'crashed-once');
    const before = engine.pool.restarts;
    const s = await engine.run(faulty({ mode: 'crash-once', marker }), memoryFiles());
    expect(existsSync(marker)).toBe(true);
    expect(s.status).toBe('done');
    expect(s.nodes.fault).toMatchObject({ status: 'done', rows: 10, attempts: 2 });
    expect(attempts(s, 'fault')).toBe(2);
    expect(s.nodes.after).toMatchObject({ status: 'done', rows: 10 });
    expect(attempts(s, 'fine')).toBe(1);
    expect(engine.pool.restarts).toBe(before + 1);
    await expectWhole(engine, 2);
  });

  it('fails a node that crashes its worker every time after 3 attempts, naming it', async () => {
    const before = engine.pool.restarts;
    const s = await engine.run(faulty({ mode: 'crash' }), memoryFiles());
    expect(s.status).toBe('failed');
    expect(s.nodes.fault?.error).toMatchObject({
      code: 'WORKER_CRASHED',
      nodeId: 'fault',
      op: 'test.fault',
    });
    expect(s.nodes.fault?.error?.message).toMatch(
      /^Node 'fault' \(test\.fault@1\.0\.0\) crashed the worker 3 times.*exited with code 7/,
    );
    expect(attempts(s, 'fault')).toBe(3);
    expect(s.nodes.after).toMatchObject({
      status: 'skipped',
      reason: "upstream node 'fault' failed",
    });
    expect(s.nodes.fine?.status).toBe('done');
    // The source shared the crashing worker; it ran once more on its own and finished.
    expect(s.nodes.src?.status).toBe('done');
    expect(engine.pool.restarts).toBe(before + 3);
    await expectWhole(engine, 2);
  });

  it('does not retry an operator that throws', async () => {
    const before = engine.pool.restarts;
    const s = await engine.run(faulty({ mode: 'throw' }), memoryFiles());
    expect(s.nodes.fault).toMatchObject({ status: 'failed', attempts: 1 });
    expect(s.nodes.fault?.error).toMatchObject({ code: 'NODE_FAILED', nodeId: 'fault' });
    expect(s.nodes.fault?.error?.message).toContain('test.fault threw on purpose');
    expect(engine.pool.restarts).toBe(before);
  });
});

describe('worker out of memory', () => {
  let engine: NodeEngine;
  beforeAll(async () => {
    engine = await createNodeEngine({
      workers: 1,
      operatorModules: [testOps, faultOps],
      resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 },
    });
    await engine.pool.ping();
  });
  afterAll(async () => {
    await engine.dispose();
  });

  it('treats a JS heap out-of-memory as a crash: retried, then reported; the pool is whole', async () => {
    const before = engine.pool.restarts;
    const s = await engine.run(faulty({ mode: 'oom' }), memoryFiles());
    expect(s.nodes.fault?.error).toMatchObject({ code: 'WORKER_CRASHED', nodeId: 'fault' });
    expect(s.nodes.fault?.error?.message).toMatch(/crashed the worker 3 times.*out of memory/);
    expect(attempts(s, 'fault')).toBe(3);
    expect(s.nodes.fine?.status).toBe('done');
    expect(engine.pool.restarts).toBe(before + 3);
    await expectWhole(engine, 1);
  });
});

describe.skipIf(!hasSql)('DuckDB memory_limit', () => {
  let engine: NodeEngine;
  beforeAll(async () => {
    engine = await createNodeEngine({
      workers: 1,
      operatorModules: [testOps],
      sqlMemoryLimit: '16MB',
    });
  });
  afterAll(async () => {
    await engine.dispose();
  });

  it('is an ordinary SQL error: not retried, the worker is kept', async () => {
    const before = engine.pool.restarts;
    const p = testPipeline(
      [
        { id: 'src', op: 'test.numbers' },
        {
          id: 'q',
          op: 'sql',
          params: { query: 'SELECT list(range) AS l FROM range(20000000)', inputs: ['input'] },
        },
      ],
      ['src->q:input'],
    );
    const s = await engine.run(p, memoryFiles());
    expect(s.nodes.q).toMatchObject({ status: 'failed', attempts: 1 });
    expect(s.nodes.q?.error).toMatchObject({ code: 'SQL_ERROR', nodeId: 'q' });
    expect(s.nodes.q?.error?.message).toMatch(/out of memory \(limit 16MB\)/);
    expect(engine.pool.restarts).toBe(before);
    await expectWhole(engine, 1);
  });
});
