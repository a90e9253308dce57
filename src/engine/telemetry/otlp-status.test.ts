import { describe, expect, it } from 'vitest';
import { petroflowError } from '../../model/errors.ts';
import type { ExecutionNodeMetrics, ExecutionRecord } from '../../model/run-record.ts';
import { createInProcessEngine } from '../engine.ts';
import { memoryFiles, testPipeline, testRegistry } from '../testing/fixtures.ts';
import type { OtlpSpan } from './otlp.ts';
import { toOtlpJson } from './otlp.ts';
import { makeExecutionRecord } from './record.ts';

const T0 = Date.UTC(2025, 2, 3, 4, 5, 6);

function node(over: Partial<ExecutionNodeMetrics> & Pick<ExecutionNodeMetrics, 'nodeId'>) {
  return {
    op: 'test.step',
    version: '1.0.0',
    status: 'done',
    start: T0 + 1,
    end: T0 + 2,
    rowsIn: 3,
    rowsOut: 3,
    bytes: 64,
    worker: 0,
    cacheHit: false,
    attempts: 1,
    ...over,
  } satisfies ExecutionNodeMetrics;
}

function spansOf(record: ExecutionRecord): Map<string, OtlpSpan> {
  const spans = toOtlpJson(record).resourceSpans[0]!.scopeSpans[0]!.spans;
  return new Map(spans.map((s) => [s.name.split(' ')[0]!, s]));
}

const keys = (s: OtlpSpan | undefined) => s?.attributes.map((a) => a.key) ?? [];

describe('OTLP span status', () => {
  const record: ExecutionRecord = {
    recordVersion: 1,
    runId: 'r-cancel',
    pipelineId: 'p',
    pipelineName: 'P',
    pipelineHash: 'a'.repeat(64),
    operatorVersions: ['test.step@1.0.0'],
    inputHashes: {},
    provenanceHash: 'c'.repeat(64),
    start: T0,
    end: T0 + 10,
    status: 'cancelled',
    nodes: [
      node({ nodeId: 'ok' }),
      node({
        nodeId: 'cut',
        status: 'cancelled',
        error: petroflowError('CANCELLED', "Node 'cut' was cancelled before it finished."),
      }),
      node({ nodeId: 'never', status: 'cancelled', attempts: 0, reason: 'run cancelled' }),
      node({ nodeId: 'off', status: 'skipped', attempts: 0, worker: null, reason: 'disabled' }),
      node({ nodeId: 'hit', status: 'cached', attempts: 0, worker: null, cacheHit: true }),
      node({ nodeId: 'old', status: 'failed' }),
    ],
  };
  const spans = spansOf(record);

  it('marks every span that carries error.type as an error (semantic conventions)', () => {
    for (const s of spans.values())
      if (keys(s).includes('error.type')) expect(s.status.code, s.name).toBe(2);
    // A node interrupted by the cancel says so, as its run does.
    expect(spans.get('cut')?.status).toEqual({
      code: 2,
      message: "Node 'cut' was cancelled before it finished.",
    });
    expect(spans.get('run')?.status).toEqual({ code: 2, message: 'cancelled' });
  });

  it('leaves nodes that did not fail unset, and says why one never ran', () => {
    for (const id of ['ok', 'never', 'off', 'hit'])
      expect(spans.get(id)?.status).toEqual({ code: 0 });
    expect(spans.get('off')?.attributes).toContainEqual({
      key: 'petroflow.skip.reason',
      value: { stringValue: 'disabled' },
    });
    // A failed node of an old record without its error still exports as an error.
    expect(spans.get('old')?.status).toEqual({ code: 2, message: 'failed' });
  });

  it('holds for a real cancelled run', async () => {
    const p = testPipeline(
      [
        { id: 'src', op: 'test.numbers', params: { batches: 3, rows: 3 } },
        { id: 'slow', op: 'test.step', params: { ms: 300 } },
        { id: 'off', op: 'test.step', disabled: true },
      ],
      ['src->slow', 'src->off'],
    );
    const engine = createInProcessEngine({ operators: testRegistry() });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const summary = await engine.run(p, memoryFiles(), { signal: ac.signal });
    await engine.dispose();
    const real = spansOf(await makeExecutionRecord(p, summary, {}));
    expect(summary.status).toBe('cancelled');
    expect(real.get('slow')?.status.code).toBe(2);
    expect(real.get('slow')?.status.message).toMatch(/cancelled/);
    expect(real.get('src')?.status).toEqual({ code: 0 });
    expect(real.get('off')?.status).toEqual({ code: 0 });
  });
});
