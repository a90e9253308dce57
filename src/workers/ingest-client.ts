/**
 * The main-thread side of file ingestion: one worker reads files one after another; a worker that
 * crashes or outlives its deadline (scaled by the file's size) is terminated and replaced, and only
 * the file it was reading gets an error ("the reader stopped"). Platform-free: the caller spawns.
 */
import { tableFromIPC, type Table } from 'apache-arrow';
import * as Comlink from 'comlink';
import { err, ok, type Result } from '../model/result.ts';
import type {
  HashedSummary,
  IngestSummary,
  IngestWorkerApi,
  MaybeHashedSummary,
} from './ingest-api.ts';
import { copyInPieces, handOver } from './ingest-copy.ts';
import type { WorkerHandle } from './slot.ts';

/** Reads added files off the main thread, with the signatures of src/formats/library/summary.ts. */
export interface IngestWorker {
  /**
   * The library summary with the bytes' SHA-256 (`sha256`, absent when the reader stopped or
   * failed); `bytes` are copied, so the caller may keep using them.
   */
  readonly summarise: (name: string, bytes: Uint8Array) => Promise<MaybeHashedSummary>;
  /** The whole file as a table; `bytes` are handed over (detached): do not use them afterwards. */
  readonly readFileTable: (name: string, bytes: Uint8Array) => Promise<Result<Table, string>>;
  /** Workers started so far (the first one plus replacements), for health checks. */
  readonly workersStarted: number;
  /** Terminates the worker; later calls answer with an error. */
  readonly dispose: () => void;
}

/** Options of the ingestion client. */
export interface IngestClientOptions {
  /** How long reading `bytes` bytes may take before the worker counts as hung. */
  readonly deadlineMs?: (bytes: number) => number;
}

/** The default deadline: 15 s plus 250 ms per MB (a 4 MB/s reader; it reads ~40 MB/s here). */
export function ingestDeadlineMs(bytes: number): number {
  return 15_000 + Math.ceil(bytes / 4_000);
}

type Outcome<T> =
  | { readonly kind: 'done'; readonly value: T }
  | { readonly kind: 'failed' | 'stopped'; readonly why: string };

interface Live {
  readonly handle: WorkerHandle;
  readonly api: Comlink.Remote<IngestWorkerApi>;
  /** Ends the call in flight on this worker (its death, its deadline, dispose). */
  stop?: (why: string) => void;
}

const CLOSED = 'the file reader was closed';
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The words shown for a file whose reader stopped (crash, hang or close). */
function stoppedMessage(why: string): string {
  return (
    `the reader stopped (${why}). The file may be too large for this browser's memory, or ` +
    'malformed: split it, or check it with another LAS/CSV tool, then add it again.'
  );
}

function failedSummary(name: string, text: string): IngestSummary {
  const kind = name.toLowerCase().endsWith('.las') ? 'las' : 'csv';
  return { kind, columns: [], rows: 0, wells: [], warnings: [], error: { message: text } };
}

/** Creates the ingestion client over workers started by `spawn` (one at a time, lazily). */
export function createIngestClient(
  spawn: () => WorkerHandle,
  options: IngestClientOptions = {},
): IngestWorker {
  const deadlineMs = options.deadlineMs ?? ingestDeadlineMs;
  let live: Live | undefined;
  let started = 0;
  let tail: Promise<unknown> = Promise.resolve();
  let disposed = false;

  const current = (): Live => {
    if (live) return live;
    const handle = spawn();
    const w: Live = { handle, api: Comlink.wrap<IngestWorkerApi>(handle.endpoint) };
    started++;
    live = w;
    void handle.exited.then((reason) => {
      if (live === w) live = undefined; // a worker that died between files is not reused
      w.stop?.(reason);
    });
    return w;
  };

  /** Runs one call on the current worker, racing its death, its deadline and `dispose`. */
  async function attempt<T>(
    bytes: number,
    call: (api: Comlink.Remote<IngestWorkerApi>) => Promise<T>,
  ): Promise<Outcome<T>> {
    if (disposed) return { kind: 'stopped', why: CLOSED };
    const w = current();
    const stopped = new Promise<Outcome<T>>((resolve) => {
      w.stop = (why) => resolve({ kind: 'stopped', why });
    });
    const limit = deadlineMs(bytes);
    const why = `it took longer than ${Math.round(limit / 1000)} s`;
    const timer = setTimeout(() => w.stop?.(why), limit);
    const done = call(w.api).then(
      (value): Outcome<T> => ({ kind: 'done', value }),
      (e: unknown): Outcome<T> => ({ kind: 'failed', why: message(e) }),
    );
    const outcome = await Promise.race([done, stopped]);
    clearTimeout(timer);
    w.stop = undefined;
    if (outcome.kind === 'stopped') {
      if (live === w) live = undefined;
      void w.handle.terminate().catch(() => undefined);
    }
    return outcome;
  }

  /**
   * Files are read one after another: the next call starts when the previous one settled. Each
   * call leaves a User Timing measure (`petroflow:summarise <name>`), for profiles and the e2e test.
   */
  function serial<T>(label: string, job: () => Promise<T>): Promise<T> {
    const timed = async () => {
      const start = performance.now();
      try {
        return await job();
      } finally {
        performance.measure(`petroflow:${label}`, { start, end: performance.now() });
      }
    };
    const run = tail.then(timed, timed);
    tail = run.catch(() => undefined);
    return run;
  }

  return {
    summarise: (name, bytes) =>
      serial(`summarise ${name}`, async (): Promise<MaybeHashedSummary> => {
        const copy = await copyInPieces(bytes);
        const r = await attempt<HashedSummary>(copy.byteLength, (api) =>
          api.summarise(name, Comlink.transfer(copy, [copy.buffer])),
        );
        if (r.kind === 'done') return r.value;
        return failedSummary(name, r.kind === 'stopped' ? stoppedMessage(r.why) : r.why);
      }),
    readFileTable: (name, bytes) =>
      serial(`read ${name}`, async (): Promise<Result<Table, string>> => {
        const owned = await handOver(bytes);
        const r = await attempt<Result<Uint8Array, string>>(owned.byteLength, (api) =>
          api.readTable(name, Comlink.transfer(owned, [owned.buffer])),
        );
        if (r.kind !== 'done') {
          return err(`${name}: ${r.kind === 'stopped' ? stoppedMessage(r.why) : r.why}`);
        }
        if (!r.value.ok) return r.value;
        try {
          return ok(tableFromIPC(r.value.value));
        } catch (e) {
          return err(`${name}: the table sent by the reader could not be decoded (${message(e)}).`);
        }
      }),
    get workersStarted() {
      return started;
    },
    dispose() {
      disposed = true;
      const w = live;
      live = undefined;
      w?.stop?.(CLOSED);
      void w?.handle.terminate().catch(() => undefined);
    },
  };
}
