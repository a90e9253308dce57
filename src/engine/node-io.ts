/**
 * One node's side of a running segment: its counters, its progress reports, emitting its output
 * (IPC chunks to the host for the cache, batches to its in-segment consumers) and how it ends.
 * Shared by the per-node loop (segment-runner.ts) and the fused chain driver (fusion/).
 */
import type { RecordBatch } from 'apache-arrow';
import type { PetroflowError } from '../model/errors.ts';
import type { BoundedChannel } from './channel.ts';
import { ChannelAbandoned } from './channel.ts';
import { cancelledError, isWasmCrash, nodeError } from './errors.ts';
import { batchBytes, batchToIpc, splitBatch } from './ipc.ts';
import type { Derivation, Group, Groups } from './share-plan.ts';
import { sharePlan } from './share-plan.ts';
import type { SegmentHost, TaskNode } from './task.ts';

export type { Derivation } from './share-plan.ts';
export { Groups } from './share-plan.ts';

/** Wall-clock milliseconds since the epoch, comparable across threads. */
export function now(): number {
  return performance.timeOrigin + performance.now();
}

/** Why a node stops without having failed itself. */
export class Stopped extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** Reporting and output of one node of a segment. */
export class NodeIo {
  rowsIn = 0;
  rowsOut = 0;
  bytes = 0;
  emitted = false;
  /** Set once the node has reported how it ended. */
  ended = false;
  readonly start = now();
  private lastProgress = 0;
  /** The host's answer to the previous batch's chunks. */
  private inFlight: Promise<unknown> = Promise.resolve();

  constructor(
    readonly tn: TaskNode,
    private readonly host: SegmentHost,
    /** Channels of the in-segment consumers fed batch by batch. */
    readonly outs: readonly BoundedChannel<RecordBatch>[],
    private readonly track: (p: Promise<unknown>) => void,
    private readonly intervalMs = 100,
    /** The segment's record of emitted groups (undefined: never share). */
    private readonly groups?: Groups,
    /** Whether later outputs may share this node's groups (it feeds a fused chain). */
    private readonly shareable = false,
    /** Whether the run drops this output (never encoded or sent; consumers still get batches). */
    readonly discards = false,
  ) {}

  /** Reports rows processed, at most every `intervalMs` unless forced. */
  report(rows: number, force = false): void {
    const t = now();
    if (!force && t - this.lastProgress < this.intervalMs) return;
    this.lastProgress = t;
    this.track(this.host.progress(this.tn.nodeId, rows));
  }

  /**
   * Sends one output batch to the host (as chunks, or as the groups of the batch it derives from
   * plus its own columns or rows: shared-chunks.ts) and to every in-segment consumer.
   */
  async emit(batch: RecordBatch, derived?: Derivation): Promise<void> {
    this.emitted = true;
    this.rowsOut += batch.numRows;
    if (this.discards) {
      // Bytes the output holds in memory (no IPC is produced for a dropped output).
      this.bytes += batchBytes(batch);
      await this.push(batch);
      return;
    }
    const id = this.tn.nodeId;
    const keep = this.groups !== undefined && this.shareable;
    const made: Group[] = [];
    const calls: Promise<void>[] = [];
    const plan =
      derived && this.groups && this.host.shared
        ? sharePlan(batch, derived, this.groups)
        : undefined;
    if (plan && this.groups && this.host.shared) {
      for (const piece of plan) {
        const index = this.groups.take(id);
        const bytes = piece.from.bytes + piece.parts.reduce((n, p) => n + p.byteLength, 0);
        made.push({ node: id, index, start: piece.start, rows: piece.rows, bytes });
        calls.push(this.host.shared(id, piece.from.node, piece.from.index, piece.parts, keep));
      }
    } else {
      // Chunks of at most about 1 MiB (see CHUNK_BYTES), one group each.
      let start = 0;
      for (const part of batch.numRows === 0 ? [batch] : splitBatch(batch)) {
        const chunk = batchToIpc(part);
        const index = this.groups?.take(id) ?? 0;
        made.push({ node: id, index, start, rows: part.numRows, bytes: chunk.byteLength });
        start += part.numRows;
        calls.push(this.host.output(id, chunk, keep));
      }
    }
    for (const g of made) this.bytes += g.bytes;
    if (keep) this.groups?.register(batch, made);
    // The host's answers are not awaited now (a round trip to a busy main thread costs a
    // scheduling slice): one batch's chunks may be unanswered while the next is computed, which
    // still holds the worker back when the host falls behind. Messages arrive in order.
    const answered = Promise.all(calls);
    this.track(answered);
    const previous = this.inFlight;
    this.inFlight = answered;
    await previous;
    await this.push(batch);
  }

  /** Hands `batch` to every in-segment consumer, then reports progress. */
  private async push(batch: RecordBatch): Promise<void> {
    await Promise.all(
      this.outs.map((ch) =>
        ch.push(batch).catch((e: unknown) => {
          if (!(e instanceof ChannelAbandoned)) throw e;
        }),
      ),
    );
    this.report(Math.max(this.rowsIn, this.rowsOut));
  }

  /** Tells the host the node started (answer not awaited: the segment waits for all at its end). */
  started(): void {
    this.track(this.host.started(this.tn.nodeId, this.start));
  }

  /** The node finished with its complete output (the report follows its chunks, in order). */
  async done(): Promise<void> {
    this.ended = true;
    for (const ch of this.outs) ch.close();
    this.report(this.rowsOut, true);
    this.track(this.host.finished({ ...this.base(), status: 'done' }));
    return Promise.resolve();
  }

  /** The node ends because of `e`; returns the error when the thread is no longer trustworthy. */
  async end(e: unknown, signal: AbortSignal): Promise<PetroflowError | undefined> {
    this.ended = true;
    const base = this.base();
    if (signal.aborted || (e instanceof Stopped && e.reason === 'cancelled')) {
      for (const ch of this.outs) ch.close(new Stopped('cancelled'));
      await this.host.finished({ ...base, status: 'cancelled', error: cancelledError(this.tn) });
      return undefined;
    }
    if (e instanceof Stopped) {
      for (const ch of this.outs) ch.close(e);
      await this.host.finished({ ...base, status: 'skipped', reason: e.reason });
      return undefined;
    }
    const error = nodeError(e, this.tn);
    for (const ch of this.outs) ch.close(new Stopped(`upstream node '${this.tn.nodeId}' failed`));
    await this.host.finished({ ...base, status: 'failed', error });
    return isWasmCrash(e) || error.code === 'WORKER_CRASHED' ? error : undefined;
  }

  private base() {
    const { rowsIn, rowsOut, bytes, start } = this;
    return { nodeId: this.tn.nodeId, start, end: now(), rowsIn, rowsOut, bytes };
  }
}
