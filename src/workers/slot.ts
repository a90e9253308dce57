/** One slot of the pool: a worker, its comlink proxy, its start-up, and its replacement. */
import * as Comlink from 'comlink';
import type { PetroflowError } from '../model/errors.ts';
import { petroflowError } from '../model/errors.ts';
import type { Result } from '../model/result.ts';
import { err, ok } from '../model/result.ts';
import type { PoolWorkerApi, WorkerConfig } from './protocol.ts';

/** A started worker as the pool sees it, whatever the platform. */
export interface WorkerHandle {
  /** The comlink endpoint of the worker (a Web Worker, or worker_threads via nodeEndpoint). */
  readonly endpoint: Comlink.Endpoint;
  /** Resolves with a reason when the worker dies (exit, uncaught error). */
  readonly exited: Promise<string>;
  /** Stops the worker now. */
  terminate(): Promise<void>;
}

/** Starts the worker of slot `index`. */
export type SpawnWorker = (index: number) => WorkerHandle;

/** A pool slot; `busy` is managed by the pool. */
export class WorkerSlot {
  busy = false;
  private handle!: WorkerHandle;
  private remote!: Comlink.Remote<PoolWorkerApi>;
  private started!: Promise<Result<number, PetroflowError>>;

  constructor(
    readonly index: number,
    private readonly spawn: SpawnWorker,
    private readonly config: Omit<WorkerConfig, 'index'>,
  ) {
    this.start();
  }

  private start(): void {
    const handle = this.spawn(this.index);
    this.handle = handle;
    this.remote = Comlink.wrap<PoolWorkerApi>(handle.endpoint);
    const init = this.remote.init({ ...this.config, index: this.index }).then(
      (n) => ok(n),
      (e: unknown) => err(this.failure(e instanceof Error ? e.message : String(e))),
    );
    const died = handle.exited.then((reason) => err(this.failure(reason)));
    this.started = Promise.race([init, died]);
  }

  private failure(reason: string): PetroflowError {
    return petroflowError(
      'WORKER_CRASHED',
      `worker ${this.index} could not start (${reason}); it will be restarted on the next run.`,
    );
  }

  /** The comlink proxy of the current worker. */
  get api(): Comlink.Remote<PoolWorkerApi> {
    return this.remote;
  }

  /** Resolves with a reason when the current worker dies. */
  get exited(): Promise<string> {
    return this.handle.exited;
  }

  /** Resolves once the current worker has started (or failed to). */
  ready(): Promise<Result<number, PetroflowError>> {
    return this.started;
  }

  /** Terminates the current worker and starts a fresh one in this slot. */
  async replace(): Promise<void> {
    await this.handle.terminate();
    this.start();
  }

  /** Resolves when the worker answers a ping (its thread is responsive). */
  async ping(): Promise<number> {
    const started = await this.started;
    if (!started.ok) throw new Error(started.error.message);
    return this.remote.ping();
  }

  /** Stops the worker for good. */
  terminate(): Promise<void> {
    return this.handle.terminate();
  }
}
