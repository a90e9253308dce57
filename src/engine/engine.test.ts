import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { createInProcessEngine } from './engine.ts';
import { memoryFiles, testPipeline, testRegistry } from './testing/fixtures.ts';
import type { NodeEvent } from './types.ts';

const operators = testRegistry();

describe('in-process engine', () => {
  it('streams a chain and serves the output of every node', async () => {
    const engine = createInProcessEngine({ operators });
    const events: NodeEvent[] = [];
    const p = testPipeline(
      [
        { id: 'src', op: 'test.numbers', params: { batches: 3, rows: 5 } },
        { id: 'a', op: 'test.step', params: { output: 'a', value: 2 } },
        { id: 'b', op: 'test.step', params: { output: 'b', value: 3 } },
      ],
      ['src->a', 'a->b'],
    );
    const s = await engine.run(p, memoryFiles(), { onEvent: (e) => events.push(e) });
    expect(s.status).toBe('done');
    expect(s.nodes.b).toMatchObject({ status: 'done', rows: 15, cached: false });
    const t = tableFromIPC((await engine.output('b')) as Uint8Array);
    expect(t.schema.fields.map((f) => f.name)).toEqual(['i', 'size', 'a', 'b']);
    expect(t.getChild('i')?.toArray()).toEqual(Float64Array.from({ length: 15 }, (_, k) => k));
    expect(t.getChild('b')?.get(14)).toBe(3);
    const forB = events.filter((e) => e.nodeId === 'b').map((e) => e.status);
    expect(forB[0]).toBe('queued');
    expect(forB).toContain('running');
    expect(forB.at(-1)).toBe('done');
    expect(s.spans.find((x) => x.nodeId === 'a')).toMatchObject({ rowsIn: 15, rowsOut: 15 });
  });

  it('re-runs only a changed leaf, everything after a file change, only ancestors to a target', async () => {
    const engine = createInProcessEngine({ operators });
    const files = memoryFiles({ 'w.las': 'abc' });
    const nodes = [
      { id: 'src', op: 'test.numbers', params: { file: '*.LAS' } },
      { id: 'mid', op: 'test.step', params: { output: 'm' } },
      { id: 'leaf', op: 'test.step', params: { output: 'l', value: 1 } },
      { id: 'other', op: 'test.step', params: { output: 'o' } },
    ];
    const edges = ['src->mid', 'mid->leaf', 'src->other'];
    const first = await engine.run(testPipeline(nodes, edges), files);
    expect(Object.values(first.nodes).every((n) => n.status === 'done')).toBe(true);

    const changed = nodes.map((n) =>
      n.id === 'leaf' ? { ...n, params: { output: 'l', value: 9 } } : n,
    );
    const second = await engine.run(testPipeline(changed, edges), files);
    const statuses = (s: typeof second): Record<string, string> =>
      Object.fromEntries(Object.entries(s.nodes).map(([k, v]) => [k, v.status]));
    expect(statuses(second)).toEqual({
      src: 'cached',
      mid: 'cached',
      leaf: 'done',
      other: 'cached',
    });
    const leaf = tableFromIPC((await engine.output('leaf')) as Uint8Array);
    expect(leaf.getChild('l')?.get(0)).toBe(9);

    files.set('w.las', 'abcd');
    const third = await engine.run(testPipeline(changed, edges), files);
    expect(statuses(third)).toEqual({ src: 'done', mid: 'done', leaf: 'done', other: 'done' });
    const src = tableFromIPC((await engine.output('src')) as Uint8Array);
    expect(src.getChild('size')?.get(0)).toBe(4);

    const fresh = createInProcessEngine({ operators });
    const toMid = await fresh.run(testPipeline(changed, edges), files, { target: 'mid' });
    expect(statuses(toMid)).toEqual({ src: 'done', mid: 'done' });
  });

  it('holds a slow consumer to the channel capacity (backpressure)', async () => {
    const engine = createInProcessEngine({ operators, channelCapacity: 2 });
    const p = testPipeline(
      [
        { id: 'src', op: 'test.numbers', params: { batches: 20, rows: 100 } },
        { id: 'slow', op: 'test.step', params: { ms: 5 } },
      ],
      ['src->slow'],
    );
    const s = await engine.run(p, memoryFiles());
    expect(s.status).toBe('done');
    const edge = s.edges?.find((e) => e.from === 'src' && e.to === 'slow');
    expect(edge).toMatchObject({ capacity: 2, batches: 20 });
    // The producer was faster, so it filled the channel, and never beyond its capacity.
    expect(edge?.maxOccupancy).toBe(2);
  });

  it('isolates a failing branch: its descendants are skipped, other branches finish', async () => {
    const engine = createInProcessEngine({ operators });
    const p = testPipeline(
      [
        { id: 'src', op: 'test.numbers' },
        { id: 'bad', op: 'test.step', params: { mode: 'fail' } },
        { id: 'after', op: 'test.step' },
        { id: 'sibling', op: 'test.step', params: { ms: 5 } },
        { id: 'src2', op: 'test.numbers' },
        { id: 'join', op: 'test.gather' },
        { id: 'ok2', op: 'test.step' },
      ],
      ['src->bad', 'bad->after', 'src->sibling', 'after->join:a', 'src2->join:b', 'src2->ok2'],
    );
    const s = await engine.run(p, memoryFiles());
    expect(s.status).toBe('failed');
    expect(s.nodes.bad?.status).toBe('failed');
    expect(s.nodes.bad?.error).toMatchObject({
      code: 'NODE_FAILED',
      nodeId: 'bad',
      op: 'test.step',
    });
    expect(s.nodes.bad?.error?.message).toContain('test step failed on purpose');
    expect(s.nodes.after).toMatchObject({
      status: 'skipped',
      reason: "upstream node 'bad' failed",
    });
    expect(s.nodes.join).toMatchObject({ status: 'skipped', reason: "upstream node 'bad' failed" });
    expect(s.nodes.sibling?.status).toBe('done');
    expect(s.nodes.ok2?.status).toBe('done');
  });

  it('skips a disabled node and its descendants with reason', async () => {
    const engine = createInProcessEngine({ operators });
    const p = testPipeline(
      [
        { id: 'src', op: 'test.numbers' },
        { id: 'off', op: 'test.step', disabled: true },
        { id: 'after', op: 'test.step' },
      ],
      ['src->off', 'off->after'],
    );
    const s = await engine.run(p, memoryFiles());
    expect(s.status).toBe('done');
    expect(s.nodes.off).toMatchObject({ status: 'skipped', reason: 'disabled' });
    expect(s.nodes.after).toMatchObject({
      status: 'skipped',
      reason: "upstream node 'off' is disabled",
    });
  });

  it('gathers a multi-consumer output into a blocking join', async () => {
    const engine = createInProcessEngine({ operators, concurrency: 2 });
    const p = testPipeline(
      [
        { id: 'src', op: 'test.numbers', params: { batches: 2, rows: 3 } },
        { id: 'step', op: 'test.step', params: { output: 'size' } },
        { id: 'join', op: 'test.gather' },
      ],
      ['src->join:a', 'src->step', 'step->join:b'],
    );
    const s = await engine.run(p, memoryFiles());
    expect(s.nodes.join).toMatchObject({ status: 'done', rows: 12 });
  });

  it('cancels a run within a second', async () => {
    const engine = createInProcessEngine({ operators });
    const p = testPipeline(
      [
        { id: 'src', op: 'test.numbers', params: { batches: 100 } },
        { id: 'slow', op: 'test.step', params: { ms: 100 } },
      ],
      ['src->slow'],
    );
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 150);
    const t0 = Date.now();
    const s = await engine.run(p, memoryFiles(), { signal: ac.signal });
    expect(Date.now() - t0).toBeLessThan(1150);
    expect(s.status).toBe('cancelled');
    expect(s.nodes.slow?.error?.code).toBe('CANCELLED');
    expect(s.spans.find((x) => x.nodeId === 'slow')?.status).toBe('cancelled');
    const again = await engine.run(
      testPipeline([{ id: 'src', op: 'test.numbers' }], []),
      memoryFiles(),
    );
    expect(again.status).toBe('done');
  });
});
