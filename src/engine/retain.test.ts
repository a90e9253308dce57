import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { createEngine, createInProcessEngine } from './engine.ts';
import type { Executor } from './executor.ts';
import { createInProcessExecutor } from './executor.ts';
import { memoryFiles, testPipeline, testRegistry } from './testing/fixtures.ts';

const operators = testRegistry();

// src -> a -> b (one streaming segment), src -> g (a blocking consumer: another segment).
const nodes = [
  { id: 'src', op: 'test.numbers', params: { batches: 4, rows: 5 } },
  { id: 'a', op: 'test.step', params: { output: 'a', value: 2 } },
  { id: 'b', op: 'test.step', params: { output: 'b', value: 3 } },
  { id: 'g', op: 'test.gather', params: {} },
];
const edges = ['src->a', 'a->b', 'src->g:a', 'b->g:b'];

describe("retain: 'requested'", () => {
  it('keeps only requested outputs and what later segments read; results are unchanged', async () => {
    const all = createInProcessEngine({ operators });
    const kept = createInProcessEngine({ operators, retain: 'requested' });
    const p = testPipeline(nodes, edges);
    const full = await all.run(p, memoryFiles());
    const lean = await kept.run(p, memoryFiles());
    expect(lean.status).toBe('done');
    expect(lean.nodes.g).toMatchObject({ status: 'done', rows: 40 });
    const bytes = async (e: typeof all, id: string) => tableFromIPC(await e.output(id));
    expect((await bytes(kept, 'g')).toArray()).toEqual((await bytes(all, 'g')).toArray());
    // `a` streams into `b` only: dropped. `src` and `b` feed `g` in another segment: kept
    // for the run, and cached (a re-run serves them); the terminal `g` is kept.
    expect(await kept.output('a')).toBeUndefined();
    expect(await all.output('a')).toBeDefined();
    expect(kept.cache.size).toBe(3);
    expect(all.cache.size).toBe(4);
    expect(full.nodes.a?.rows).toBe(lean.nodes.a?.rows);
    const again = await kept.run(p, memoryFiles());
    expect(again.nodes.g?.status).toBe('cached');
  });

  it('keeps the outputs named in RunOptions.outputs (and the target) instead', async () => {
    const engine = createInProcessEngine({ operators, retain: 'requested' });
    const chain = testPipeline(nodes.slice(0, 3), ['src->a', 'a->b']);
    await engine.run(chain, memoryFiles(), { outputs: ['a'] });
    expect(await engine.output('a')).toBeDefined();
    expect(await engine.output('b')).toBeUndefined();
    expect(await engine.output('src')).toBeUndefined();
    const fresh = createInProcessEngine({ operators, retain: 'requested' });
    await fresh.run(chain, memoryFiles(), { target: 'a', outputs: [] });
    expect(tableFromIPC(await fresh.output('a')).numRows).toBe(20);
  });

  it('never encodes or sends a dropped output: the segment runner skips it, consumers still stream', async () => {
    const sent: string[] = [];
    const inner = createInProcessExecutor({ operators });
    // Records what reaches the host from below the retaining wrapper (what a worker would send).
    const recording: Executor = {
      slots: inner.slots,
      dispose: () => inner.dispose(),
      execute: (task, host, signal) =>
        inner.execute(
          task,
          {
            ...host,
            output: (id, chunk, keep) => {
              sent.push(id);
              return host.output(id, chunk, keep);
            },
          },
          signal,
        ),
    };
    const engine = createEngine(recording, { operators, retain: 'requested' });
    const chain = testPipeline(nodes.slice(0, 3), ['src->a', 'a->b']);
    const summary = await engine.run(chain, memoryFiles());
    expect(summary.status).toBe('done');
    expect(new Set(sent)).toEqual(new Set(['b']));
    expect(summary.nodes.a).toMatchObject({ status: 'done', rows: 20 });
    const b = tableFromIPC(await engine.output('b'));
    expect(b.numRows).toBe(20);
    // b = a's column plus its own: a's values reached b though a's output was never sent.
    expect(b.schema.fields.map((f) => f.name)).toEqual(['i', 'size', 'a', 'b']);
    const span = summary.spans.find((s) => s.nodeId === 'a');
    expect(span?.bytes).toBeGreaterThan(0);
  });
});
