import { describe, expect, it } from 'vitest';
import { createInProcessEngine } from './engine.ts';
import { memoryFiles, testPipeline, testRegistry } from './testing/fixtures.ts';
import type { NodeEvent, RunSummary } from './types.ts';

const operators = testRegistry();

function attemptsOf(s: RunSummary, id: string): number | undefined {
  return s.spans.find((x) => x.nodeId === id)?.attempts;
}

describe('retry policy (in-process engine, WebAssembly traps stand in for lost workers)', () => {
  it('retries a node whose worker was lost once: it succeeds on attempt 2', async () => {
    const engine = createInProcessEngine({ operators });
    const events: NodeEvent[] = [];
    const p = testPipeline(
      [
        { id: 'src', op: 'test.numbers', params: { batches: 2, rows: 4 } },
        { id: 'flaky', op: 'test.step', params: { mode: 'trap-once', key: 'retry-once' } },
        { id: 'after', op: 'test.step', params: { output: 'y' } },
      ],
      ['src->flaky', 'flaky->after'],
    );
    const s = await engine.run(p, memoryFiles(), { onEvent: (e) => events.push(e) });
    expect(s.status).toBe('done');
    expect(s.nodes.flaky).toMatchObject({ status: 'done', rows: 8, attempts: 2 });
    expect(s.nodes.after).toMatchObject({ status: 'done', rows: 8, attempts: 2 });
    expect(attemptsOf(s, 'flaky')).toBe(2);
    const flaky = events.filter((e) => e.nodeId === 'flaky');
    expect(flaky).toContainEqual(
      expect.objectContaining({
        status: 'queued',
        attempt: 2,
        reason: expect.stringMatching(/node 'flaky'/) as unknown,
      }),
    );
    expect(flaky).toContainEqual({ nodeId: 'flaky', status: 'running', rows: 0, attempt: 2 });
    expect(flaky.some((e) => e.status === 'failed')).toBe(false);
  });

  it('fails a node that loses the worker 3 times, naming it; independent nodes still finish', async () => {
    const engine = createInProcessEngine({ operators });
    const p = testPipeline(
      [
        { id: 'src', op: 'test.numbers', params: { batches: 2, rows: 4 } },
        { id: 'boom', op: 'test.step', params: { mode: 'trap' } },
        { id: 'after', op: 'test.step' },
        { id: 'sibling', op: 'test.step', params: { output: 's' } },
      ],
      ['src->boom', 'boom->after', 'src->sibling'],
    );
    const s = await engine.run(p, memoryFiles());
    expect(s.status).toBe('failed');
    expect(s.nodes.boom?.error).toMatchObject({
      code: 'WORKER_CRASHED',
      nodeId: 'boom',
      op: 'test.step',
    });
    expect(s.nodes.boom?.error?.message).toMatch(
      /^Node 'boom' \(test\.step@1\.0\.0\) crashed the worker 3 times/,
    );
    expect(attemptsOf(s, 'boom')).toBe(3);
    expect(s.nodes.after).toMatchObject({
      status: 'skipped',
      reason: "upstream node 'boom' failed",
    });
    // The sibling shares boom's segment: it ran again without boom and finished.
    expect(s.nodes.sibling).toMatchObject({ status: 'done', rows: 8 });
    expect(s.nodes.src?.status).toBe('done');
  });

  it('never retries an operator error', async () => {
    const engine = createInProcessEngine({ operators });
    const events: NodeEvent[] = [];
    const p = testPipeline(
      [
        { id: 'src', op: 'test.numbers' },
        { id: 'bad', op: 'test.step', params: { mode: 'fail' } },
      ],
      ['src->bad'],
    );
    const s = await engine.run(p, memoryFiles(), { onEvent: (e) => events.push(e) });
    expect(s.nodes.bad).toMatchObject({ status: 'failed', attempts: 1 });
    expect(s.nodes.bad?.error?.code).toBe('NODE_FAILED');
    expect(events.some((e) => e.status === 'queued' && e.attempt !== undefined)).toBe(false);
  });

  it('never retries a cancelled node; a cancelled source is not cached as a result', async () => {
    const engine = createInProcessEngine({ operators });
    const p = testPipeline(
      [
        { id: 'src', op: 'test.numbers', params: { batches: 40 } },
        { id: 'slow', op: 'test.step', params: { ms: 20 } },
      ],
      ['src->slow'],
    );
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const s = await engine.run(p, memoryFiles(), { signal: ac.signal });
    expect(s.status).toBe('cancelled');
    expect(s.nodes.slow).toMatchObject({ status: 'failed', attempts: 1 });
    expect(s.nodes.slow?.error?.code).toBe('CANCELLED');
    expect(Object.values(s.nodes).some((n) => n.status === 'running')).toBe(false);
    const again = await engine.run(p, memoryFiles());
    expect(again.nodes.slow).toMatchObject({ status: 'done', rows: 400, attempts: 1 });
  });

  it('honours maxAttempts', async () => {
    const engine = createInProcessEngine({ operators, maxAttempts: 1 });
    const p = testPipeline(
      [
        { id: 'src', op: 'test.numbers' },
        { id: 'boom', op: 'test.step', params: { mode: 'trap-once', key: 'max-1' } },
      ],
      ['src->boom'],
    );
    const s = await engine.run(p, memoryFiles());
    expect(s.nodes.boom).toMatchObject({ status: 'failed', attempts: 1 });
    expect(s.nodes.boom?.error?.message).toContain('crashed the worker 1 time,');
  });
});
