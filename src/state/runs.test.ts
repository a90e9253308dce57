// Run history through the store: a real in-process engine, real telemetry, fake-indexeddb storage.
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createInProcessEngine } from '../engine/engine.ts';
import { testPipeline, testRegistry } from '../engine/testing/fixtures.ts';
import { openStorage, type Storage } from '../storage/index.ts';
import { createAppStore, type AppStore } from './store.ts';
import { runTraceFileName, runTraceText } from './runsRecord.ts';

const registry = testRegistry();
const sha = (s: string): string => createHash('sha256').update(s).digest('hex');
let n = 0;

const pipeline = testPipeline(
  [
    { id: 'src', op: 'test.numbers', params: { batches: 2, rows: 3, file: '*.las' } },
    { id: 'a', op: 'test.step', params: { output: 'v', value: 2 } },
    { id: 'b', op: 'test.step', params: { output: 'w', value: 3 } },
  ],
  ['src->a', 'src->b'],
);

async function makeStore(storage?: Storage): Promise<AppStore> {
  const store = createAppStore({
    registry,
    ...(storage ? { storage } : {}),
    engine: () => Promise.resolve(createInProcessEngine({ operators: registry })),
  });
  store.getState().loadPipeline(pipeline);
  const bytes = (s: string) => new TextEncoder().encode(s);
  await store.getState().addFiles([
    { name: 'w1.las', bytes: bytes('alpha') },
    { name: 'tops.csv', bytes: bytes('unused') },
  ]);
  return store;
}

describe('run history in the store', () => {
  it('records each run with provenance and per-node metrics, newest first, kept after reopening', async () => {
    const name = `petroflow-runs-state-${++n}`;
    const storage = await openStorage(name);
    const store = await makeStore(storage);
    await store.getState().run();
    await store.getState().run();
    const { runs, pipelineId } = store.getState().runHistory;
    expect(pipelineId).toBe('test');
    expect(runs).toHaveLength(2);
    const [second, first] = runs as [(typeof runs)[0], (typeof runs)[0]];
    expect(second.start).toBeGreaterThanOrEqual(first.start);
    expect(second.runId).toBe(store.getState().lastRun?.runId);
    for (const r of runs) {
      expect(r.status).toBe('done');
      expect(r.inputHashes).toEqual({ 'w1.las': sha('alpha') });
      expect(r.operatorVersions).toEqual(['test.numbers@1.0.0', 'test.step@1.0.0']);
      expect(r.pipelineHash).toMatch(/^[0-9a-f]{64}$/);
    }
    // Same pipeline, same inputs: same provenance; the second run came from the cache.
    expect(second.provenanceHash).toBe(first.provenanceHash);
    expect(first.nodes.map((x) => [x.nodeId, x.status, x.cacheHit, x.attempts])).toEqual([
      ['src', 'done', false, 1],
      ['a', 'done', false, 1],
      ['b', 'done', false, 1],
    ]);
    expect(second.nodes.every((x) => x.status === 'cached' && x.cacheHit)).toBe(true);
    expect(first.nodes.find((x) => x.nodeId === 'a')?.rowsOut).toBe(6);
    storage.close();

    // Another store on the same database (a reload) lists the same runs.
    const again = await makeStore(await openStorage(name));
    await again.getState().loadRuns();
    expect(again.getState().runHistory.runs.map((r) => r.runId)).toEqual(runs.map((r) => r.runId));
  });

  it('records a failed run with the error of the failed node', async () => {
    const store = await makeStore(await openStorage(`petroflow-runs-state-${++n}`));
    const p = store.getState().toPipeline();
    store.getState().loadPipeline({
      ...p,
      nodes: p.nodes.map((x) => (x.id === 'b' ? { ...x, params: { mode: 'fail' } } : x)),
    });
    await store.getState().run();
    const [r] = store.getState().runHistory.runs;
    expect(r?.status).toBe('failed');
    const b = r?.nodes.find((x) => x.nodeId === 'b');
    expect(b?.status).toBe('failed');
    expect(b?.error?.message).toMatch(/failed on purpose/);
  });

  it('keeps the records of this session in memory when there is no storage', async () => {
    const store = await makeStore();
    await store.getState().run();
    expect(store.getState().runHistory.runs).toHaveLength(1);
    store.getState().loadPipeline({
      ...pipeline,
      id: pipeline.id.replace('test', 'other') as typeof pipeline.id,
    });
    await store.getState().loadRuns();
    expect(store.getState().runHistory.runs).toEqual([]);
  });
});

describe('trace download', () => {
  it('exports a stored run as OTLP JSON: one run span and a span per node', async () => {
    const store = await makeStore(await openStorage(`petroflow-runs-state-${++n}`));
    await store.getState().run();
    const [r] = store.getState().runHistory.runs;
    if (!r) throw new Error('no run recorded');
    const doc = JSON.parse(runTraceText(r)) as {
      resourceSpans: { scopeSpans: { spans: { name: string; parentSpanId?: string }[] }[] }[];
    };
    const spans = doc.resourceSpans[0]!.scopeSpans[0]!.spans;
    expect(spans).toHaveLength(r.nodes.length + 1);
    expect(spans.filter((s) => s.parentSpanId === undefined)).toHaveLength(1);
    expect(runTraceFileName(r)).toBe(`run-${r.runId}.otlp.json`);
    expect(runTraceFileName({ runId: 'a/b c' })).toBe('run-a_b_c.otlp.json');
  });
});
