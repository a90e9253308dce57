/** Run history: one record per finished run, listed per pipeline (newest first, capped). */
import type { PetroflowDb } from './db.ts';
import { checkRunRecord, type RunRecord } from './records.ts';
import { setAside } from './quarantine.ts';

/** How many runs are kept per pipeline; older ones are dropped in the same transaction. */
export const RUNS_KEPT_PER_PIPELINE = 50;

/** Stored run summaries. */
export class RunRepository {
  constructor(private readonly db: PetroflowDb) {}

  /** Adds a run and drops the oldest beyond the cap, in one transaction. */
  async add(run: RunRecord): Promise<void> {
    const tx = this.db.transaction('runs', 'readwrite');
    await tx.store.put(run, run.runId);
    const keys = await tx.store.index('byPipeline').getAllKeys(run.pipelineId);
    const values = await tx.store.index('byPipeline').getAll(run.pipelineId);
    const ordered = values
      .map((v, i) => ({ key: keys[i], start: (v as { start?: number }).start ?? 0 }))
      .sort((a, b) => b.start - a.start);
    for (const old of ordered.slice(RUNS_KEPT_PER_PIPELINE)) {
      if (old.key !== undefined) await tx.store.delete(old.key);
    }
    await tx.done;
  }

  /** Runs of one pipeline, newest first; corrupt records are set aside. */
  async list(pipelineId: string): Promise<RunRecord[]> {
    const tx = this.db.transaction('runs', 'readonly');
    const [keys, values] = await Promise.all([
      tx.store.index('byPipeline').getAllKeys(pipelineId),
      tx.store.index('byPipeline').getAll(pipelineId),
      tx.done,
    ]);
    const out: RunRecord[] = [];
    for (let i = 0; i < values.length; i++) {
      const c = checkRunRecord(values[i]);
      if (c.ok) out.push(c.value);
      else
        await setAside(
          this.db,
          { store: 'runs', key: String(keys[i]), reason: c.error },
          values[i],
        );
    }
    return out.sort((a, b) => b.start - a.start);
  }
}
