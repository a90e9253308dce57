/**
 * The unit of work the scheduler hands to an executor (a pool worker or the in-process executor):
 * a segment, i.e. a head node (source, blocking operator, or a row-wise node fed from a finished
 * output) plus the tree of row-wise nodes that stream from it. Plain data, so it crosses a worker
 * boundary as is (input chunks by transfer).
 */
import type { PetroflowError } from '../model/errors.ts';
import type { IpcChunk } from './ipc.ts';
import type { EdgeStats } from './types.ts';

export type { EdgeStats } from './types.ts';

/** One node of a segment. */
export interface TaskNode {
  readonly nodeId: string;
  readonly op: string;
  readonly version: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** The in-segment node it streams from; null for the head. */
  readonly parent: string | null;
  /** The input port fed by `parent` (a blocking node streaming from an in-segment parent). */
  readonly port?: string;
}

/** A segment to execute. */
export interface SegmentTask {
  readonly taskId: string;
  /** Head first; every parent comes before its children. */
  readonly nodes: readonly TaskNode[];
  /** Finished inputs of the head by port (a blocking head's tables, a row-wise head's one input). */
  readonly inputs: Readonly<Record<string, readonly IpcChunk[]>>;
  /** Names of the files bound to the run (for `FileAccess.match`). */
  readonly fileNames: readonly string[];
  /** Capacity, in batches, of each in-segment edge channel. */
  readonly capacity: number;
  /**
   * Whether chains of DuckDB-backed nodes may be fused (fusion/); false on a retry after a worker
   * crash, so the node to blame is found node by node. Default true.
   */
  readonly fuse?: boolean;
  /**
   * Nodes whose output the run does not keep (retain.ts): they stream to their in-segment consumers
   * but are never encoded or sent to the host. Default none.
   */
  readonly discard?: readonly string[];
}

/** How one node of a segment ended. */
export interface NodeReport {
  readonly nodeId: string;
  readonly status: 'done' | 'failed' | 'skipped' | 'cancelled';
  readonly start: number;
  readonly end: number;
  readonly rowsIn: number;
  readonly rowsOut: number;
  readonly bytes: number;
  readonly error?: PetroflowError;
  readonly reason?: string;
}

/** What the segment runner tells the engine while it works; every call is awaited in order. */
export interface SegmentHost {
  started(nodeId: string, at: number): Promise<void>;
  progress(nodeId: string, rows: number): Promise<void>;
  /**
   * One output chunk of a node (transferred, never copied, across a worker boundary); `keep`
   * asks the host to keep it for sharing (see `shared`).
   */
  output(nodeId: string, chunk: IpcChunk, keep?: boolean): Promise<void>;
  /**
   * The next chunk group of `nodeId` is group `group` of node `from` (the chunks the host was
   * given for it) followed by `parts` (shared-chunks.ts). Hosts without it get plain chunks.
   */
  shared?(
    nodeId: string,
    from: string,
    group: number,
    parts: IpcChunk[],
    keep?: boolean,
  ): Promise<void>;
  finished(report: NodeReport): Promise<void>;
  warn(nodeId: string, message: string): Promise<void>;
  /** The bytes of a bound input file (a copy the runner may keep). */
  readFile(name: string): Promise<Uint8Array>;
  /**
   * Fire-and-forget note (never awaited) that `nodeId`'s operator code is about to run on this
   * thread: if the thread then dies or hangs, the last note names the node most likely to blame.
   */
  active?(nodeId: string): void;
}

/** The end of a segment. */
export interface SegmentResult {
  readonly edges: readonly EdgeStats[];
  /**
   * Set when the executing worker is no longer trustworthy (e.g. its WebAssembly crashed) and must
   * be replaced; also used for worker crashes and timeouts detected by the pool.
   */
  readonly fatal?: PetroflowError;
  /** Pool worker index that ran it; null in-process. */
  readonly worker: number | null;
}
