/**
 * The output cache: node outputs (IPC chunks) by fingerprint, bounded by total bytes with least
 * recently used eviction. A re-run reuses every node whose fingerprint is unchanged. Outputs of one
 * segment may hold the very same chunk objects (shared-chunks.ts: an expression's output is its
 * parent's chunks plus its own column), so the bound counts each chunk once, however many outputs
 * hold it.
 */
import type { IpcChunk } from './ipc.ts';
import { chunkBytes } from './ipc.ts';

/** Default cache bound: 256 MiB of Arrow IPC. */
export const DEFAULT_CACHE_BYTES = 256 * 1024 * 1024;

/** A cached node output. */
export interface CachedOutput {
  readonly chunks: readonly IpcChunk[];
  readonly rows: number;
  readonly bytes: number;
}

/** Byte-bounded LRU map from fingerprint to output. */
export class OutputCache {
  private readonly entries = new Map<string, CachedOutput>();
  /** Outputs holding each chunk, and its size when first stored. */
  private readonly held = new Map<IpcChunk, { outputs: number; bytes: number }>();
  private total = 0;

  constructor(readonly maxBytes: number = DEFAULT_CACHE_BYTES) {}

  /** The output for `fingerprint`, marking it recently used. */
  get(fingerprint: string): CachedOutput | undefined {
    const hit = this.entries.get(fingerprint);
    if (hit) {
      this.entries.delete(fingerprint);
      this.entries.set(fingerprint, hit);
    }
    return hit;
  }

  /** True when `fingerprint` is cached (does not touch recency). */
  has(fingerprint: string): boolean {
    return this.entries.has(fingerprint);
  }

  /**
   * Stores an output; an output larger than the whole bound is not cached, nor one without chunks
   * (every real output has at least its schema chunk: none means it was not retained, retain.ts).
   */
  put(fingerprint: string, chunks: readonly IpcChunk[], rows: number): void {
    const bytes = chunkBytes(chunks);
    this.delete(fingerprint);
    if (bytes > this.maxBytes || chunks.length === 0) return;
    this.entries.set(fingerprint, { chunks, rows, bytes });
    for (const c of new Set(chunks)) {
      const h = this.held.get(c);
      if (h) h.outputs++;
      else {
        this.held.set(c, { outputs: 1, bytes: c.byteLength });
        this.total += c.byteLength;
      }
    }
    for (const key of this.entries.keys()) {
      if (this.total <= this.maxBytes) break;
      this.delete(key);
    }
  }

  /** Removes one entry. */
  delete(fingerprint: string): void {
    const old = this.entries.get(fingerprint);
    if (!old) return;
    this.entries.delete(fingerprint);
    for (const c of new Set(old.chunks)) {
      const h = this.held.get(c);
      if (!h) continue;
      if (--h.outputs > 0) continue;
      this.held.delete(c);
      this.total -= h.bytes;
    }
  }

  /** Drops every entry (a memory-pressure or "clear cache" action; the next run recomputes). */
  clear(): void {
    this.entries.clear();
    this.held.clear();
    this.total = 0;
  }

  /** Bytes currently held (each chunk once, however many outputs hold it). */
  get bytes(): number {
    return this.total;
  }

  /** Number of outputs held. */
  get size(): number {
    return this.entries.size;
  }
}
