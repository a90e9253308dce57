// Private mode (no storage): the run history of this session, kept per pipeline like storage does.
import { describe, expect, it } from 'vitest';
import { createInProcessEngine } from '../engine/engine.ts';
import { testPipeline, testRegistry } from '../engine/testing/fixtures.ts';
import type { PipelineId } from '../model/ids.ts';
import { RUNS_KEPT_PER_PIPELINE } from '../storage/runs.ts';
import { createAppStore } from './store.ts';

const registry = testRegistry();
const pipeline = testPipeline([{ id: 'src', op: 'test.numbers', params: { rows: 2 } }], []);

describe('run history without storage', () => {
  it("keeps each pipeline's runs: many runs of one pipeline do not push out another's", async () => {
    const store = createAppStore({
      registry,
      engine: () => Promise.resolve(createInProcessEngine({ operators: registry })),
    });
    store.getState().loadPipeline(pipeline);
    await store.getState().run();
    const first = store.getState().runHistory.runs[0]?.runId;
    expect(first).toBeDefined();
    const other = { ...pipeline, id: 'other' as PipelineId, name: 'other' };
    store.getState().loadPipeline(other);
    for (let i = 0; i < RUNS_KEPT_PER_PIPELINE + 3; i++) await store.getState().run();
    expect(store.getState().runHistory.runs).toHaveLength(RUNS_KEPT_PER_PIPELINE);
    store.getState().loadPipeline(pipeline);
    await store.getState().loadRuns();
    expect(store.getState().runHistory.runs.map((r) => r.runId)).toEqual([first]);
  });
});
