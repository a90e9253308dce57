/**
 * A bounded single-consumer channel of values (record batches on an edge). `push` waits while the
 * channel holds `capacity` items, so a fast producer cannot run ahead of a slow consumer and memory
 * stays bounded by capacity x batch size. The channel records its highest occupancy, so tests and
 * run summaries can prove the bound held.
 */

/** Thrown by `push` into a channel whose consumer has stopped reading (it failed or was cancelled). */
export class ChannelAbandoned extends Error {
  constructor() {
    super('The consumer of this channel stopped reading.');
    this.name = 'ChannelAbandoned';
  }
}

/** A bounded FIFO between one producer and one consumer. */
export class BoundedChannel<T> implements AsyncIterable<T> {
  private readonly items: T[] = [];
  private closed = false;
  private abandoned = false;
  private failure: Error | undefined = undefined;
  private spaceWaiters: (() => void)[] = [];
  private itemWaiters: (() => void)[] = [];
  /** Highest number of items held at once. */
  maxOccupancy = 0;
  /** Items pushed so far. */
  pushed = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`Channel capacity must be an integer >= 1, got ${capacity}.`);
    }
  }

  /** Adds one item, waiting while the channel is full; throws ChannelAbandoned if nobody reads. */
  async push(item: T): Promise<void> {
    while (this.items.length >= this.capacity && !this.abandoned) {
      await new Promise<void>((resolve) => this.spaceWaiters.push(resolve));
    }
    if (this.abandoned) throw new ChannelAbandoned();
    if (this.closed) throw new Error('push after close');
    this.items.push(item);
    this.pushed++;
    this.maxOccupancy = Math.max(this.maxOccupancy, this.items.length);
    this.wake(this.itemWaiters);
  }

  /** Ends the stream; `error` makes the consumer's iteration throw it after the queued items. */
  close(error?: Error): void {
    if (this.closed) return;
    this.closed = true;
    this.failure = error;
    this.wake(this.itemWaiters);
  }

  /** The consumer gives up: queued items are dropped and blocked or later pushes throw. */
  abandon(): void {
    this.abandoned = true;
    this.items.length = 0;
    this.wake(this.spaceWaiters);
  }

  /** True when the consumer has given up. */
  get isAbandoned(): boolean {
    return this.abandoned;
  }

  /** Takes the next item, or `undefined` at the end of the stream. */
  async next(): Promise<T | undefined> {
    for (;;) {
      if (this.items.length > 0) {
        const item = this.items.shift() as T;
        this.wake(this.spaceWaiters);
        return item;
      }
      if (this.closed) {
        if (this.failure !== undefined) throw this.failure;
        return undefined;
      }
      await new Promise<void>((resolve) => this.itemWaiters.push(resolve));
    }
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for (;;) {
      const item = await this.next();
      if (item === undefined) return;
      yield item;
    }
  }

  private wake(list: (() => void)[]): void {
    const waiting = list.splice(0);
    for (const w of waiting) w();
  }
}
