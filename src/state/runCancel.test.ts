// What the run slice records when the user cancels: the facts the editor's "cancelled" display
// (src/editor/status.ts wasCancelled) is derived from, with a real in-process engine.
import { describe, expect, it } from 'vitest';
import { createInProcessEngine } from '../engine/engine.ts';
import { testPipeline, testRegistry } from '../engine/testing/fixtures.ts';
import { createAppStore, type AppStore } from './store.ts';

const registry = testRegistry();

/** `slow` runs long enough to be cancelled; `bad` fails for real in the same run. */
const pipeline = testPipeline(
  [
    { id: 'src', op: 'test.numbers', params: { batches: 200, rows: 5 } },
    { id: 'slow', op: 'test.step', params: { ms: 50 } },
    { id: 'after', op: 'test.step', params: { output: 'y' } },
    { id: 'bad', op: 'test.step', params: { mode: 'fail' } },
    { id: 'belowBad', op: 'test.step', params: { output: 'z' } },
  ],
  ['src->slow', 'slow->after', 'src->bad', 'bad->belowBad'],
);

function makeStore(): AppStore {
  const store = createAppStore({
    registry,
    engine: () => Promise.resolve(createInProcessEngine({ operators: registry })),
  });
  store.getState().loadPipeline(pipeline);
  return store;
}

/** Resolves once `check` holds for the store (polled; the run goes on meanwhile). */
async function until(store: AppStore, check: (s: ReturnType<AppStore['getState']>) => boolean) {
  const t0 = Date.now();
  while (!check(store.getState())) {
    if (Date.now() - t0 > 10_000) throw new Error('timed out waiting for the run');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('cancelling a run', () => {
  it('records cancelled nodes with the cancellation code and real failures with their own', async () => {
    const store = makeStore();
    const run = store.getState().run();
    await until(
      store,
      (s) => s.runStatus.slow?.status === 'running' && s.runStatus.bad?.status === 'failed',
    );
    store.getState().cancel();
    await run;
    const st = store.getState();
    expect(st.running).toBe(false);
    expect(st.notice?.message).toBe('Run cancelled.');
    expect(st.lastRun?.status).toBe('cancelled');

    // The real failure keeps its own code, and what it blocked says so.
    expect(st.runStatus.bad?.status).toBe('failed');
    expect(st.runStatus.bad?.error?.code).not.toBe('CANCELLED');
    expect(st.runStatus.bad?.error?.message).toMatch(/failed on purpose/);
    expect(st.runStatus.belowBad).toMatchObject({
      status: 'skipped',
      reason: "upstream node 'bad' failed",
    });

    // The node cancelled while running: failed with the CANCELLED code, span 'cancelled'.
    expect(st.runStatus.slow?.status).toBe('failed');
    expect(st.runStatus.slow?.error?.code).toBe('CANCELLED');
    expect(st.lastRun?.spans.find((s) => s.nodeId === 'slow')?.status).toBe('cancelled');

    // Below it: cancelled itself, or skipped as cancelled / below the cancelled node.
    const after = st.runStatus.after;
    const byCancel =
      (after?.status === 'failed' && after.error?.code === 'CANCELLED') ||
      (after?.status === 'skipped' &&
        (after.reason === 'cancelled' || after.reason === "upstream node 'slow' failed"));
    expect(byCancel, JSON.stringify(after)).toBe(true);
  });
});
