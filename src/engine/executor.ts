/**
 * Executors run segments: the worker pool (src/workers) or, for unit tests and tiny runs, the
 * in-process executor below. The scheduler is the same for both.
 */
import { petroflowError } from '../model/errors.ts';
import type { SqlEngine } from '../operators/types.ts';
import type { OperatorLookup } from './plan.ts';
import { runSegment } from './segment-runner.ts';
import { sharingHost } from './shared-chunks.ts';
import type { SegmentHost, SegmentResult, SegmentTask } from './task.ts';

/** Something that runs segments, at most `slots` at a time. */
export interface Executor {
  /** Number of segments it runs at once. */
  readonly slots: number;
  /** Runs a segment; never rejects: a lost worker comes back as `fatal`. */
  execute(task: SegmentTask, host: SegmentHost, signal: AbortSignal): Promise<SegmentResult>;
  /** Releases threads; the executor cannot be used afterwards. */
  dispose(): Promise<void>;
}

/** A counting semaphore: waiters are served in arrival order. */
export class Slots {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(count: number) {
    this.free = count;
  }

  /**
   * Waits for a free slot; resolves true once it holds one, or false (holding none) when `signal`
   * aborts first, so a cancelled run's queued work never starts.
   */
  async acquire(signal?: AbortSignal): Promise<boolean> {
    if (signal?.aborted) return false;
    if (this.free > 0) {
      this.free--;
      return true;
    }
    return new Promise<boolean>((resolve) => {
      const onAbort = (): void => {
        const i = this.waiting.indexOf(grant);
        if (i >= 0) this.waiting.splice(i, 1);
        resolve(false);
      };
      const grant = (): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve(true);
      };
      this.waiting.push(grant);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Frees a slot (hands it straight to the next waiter). */
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }
}

/** The SQL engine of the in-process executor when none is given: SQL nodes fail clearly. */
function noSql(): Promise<SqlEngine> {
  return Promise.reject(
    new Error('this in-process engine has no SQL engine; run SQL nodes through a worker engine'),
  );
}

/** Options of the in-process executor. */
export interface InProcessOptions {
  readonly operators: OperatorLookup;
  readonly sql?: () => Promise<SqlEngine>;
  /** Segments run at once (interleaved on this thread); default 1. */
  readonly concurrency?: number;
}

/** Runs segments on the calling thread (no workers): unit tests, tiny runs. */
export function createInProcessExecutor(options: InProcessOptions): Executor {
  const slots = Math.max(1, options.concurrency ?? 1);
  const gate = new Slots(slots);
  return {
    slots,
    async execute(task, host, signal) {
      await gate.acquire();
      try {
        const result = await runSegment(task, sharingHost(host), {
          operators: options.operators,
          sql: options.sql ?? noSql,
          signal,
        });
        return { ...result, worker: null };
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        return {
          edges: [],
          worker: null,
          fatal: petroflowError('INTERNAL', `The engine failed unexpectedly: ${message}`),
        };
      } finally {
        gate.release();
      }
    },
    dispose: () => Promise.resolve(),
  };
}
