// A run is in the history from its start: runStarted / runProgressed / recordRun / runStopped,
// driven as runSlice drives them (real in-process engine, real telemetry, fake-indexeddb).
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createInProcessEngine } from '../engine/engine.ts';
import { testPipeline, testRegistry } from '../engine/testing/fixtures.ts';
import type { FileProvider } from '../engine/types.ts';
import { openStorage } from '../storage/index.ts';
import { runTraceText } from './runsRecord.ts';
import { createAppStore } from './store.ts';

const registry = testRegistry();
const sha = (s: string): string => createHash('sha256').update(s).digest('hex');
let n = 0;

const pipeline = testPipeline(
  [
    { id: 'src', op: 'test.numbers', params: { batches: 1, rows: 3, file: '*.las' } },
    { id: 'slow', op: 'test.step', params: { output: 'v', value: 2, ms: 200 } },
  ],
  ['src->slow'],
);

const files: FileProvider = {
  names: () => ['w1.las'],
  read: () => Promise.resolve(new TextEncoder().encode('alpha')),
  hash: () => Promise.resolve(sha('alpha')),
};

async function setUp() {
  const storage = await openStorage(`petroflow-runs-started-${++n}-${Math.random()}`);
  const store = createAppStore({ registry, storage });
  store.getState().loadPipeline(pipeline);
  const engine = createInProcessEngine({ operators: registry });
  return { store, storage, engine };
}

describe('a run recorded from its start', () => {
  it('is listed as running with its provenance, then replaced by the finished record', async () => {
    const { store, storage, engine } = await setUp();
    store.getState().runStarted(pipeline, files);
    // Before the engine even reports, the run is in the history as running.
    for (let i = 0; i < 100 && store.getState().runHistory.runs.length === 0; i++)
      await new Promise((r) => setTimeout(r, 10));
    const [going] = store.getState().runHistory.runs;
    expect(going?.progress).toBe('running');
    expect(going?.inputHashes).toEqual({ 'w1.las': sha('alpha') });
    const summary = await engine.run(pipeline, files, {
      onEvent: (e) => store.getState().runProgressed(e),
    });
    await store.getState().recordRun(pipeline, summary, files);
    const runs = store.getState().runHistory.runs;
    expect(runs.map((r) => [r.runId, r.status, r.progress])).toEqual([
      [summary.runId, 'done', undefined],
    ]);
    expect(runs[0]?.inputHashes).toEqual({ 'w1.las': sha('alpha') });
    storage.close();
  });

  it('stopped without a summary, it is interrupted with the nodes that had finished', async () => {
    const { store, storage, engine } = await setUp();
    const before = Date.now();
    store.getState().runStarted(pipeline, files);
    let stopped: Promise<void> | undefined;
    await engine.run(pipeline, files, {
      onEvent: (e) => {
        store.getState().runProgressed(e);
        // The engine throws once the source is done: runSlice's catch calls runStopped.
        if (e.status === 'done' && e.nodeId === 'src') stopped ??= store.getState().runStopped();
      },
    });
    await stopped;
    const [r] = store.getState().runHistory.runs;
    expect(r?.progress).toBe('interrupted');
    expect(r?.status).toBe('failed');
    expect(r?.nodes.map((x) => [x.nodeId, x.status, x.op])).toEqual([
      ['src', 'done', 'test.numbers'],
    ]);
    expect(r?.pipelineHash).toMatch(/^[0-9a-f]{64}$/);
    expect(r?.end).toBeGreaterThanOrEqual(before);

    // Its trace is valid OTLP: the run span is an error that says why, and ends at the last
    // known time, never before it started.
    const otlp = JSON.parse(runTraceText(r!)) as {
      resourceSpans: { scopeSpans: { spans: Record<string, unknown>[] }[] }[];
    };
    const spans = otlp.resourceSpans[0]!.scopeSpans[0]!.spans;
    const root = spans[0]!;
    expect(root.parentSpanId).toBeUndefined();
    const status = root.status as { code: number; message: string };
    expect(status.code).toBe(2);
    expect(status.message).toMatch(/interrupted/);
    const startNs = BigInt(root.startTimeUnixNano as string);
    const endNs = BigInt(root.endTimeUnixNano as string);
    expect(endNs >= startNs).toBe(true);
    expect(endNs).toBe(BigInt(r!.end) * 1_000_000n);
    expect(spans.slice(1).every((s) => s.parentSpanId === root.spanId)).toBe(true);
    const attrs = root.attributes as { key: string; value: { stringValue?: string } }[];
    expect(attrs.find((a) => a.key === 'petroflow.run.status')?.value.stringValue).toBe(
      'interrupted',
    );
    storage.close();
  });
});
