import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryFiles, testPipeline } from '../engine/testing/fixtures.ts';
import { tableFromArrays } from 'apache-arrow';
import { batchToIpc } from '../engine/ipc.ts';
import type { SegmentHost } from '../engine/task.ts';
import type { NodeSpan, RunSummary } from '../engine/types.ts';
import type { NodeEngine } from './node.ts';
import { createNodeEngine } from './node.ts';

const testOps = new URL('../engine/testing/test-operators.ts', import.meta.url).href;

function span(s: RunSummary, id: string): NodeSpan {
  const found = s.spans.find((x) => x.nodeId === id);
  if (!found) throw new Error(`no span for ${id}`);
  return found;
}

const overlap = (a: NodeSpan, b: NodeSpan): boolean => a.start < b.end && b.start < a.end;

/** Two independent branches, each a source and a CPU-bound step (2 batches x `ms`). */
const branches = (ms: number) =>
  testPipeline(
    [
      { id: 'srcA', op: 'test.numbers', params: { batches: 2 } },
      { id: 'slowA', op: 'test.step', params: { ms, busy: 1 } },
      { id: 'srcB', op: 'test.numbers', params: { batches: 2 } },
      { id: 'slowB', op: 'test.step', params: { ms, busy: 1 } },
    ],
    ['srcA->slowA', 'srcB->slowB'],
  );

describe('Node worker pool engine', () => {
  let two: NodeEngine;
  let one: NodeEngine;
  beforeAll(async () => {
    [two, one] = await Promise.all([
      createNodeEngine({ workers: 2, operatorModules: [testOps], deadlineMs: 2000 }),
      createNodeEngine({ workers: 1, operatorModules: [testOps], deadlineMs: 2000 }),
    ]);
    await Promise.all([two.pool.ping(), one.pool.ping()]);
  });
  afterAll(async () => {
    await Promise.all([two.dispose(), one.dispose()]);
  });

  it('runs independent branches at the same time with 2 workers, one after the other with 1', async () => {
    const s2 = await two.run(branches(400), memoryFiles());
    expect(s2.status).toBe('done');
    expect(overlap(span(s2, 'slowA'), span(s2, 'slowB'))).toBe(true);
    expect(new Set([span(s2, 'slowA').worker, span(s2, 'slowB').worker])).toEqual(new Set([0, 1]));

    const s1 = await one.run(branches(400), memoryFiles());
    expect(s1.status).toBe('done');
    for (const a of ['srcA', 'slowA']) {
      for (const b of ['srcB', 'slowB']) expect(overlap(span(s1, a), span(s1, b))).toBe(false);
    }
    expect(s1.nodes.slowB?.rows).toBe(20);
  });

  it('fails a crashing node with WORKER_CRASHED, finishes the other branch, replaces the worker', async () => {
    const before = two.pool.restarts;
    const p = testPipeline(
      [
        { id: 'src', op: 'test.numbers' },
        { id: 'boom', op: 'test.step', params: { mode: 'crash' } },
        { id: 'after', op: 'test.step' },
        { id: 'src2', op: 'test.numbers' },
        { id: 'fine', op: 'test.step', params: { ms: 200 } },
      ],
      ['src->boom', 'boom->after', 'src2->fine'],
    );
    const s = await two.run(p, memoryFiles());
    expect(s.status).toBe('failed');
    expect(s.nodes.boom?.error).toMatchObject({
      code: 'WORKER_CRASHED',
      nodeId: 'boom',
      op: 'test.step',
    });
    expect(s.nodes.boom?.error?.message).toContain("Node 'boom'");
    expect(s.nodes.boom?.error?.message).toContain('crashed the worker 3 times');
    expect(span(s, 'boom').attempts).toBe(3);
    expect(s.nodes.after?.status).not.toBe('done');
    expect(s.nodes.fine?.status).toBe('done');
    // Crashes are retried twice (retry.ts): three workers were replaced.
    expect(two.pool.restarts).toBe(before + 3);
    expect(await two.pool.ping()).toHaveLength(2);
    expect((await two.run(branches(10), memoryFiles())).status).toBe('done');
  });

  it('retires a worker whose WebAssembly trapped', async () => {
    const before = two.pool.restarts;
    const p = testPipeline(
      [
        { id: 'src', op: 'test.numbers' },
        { id: 'trap', op: 'test.step', params: { mode: 'trap' } },
      ],
      ['src->trap'],
    );
    const s = await two.run(p, memoryFiles());
    expect(s.nodes.trap?.error).toMatchObject({ code: 'WORKER_CRASHED', nodeId: 'trap' });
    expect(span(s, 'trap').attempts).toBe(3);
    expect(two.pool.restarts).toBe(before + 3);
    expect(await two.pool.ping()).toHaveLength(2);
  });

  it('stops a hung worker at the deadline with WORKER_TIMEOUT and replaces it', async () => {
    const before = one.pool.restarts;
    const p = testPipeline(
      [
        { id: 'src', op: 'test.numbers' },
        { id: 'stuck', op: 'test.step', params: { mode: 'hang' } },
      ],
      ['src->stuck'],
    );
    const t0 = Date.now();
    const s = await one.run(p, memoryFiles());
    // Three attempts (timeouts are retried twice), each stopped 2 s after its last sign of life.
    expect(Date.now() - t0).toBeGreaterThanOrEqual(3 * 2000);
    expect(Date.now() - t0).toBeLessThan(3 * 2000 + 12_000);
    expect(s.nodes.stuck?.error).toMatchObject({ code: 'WORKER_TIMEOUT', nodeId: 'stuck' });
    expect(s.nodes.stuck?.error?.message).toContain("Node 'stuck'");
    expect(s.nodes.stuck?.error?.message).toContain('hung the worker 3 times');
    expect(span(s, 'stuck').attempts).toBe(3);
    expect(one.pool.restarts).toBe(before + 3);
    expect(await one.pool.ping()).toHaveLength(1);
    expect((await one.run(branches(10), memoryFiles())).status).toBe('done');
  });

  it('cancels within a second and leaves the pool usable', async () => {
    const p = testPipeline(
      [
        { id: 'src', op: 'test.numbers', params: { batches: 50 } },
        { id: 'busy', op: 'test.step', params: { ms: 150, busy: 1 } },
        { id: 'src2', op: 'test.numbers', params: { batches: 50 } },
        { id: 'sleepy', op: 'test.step', params: { ms: 150 } },
      ],
      ['src->busy', 'src2->sleepy'],
    );
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 400);
    const s = await two.run(p, memoryFiles(), { signal: ac.signal });
    const stoppedAfter = Date.now() - (s.start + 400);
    expect(s.status).toBe('cancelled');
    expect(stoppedAfter).toBeLessThan(1000);
    expect(s.nodes.busy?.error?.code).toBe('CANCELLED');
    expect(s.nodes.sleepy?.error?.code).toBe('CANCELLED');
    expect(await two.pool.ping()).toHaveLength(2);
    expect((await two.run(branches(10), memoryFiles())).status).toBe('done');
  });

  it('streams through the pool with bounded channels and caches across runs', async () => {
    const p = testPipeline(
      [
        { id: 'src', op: 'test.numbers', params: { batches: 12, rows: 50 } },
        { id: 'slow', op: 'test.step', params: { ms: 15 } },
        { id: 'leaf', op: 'test.step', params: { output: 'y' } },
      ],
      ['src->slow', 'slow->leaf'],
    );
    const s = await two.run(p, memoryFiles());
    expect(s.nodes.leaf).toMatchObject({ status: 'done', rows: 600 });
    const edge = s.edges?.find((e) => e.to === 'slow');
    expect(edge?.maxOccupancy).toBeLessThanOrEqual(4);
    const again = await two.run(p, memoryFiles());
    expect(Object.values(again.nodes).every((n) => n.status === 'cached')).toBe(true);
  });

  it('transfers Arrow IPC chunks to and from a worker (the sender buffer is detached)', async () => {
    const input = batchToIpc(tableFromArrays({ i: Float64Array.from([1, 2, 3]) }).batches[0]!);
    const size = input.byteLength;
    const received: Uint8Array[] = [];
    const host: SegmentHost = {
      started: () => Promise.resolve(),
      progress: () => Promise.resolve(),
      output: (_id, chunk) => Promise.resolve(void received.push(chunk)),
      finished: () => Promise.resolve(),
      warn: () => Promise.resolve(),
      readFile: () => Promise.reject(new Error('no files')),
    };
    const task = {
      taskId: 'transfer-test',
      nodes: [{ nodeId: 'n', op: 'test.step', version: '1.0.0', params: {}, parent: null }],
      inputs: { in: [input] },
      fileNames: [],
      capacity: 2,
    };
    const r = await two.pool.execute(task, host, new AbortController().signal);
    expect(r.fatal).toBeUndefined();
    expect(size).toBeGreaterThan(0);
    expect(input.byteLength).toBe(0);
    expect(received).toHaveLength(1);
    // The chunk owns its whole buffer: it arrived as a transferred ArrayBuffer, not a view.
    expect(received[0]!.buffer.byteLength).toBe(received[0]!.byteLength);
  });
});
