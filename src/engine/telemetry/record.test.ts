import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createInProcessEngine } from '../engine.ts';
import { memoryFiles, testPipeline, testRegistry } from '../testing/fixtures.ts';
import type { RunSummary } from '../types.ts';
import { inputFileHashes } from './inputs.ts';
import { makeExecutionRecord, operatorVersionsOf, pipelineHash } from './record.ts';

const sha = (s: string): string => createHash('sha256').update(s).digest('hex');

const pipeline = testPipeline(
  [
    { id: 'src', op: 'test.numbers', params: { batches: 2, rows: 3, file: '*.las' } },
    { id: 'ok', op: 'test.step', params: { output: 'v', value: 2 } },
    { id: 'bad', op: 'test.step', params: { mode: 'fail' } },
    { id: 'after', op: 'test.step' },
  ],
  ['src->ok', 'src->bad', 'bad->after'],
);

async function runOnce(): Promise<{ summary: RunSummary; hashes: Record<string, string> }> {
  const registry = testRegistry();
  const engine = createInProcessEngine({ operators: registry });
  const files = memoryFiles({ 'a.las': 'alpha', 'b.LAS': 'beta', 'notes.txt': 'unused' });
  const summary = await engine.run(pipeline, files);
  const hashes = await inputFileHashes(pipeline, summary, files, registry);
  await engine.dispose();
  return { summary, hashes };
}

describe('makeExecutionRecord', () => {
  it('records provenance and per-node metrics of a real run', async () => {
    const { summary, hashes } = await runOnce();
    const record = await makeExecutionRecord(pipeline, summary, hashes);
    expect(record).toMatchObject({
      recordVersion: 1,
      runId: summary.runId,
      pipelineId: 'test',
      status: 'failed',
      operatorVersions: ['test.numbers@1.0.0', 'test.step@1.0.0'],
      // Only files a non-skipped node's file parameter matches; the glob ignores case.
      inputHashes: { 'a.las': sha('alpha'), 'b.LAS': sha('beta') },
    });
    expect(record.start).toBe(summary.start);
    expect(record.end).toBe(summary.end);
    const byId = Object.fromEntries(record.nodes.map((n) => [n.nodeId, n]));
    expect(record.nodes.map((n) => n.nodeId)).toEqual(summary.spans.map((s) => s.nodeId));
    expect(byId.src).toMatchObject({ op: 'test.numbers', rowsOut: 6, status: 'done' });
    expect(byId.ok).toMatchObject({ rowsIn: 6, rowsOut: 6, cacheHit: false, attempts: 1 });
    expect(byId.ok?.bytes).toBeGreaterThan(0);
    expect(byId.bad?.status).toBe('failed');
    expect(byId.bad?.error?.message).toMatch(/failed on purpose/);
    expect(byId.after).toMatchObject({ status: 'skipped', reason: "upstream node 'bad' failed" });
  });

  it('gives the same provenance hash for the same pipeline and inputs, another for other inputs', async () => {
    const a = await runOnce();
    const b = await runOnce();
    const ra = await makeExecutionRecord(pipeline, a.summary, a.hashes);
    const rb = await makeExecutionRecord(pipeline, b.summary, b.hashes);
    expect(ra.runId).not.toBe(rb.runId);
    expect(rb.provenanceHash).toBe(ra.provenanceHash);
    expect(ra.provenanceHash).toMatch(/^[0-9a-f]{64}$/);
    const other = await makeExecutionRecord(pipeline, a.summary, {
      ...a.hashes,
      'a.las': sha('x'),
    });
    expect(other.provenanceHash).not.toBe(ra.provenanceHash);
    const newer = await makeExecutionRecord(pipeline, a.summary, a.hashes, ['test.step@1.1.0']);
    expect(newer.provenanceHash).not.toBe(ra.provenanceHash);
  });
});

describe('pipelineHash', () => {
  it('ignores layout and labels but not parameters, versions or edges', async () => {
    const base = await pipelineHash(pipeline);
    const moved = {
      ...pipeline,
      name: 'renamed',
      nodes: [...pipeline.nodes]
        .reverse()
        .map((n) => ({ ...n, label: 'x', position: { x: 5, y: 9 }, notes: 'n' })),
    };
    expect(await pipelineHash(moved)).toBe(base);
    const param = {
      ...pipeline,
      nodes: pipeline.nodes.map((n) =>
        n.id === 'ok' ? { ...n, params: { ...n.params, value: 3 } } : n,
      ),
    };
    expect(await pipelineHash(param)).not.toBe(base);
    const version = {
      ...pipeline,
      nodes: pipeline.nodes.map((n) => (n.id === 'ok' ? { ...n, version: '1.0.1' } : n)),
    };
    expect(await pipelineHash(version)).not.toBe(base);
    expect(await pipelineHash({ ...pipeline, edges: pipeline.edges.slice(1) })).not.toBe(base);
    expect(operatorVersionsOf(version)).toEqual([
      'test.numbers@1.0.0',
      'test.step@1.0.0',
      'test.step@1.0.1',
    ]);
  });
});
