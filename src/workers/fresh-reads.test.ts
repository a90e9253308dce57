import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryFiles, testPipeline } from '../engine/testing/fixtures.ts';
import type { FileProvider } from '../engine/types.ts';
import type { NodeEngine } from './node.ts';
import { createNodeEngine } from './node.ts';

const testOps = new URL('../engine/testing/test-operators.ts', import.meta.url).href;

/** A provider over one file whose reads return the very same bytes object every time. */
function provider(bytes: Uint8Array, readsFresh: boolean): FileProvider {
  const base = memoryFiles({ 'f.bin': bytes });
  return { ...base, readsFresh };
}

const pipeline = testPipeline(
  [{ id: 'src', op: 'test.numbers', params: { batches: 1, rows: 2, file: 'f.bin' } }],
  [],
);

describe('file bytes handed to a worker', () => {
  let engine: NodeEngine;
  beforeAll(async () => {
    engine = await createNodeEngine({ workers: 1, operatorModules: [testOps], deadlineMs: 5000 });
  });
  afterAll(() => engine.dispose());

  it('are copied first when the provider keeps them (its bytes stay usable)', async () => {
    const bytes = new Uint8Array(1000).fill(7);
    const s = await engine.run(pipeline, provider(bytes, false));
    expect(s.status).toBe('done');
    expect(bytes.byteLength).toBe(1000);
    expect(bytes[999]).toBe(7);
  });

  it('are copied first when the provider keeps a Node Buffer (Buffer#slice is a view)', async () => {
    // A Buffer owning its memory, as readFileSync gives for a file (pool buffers are never
    // transferred: Node clones them).
    const bytes = Buffer.alloc(10_000, 9);
    const s = await engine.run(pipeline, provider(bytes, false));
    expect(s.status).toBe('done');
    expect(bytes.byteLength).toBe(10_000);
    expect(bytes[9_999]).toBe(9);
  });

  it('are transferred without a copy when reads are fresh (the provider gives them up)', async () => {
    // Other content than the test before, so the run is not served from the cache.
    const bytes = new Uint8Array(1000).fill(8);
    const files = provider(bytes, true);
    await files.hash('f.bin');
    const s = await engine.run(pipeline, files);
    expect(s.status).toBe('done');
    // The worker saw all the bytes (its output counts them)...
    const out = await engine.output('src');
    expect(out).toBeDefined();
    // ...and the very buffer moved to it: a transferred ArrayBuffer is detached here.
    expect(bytes.byteLength).toBe(0);
  });
});
