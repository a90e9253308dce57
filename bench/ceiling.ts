/**
 * The baseline of the parallel benchmark: what two cores of this machine give, right now, for the
 * branches' own work. Two plain DuckDB-WASM threads (bench/ceiling-worker.mjs, no engine) run the
 * branch queries all on one thread, then split over both threads at once; the first time over the
 * second is the machine's own speedup. On two idle cores it is about 2; shared cores (other jobs, a
 * vCPU's sibling thread) make it less, and no scheduler could beat it.
 */
import { Worker } from 'node:worker_threads';

/** Two ready DuckDB threads holding the same table `input`. */
export interface Ceiling {
  /** Times `queries` on one thread, then split over two threads at once: [one, two] in ms. */
  measure(queries: readonly string[]): Promise<[number, number]>;
  close(): Promise<void>;
}

/** One DuckDB thread; `run` sends a list of queries and resolves to the time they took. */
interface Thread {
  run(queries: readonly string[]): Promise<number>;
  worker: Worker;
}

function start(csv: Uint8Array): Promise<Thread> {
  const worker = new Worker(new URL('./ceiling-worker.mjs', import.meta.url), {
    workerData: { csv },
  });
  let pending: { resolve(ms: number): void; reject(e: unknown): void } | undefined;
  return new Promise((ready, failed) => {
    worker.on('error', (e) => (pending ? pending.reject(e) : failed(e)));
    worker.on('message', (m: unknown) => {
      if (m === 'ready') ready({ run, worker });
      else pending?.resolve(m as number);
      if (m !== 'ready') pending = undefined;
    });
    const run = (queries: readonly string[]): Promise<number> =>
      new Promise((resolve, reject) => {
        pending = { resolve, reject };
        worker.postMessage(queries);
      });
  });
}

/** Starts the two threads over the same CSV bytes (each gets a copy). */
export async function startCeiling(csv: Uint8Array): Promise<Ceiling> {
  const [a, b] = await Promise.all([start(csv), start(csv)]);
  return {
    async measure(queries) {
      const t0 = performance.now();
      await a.run(queries);
      const one = performance.now() - t0;
      const half = Math.ceil(queries.length / 2);
      const t1 = performance.now();
      await Promise.all([a.run(queries.slice(0, half)), b.run(queries.slice(half))]);
      return [one, performance.now() - t1];
    },
    async close() {
      await Promise.all([a.worker.terminate(), b.worker.terminate()]);
    },
  };
}
