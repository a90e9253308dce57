import { describe, expect, it } from 'vitest';
import { createInProcessEngine } from '../engine.ts';
import { memoryFiles, testPipeline, testRegistry } from '../testing/fixtures.ts';
import type { RunSummary } from '../types.ts';
import { inputFileHashes, inputFileNames } from './inputs.ts';

const registry = testRegistry();

const pipeline = testPipeline(
  [
    { id: 'first', op: 'test.numbers', params: { batches: 1, rows: 2, file: 'a.las' } },
    { id: 'slow', op: 'test.step', params: { ms: 400 } },
    { id: 'second', op: 'test.numbers', params: { batches: 1, rows: 2, file: 'b.las' } },
  ],
  ['first->slow'],
);

describe('input files of a cancelled run', () => {
  it('leaves out the files of nodes the cancel stopped before they started', async () => {
    const engine = createInProcessEngine({ operators: registry });
    const files = memoryFiles({ 'a.las': 'alpha', 'b.las': 'beta' });
    const ac = new AbortController();
    ac.abort();
    const summary = await engine.run(pipeline, files, { signal: ac.signal });
    await engine.dispose();
    expect(summary.status).toBe('cancelled');
    // Nothing ran, so nothing was read.
    expect(summary.spans.every((s) => (s.attempts ?? 0) === 0)).toBe(true);
    expect(await inputFileHashes(pipeline, summary, files, registry)).toEqual({});
  });

  it('keeps the files of nodes that started, ran, failed or came from the cache', () => {
    const span = (
      nodeId: string,
      status: RunSummary['spans'][number]['status'],
      attempts: number,
    ) => ({
      nodeId,
      op: 'test.numbers',
      version: '1.0.0',
      start: 0,
      end: 0,
      rowsIn: 0,
      rowsOut: 0,
      bytes: 0,
      worker: null,
      cacheHit: status === 'cached',
      status,
      attempts,
    });
    const names = ['a.las', 'b.las'];
    const of = (a: RunSummary['spans'][number], b: RunSummary['spans'][number]) =>
      inputFileNames(pipeline, { spans: [a, b] }, names, registry);
    // Interrupted while reading: it did read.
    expect(of(span('first', 'cancelled', 1), span('second', 'cancelled', 0))).toEqual(['a.las']);
    expect(of(span('first', 'cached', 0), span('second', 'failed', 1))).toEqual(['a.las', 'b.las']);
    expect(of(span('first', 'done', 1), span('second', 'skipped', 0))).toEqual(['a.las']);
  });
});
