/**
 * Adversarial checks of the scheduler (second hunt): how many segments it hands to the executor at
 * once, warnings across retries, unreadable files at fingerprint time, and very large plans.
 */
import type { RecordBatch } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { ok } from '../model/result.ts';
import { defineParams, text } from '../operators/params.ts';
import { OperatorRegistry } from '../operators/registry.ts';
import type { AnyOperator } from '../operators/types.ts';
import { createEngine, createInProcessEngine } from './engine.ts';
import type { Executor } from './executor.ts';
import { createInProcessExecutor } from './executor.ts';
import { tableFromIPC } from 'apache-arrow';
import type { Pipeline } from '../model/pipeline.ts';
import { memoryFiles, testPipeline } from './testing/fixtures.ts';
import type { RunSummary } from './types.ts';
import type { TestNode } from './testing/fixtures.ts';
import { operators as testOperators } from './testing/test-operators.ts';

/** Keys of `hunt.warn` steps that have trapped already (in this thread). */
const trappedOnce = new Set<string>();

/** Row-wise step that warns once per attempt, then traps on its first attempt per key. */
const warnThenTrap: AnyOperator = {
  id: 'hunt.warn',
  version: '1.0.0',
  channel: 'stable',
  category: 'Test',
  description: 'test only',
  title: 'Warn then trap',
  kind: 'rowwise',
  params: defineParams({ key: text({ title: 'Key', description: 'trap key', default: '' }) }),
  inputs: () => [{ name: 'in', description: 'input' }],
  outputs: [{ name: 'out', description: 'the input' }],
  outputSchema: () => undefined,
  bind(_schema, p, ctx) {
    ctx.warn('line 7: value out of range, kept');
    const key = typeof p.key === 'string' ? p.key : '';
    return ok((b: RecordBatch) => {
      if (!trappedOnce.has(key)) {
        trappedOnce.add(key);
        throw new WebAssembly.RuntimeError('memory access out of bounds');
      }
      return b;
    });
  },
};

/** Row-wise step that warns `count` times (distinct messages), as a glob of many files may. */
const manyWarnings: AnyOperator = {
  ...warnThenTrap,
  id: 'hunt.many-warnings',
  title: 'Many warnings',
  params: defineParams({ key: text({ title: 'Count', description: 'how many', default: '' }) }),
  bind(_schema, p, ctx) {
    const count = Number(p.key);
    for (let i = 1; i <= count; i++) ctx.warn(`well-${i}.las: line 6: STOP differs from the data`);
    return ok((b: RecordBatch) => b);
  },
};

const stepV11 = testOperators.find((o) => o.id === 'test.step') as AnyOperator;
const operators = new OperatorRegistry([
  ...testOperators,
  warnThenTrap,
  manyWarnings,
  { ...stepV11, version: '1.1.0' },
]);

/** A source feeding `width` blocking consumers. */
function fanOut(width: number, ms = 0): ReturnType<typeof testPipeline> {
  const nodes: TestNode[] = [{ id: 'src', op: 'test.numbers', params: { batches: 2, rows: 50 } }];
  const edges: string[] = [];
  for (let i = 0; i < width; i++) {
    nodes.push({ id: `g${i}`, op: 'test.gather', params: { ms } });
    edges.push(`src->g${i}:a`);
  }
  return testPipeline(nodes, edges);
}

describe('scheduler under pressure', () => {
  it('hands the executor at most `slots` segments at once (inputs are copied only when taken)', async () => {
    const inner = createInProcessExecutor({ operators, concurrency: 2 });
    let inFlight = 0;
    let most = 0;
    const counting: Executor = {
      slots: inner.slots,
      dispose: () => inner.dispose(),
      async execute(task, host, signal) {
        most = Math.max(most, ++inFlight);
        try {
          return await inner.execute(task, host, signal);
        } finally {
          inFlight--;
        }
      },
    };
    const engine = createEngine(counting, { operators });
    const s = await engine.run(fanOut(40, 1), memoryFiles());
    expect(s.status).toBe('done');
    expect(Object.values(s.nodes).every((n) => n.status === 'done')).toBe(true);
    expect(s.nodes.g39?.rows).toBe(100);
    expect(most).toBeLessThanOrEqual(2);
  });

  it('never starts segments still queued when the run is cancelled', async () => {
    const engine = createInProcessEngine({ operators, concurrency: 1 });
    const ac = new AbortController();
    const started: string[] = [];
    const t0 = Date.now();
    const s = await engine.run(fanOut(30, 60), memoryFiles(), {
      signal: ac.signal,
      onEvent: (e) => {
        if (e.status === 'running' && e.attempt !== undefined) started.push(e.nodeId);
        if (e.nodeId === 'g1' && e.status === 'running') ac.abort();
      },
    });
    expect(s.status).toBe('cancelled');
    expect(Date.now() - t0).toBeLessThan(1000);
    // src, g0 and g1 ran; none of g2..g29 started after the cancel.
    expect(started.filter((id) => id.startsWith('g')).length).toBeLessThanOrEqual(2);
    expect(s.nodes.g29).toMatchObject({ status: 'skipped', reason: 'cancelled' });
    expect(engine.cache.size).toBeLessThanOrEqual(2);
  });

  it('keeps one copy of each warning when a node is retried after a lost worker', async () => {
    const engine = createInProcessEngine({ operators });
    const p = testPipeline(
      [
        { id: 'src', op: 'test.numbers', params: { batches: 2, rows: 5 } },
        { id: 'check', op: 'hunt.warn', params: { key: 'warn-retry' } },
      ],
      ['src->check'],
    );
    const s = await engine.run(p, memoryFiles());
    expect(s.nodes.check).toMatchObject({ status: 'done', attempts: 2, rows: 10 });
    expect(s.nodes.check?.warnings).toEqual(['line 7: value out of range, kept']);
  });

  it('keeps the first 100 warnings of a node and counts the rest', async () => {
    const engine = createInProcessEngine({ operators });
    const run = async (count: number) => {
      const p = testPipeline(
        [
          { id: 'src', op: 'test.numbers', params: { batches: 1, rows: 5 } },
          { id: 'check', op: 'hunt.many-warnings', params: { key: String(count) } },
        ],
        ['src->check'],
      );
      return (await engine.run(p, memoryFiles())).nodes.check?.warnings ?? [];
    };
    const many = await run(250);
    expect(many).toHaveLength(101);
    expect(many[99]).toBe('well-100.las: line 6: STOP differs from the data');
    expect(many[100]).toBe('... and 150 more warnings not listed.');
    expect(await run(100)).toHaveLength(100);
    expect((await run(101))[100]).toBe('... and 1 more warning not listed.');
  });

  it('fails only the node whose file cannot be hashed, naming node and file; the rest runs', async () => {
    const engine = createInProcessEngine({ operators });
    const files = memoryFiles({ 'a.las': 'x', 'b.las': 'yy' });
    const broken = {
      ...files,
      hash: (name: string) =>
        name === 'b.las'
          ? Promise.reject(new Error('EACCES: permission denied'))
          : files.hash(name),
    };
    const p = testPipeline(
      [
        { id: 'good', op: 'test.numbers', params: { batches: 1, rows: 3, file: 'a.las' } },
        { id: 'bad', op: 'test.numbers', params: { batches: 1, rows: 3, file: 'b.las' } },
        { id: 'after', op: 'test.step' },
      ],
      ['bad->after'],
    );
    const s = await engine.run(p, broken);
    expect(s.status).toBe('failed');
    expect(s.nodes.good).toMatchObject({ status: 'done', rows: 3 });
    expect(s.nodes.bad?.status).toBe('failed');
    expect(s.nodes.bad?.error?.nodeId).toBe('bad');
    expect(s.nodes.bad?.error?.message).toMatch(/'bad'.*'b\.las'.*EACCES/);
    expect(s.nodes.after).toMatchObject({
      status: 'skipped',
      reason: "upstream node 'bad' failed",
    });
  });

  it('runs a 2000-node chain and a 2000-wide fan-out in reasonable time, cached on re-run', async () => {
    const engine = createInProcessEngine({ operators });
    const chain: TestNode[] = [{ id: 'n0', op: 'test.numbers', params: { batches: 2, rows: 3 } }];
    const edges: string[] = [];
    for (let i = 1; i < 2000; i++) {
      chain.push({ id: `n${i}`, op: 'test.step', params: { output: 'x', value: i } });
      edges.push(`n${i - 1}->n${i}`);
    }
    let t0 = Date.now();
    const s = await engine.run(testPipeline(chain, edges), memoryFiles());
    const chainMs = Date.now() - t0;
    expect(s.status).toBe('done');
    expect(s.nodes.n1999).toMatchObject({ status: 'done', rows: 6 });
    const again = await engine.run(testPipeline(chain, edges), memoryFiles());
    expect(Object.values(again.nodes).every((n) => n.status === 'cached')).toBe(true);
    t0 = Date.now();
    const wide = await engine.run(fanOut(2000), memoryFiles());
    const wideMs = Date.now() - t0;
    expect(wide.status).toBe('done');
    expect(wide.nodes.g1999).toMatchObject({ status: 'done', rows: 100 });
    expect({ chainMs: chainMs < 30_000, wideMs: wideMs < 30_000 }).toEqual({
      chainMs: true,
      wideMs: true,
    });
  }, 90_000);
});

/** Node ids by status, sorted. */
function byStatus(s: RunSummary): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [id, n] of Object.entries(s.nodes)) (out[n.status] ??= []).push(id);
  for (const list of Object.values(out)) list.sort();
  return out;
}

describe('cache precision', () => {
  const base = (): Pipeline =>
    testPipeline(
      [
        { id: 'src', op: 'test.numbers', params: { batches: 2, rows: 4, file: 'a.las' } },
        { id: 's1', op: 'test.step', params: { value: 1, output: 'x' } },
        { id: 's2', op: 'test.step', params: { value: 2, output: 'y' } },
        { id: 't1', op: 'test.step', params: { value: 3, output: 'z' } },
        { id: 'g', op: 'test.gather' },
        { id: 'src2', op: 'test.numbers', params: { batches: 1, rows: 2, file: 'b.las' } },
        { id: 'u1', op: 'test.step', params: { value: 4 } },
      ],
      ['src->s1', 's1->s2', 'src->t1', 's2->g:a', 't1->g:b', 'src2->u1'],
    );
  const edit = (
    p: Pipeline,
    id: string,
    f: (n: Pipeline['nodes'][number]) => object,
  ): Pipeline => ({
    ...p,
    nodes: p.nodes.map((n) => (n.id === id ? { ...n, ...f(n) } : n)),
  });

  it('re-runs exactly the nodes a parameter, version, file or disabled flag affects', async () => {
    const engine = createInProcessEngine({ operators });
    const files = memoryFiles({ 'a.las': 'one', 'b.las': 'two' });
    const all = ['g', 's1', 's2', 'src', 'src2', 't1', 'u1'];
    expect(byStatus(await engine.run(base(), files))).toEqual({ done: all });

    // Parameter: key order does not matter; a changed value re-runs the node and its descendants.
    const reordered = edit(base(), 's1', () => ({ params: { output: 'x', value: 1 } }));
    expect(byStatus(await engine.run(reordered, files))).toEqual({ cached: all });
    const param = edit(base(), 's1', () => ({ params: { value: 9, output: 'x' } }));
    expect(byStatus(await engine.run(param, files))).toEqual({
      cached: ['src', 'src2', 't1', 'u1'],
      done: ['g', 's1', 's2'],
    });
    const x: unknown = tableFromIPC((await engine.output('g')) as Uint8Array)
      .getChild('x')
      ?.get(0);
    expect(x).toBe(9);

    // Operator version.
    const version = edit(param, 't1', () => ({ version: '1.1.0' }));
    expect(byStatus(await engine.run(version, files))).toEqual({
      cached: ['s1', 's2', 'src', 'src2', 'u1'],
      done: ['g', 't1'],
    });

    // A file's content under the same name.
    files.set('a.las', 'one, edited');
    expect(byStatus(await engine.run(version, files))).toEqual({
      cached: ['src2', 'u1'],
      done: ['g', 's1', 's2', 'src', 't1'],
    });
    const size: unknown = tableFromIPC((await engine.output('g')) as Uint8Array)
      .getChild('size')
      ?.get(0);
    expect(size).toBe('one, edited'.length);

    // Disabled, then enabled again: the earlier outputs come back from the cache.
    const off = edit(version, 's2', () => ({ disabled: true }));
    const offRun = await engine.run(off, files);
    expect(byStatus(offRun)).toEqual({
      cached: ['s1', 'src', 'src2', 't1', 'u1'],
      skipped: ['g', 's2'],
    });
    expect(offRun.nodes.g?.reason).toBe("upstream node 's2' is disabled");
    expect(byStatus(await engine.run(version, files))).toEqual({ cached: all });
  });

  it('serves Engine.output from the run started last when two runs overlap', async () => {
    const engine = createInProcessEngine({ operators, concurrency: 2 });
    const p = (value: number, ms: number): Pipeline =>
      testPipeline(
        [
          { id: 'src', op: 'test.numbers', params: { batches: 1, rows: 3 } },
          { id: 'step', op: 'test.step', params: { value, ms } },
        ],
        ['src->step'],
      );
    const older = engine.run(p(1, 300), memoryFiles());
    await new Promise((r) => setTimeout(r, 50));
    const newer = await engine.run(p(2, 0), memoryFiles());
    expect(newer.nodes.step?.status).toBe('done');
    expect((await older).nodes.step?.status).toBe('done');
    const x: unknown = tableFromIPC((await engine.output('step')) as Uint8Array)
      .getChild('x')
      ?.get(0);
    expect(x).toBe(2);
  });
});
