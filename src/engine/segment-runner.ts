/**
 * Runs one segment (task.ts) inside whichever thread hosts it: a pool worker, or the main thread
 * for the in-process engine. Each node is an async loop; row-wise children read their parent's
 * batches from a bounded channel (backpressure), every produced batch is also sent to the host as
 * an IPC chunk (for the cache, later consumers and previews). A failing node stops only its own
 * descendants; its siblings keep going.
 */
import { RecordBatch, Schema } from 'apache-arrow';
import type { PetroflowError } from '../model/errors.ts';
import { PetroflowException, petroflowError } from '../model/errors.ts';
import type { Table } from 'apache-arrow';
import type { RunContext, SqlEngine } from '../operators/types.ts';
import { BoundedChannel, ChannelAbandoned } from './channel.ts';
import { cancelledError, isWasmCrash, nodeError } from './errors.ts';
import { matchFiles } from './glob.ts';
import { batchToChunks, batchToIpc, chunksToTable, ipcToBatches } from './ipc.ts';
import type { OperatorLookup } from './plan.ts';
import type { EdgeStats, SegmentHost, SegmentResult, SegmentTask, TaskNode } from './task.ts';

/** What the hosting thread provides to the runner. */
export interface RunnerEnv {
  readonly operators: OperatorLookup;
  /** This thread's SQL engine, created on first use. */
  sql(): Promise<SqlEngine>;
  readonly signal: AbortSignal;
  /** Minimum milliseconds between two progress reports of one node (default 100). */
  readonly progressIntervalMs?: number;
}

/** Wall-clock milliseconds since the epoch, comparable across threads. */
export function now(): number {
  return performance.timeOrigin + performance.now();
}

/** Why a node stops without having failed itself. */
class Stopped extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

function lazySql(get: () => Promise<SqlEngine>): SqlEngine {
  return {
    query: async (q, tables, signal) => (await get()).query(q, tables, signal),
    readCsv: async (name, bytes, options) => (await get()).readCsv(name, bytes, options),
  };
}

/** Pulls `source` one item at a time, calling `enter` before each pull (operator code runs then). */
async function* marked<T>(source: AsyncIterable<T>, enter: () => void): AsyncGenerator<T> {
  const it = source[Symbol.asyncIterator]();
  let done = false;
  try {
    for (;;) {
      enter();
      const r = await it.next();
      if (r.done) {
        done = true;
        return;
      }
      yield r.value;
    }
  } finally {
    if (!done) await it.return?.();
  }
}

function batchesOf(chunks: readonly Uint8Array[]): RecordBatch[] {
  const out: RecordBatch[] = [];
  let schema: Schema | undefined;
  for (const c of chunks) {
    const part = ipcToBatches(c);
    schema ??= part.schema;
    out.push(...part.batches);
  }
  return out.length > 0 ? out : [new RecordBatch(schema ?? new Schema([]))];
}

/** Executes `task`, reporting through `host`; resolves after every host call has been answered. */
export async function runSegment(
  task: SegmentTask,
  host: SegmentHost,
  env: RunnerEnv,
): Promise<Omit<SegmentResult, 'worker'>> {
  const pending = new Set<Promise<unknown>>();
  const track = (p: Promise<unknown>): void => {
    const q = p.catch(() => undefined).finally(() => pending.delete(q));
    pending.add(q);
  };
  const channels = new Map<string, BoundedChannel<RecordBatch>>();
  for (const n of task.nodes)
    if (n.parent !== null) channels.set(n.nodeId, new BoundedChannel(task.capacity));
  const children = (id: string): TaskNode[] => task.nodes.filter((n) => n.parent === id);
  const sql = lazySql(() => env.sql());
  let fatal: PetroflowError | undefined;
  let active: string | undefined;
  const enter = (nodeId: string): void => {
    if (active === nodeId) return;
    active = nodeId;
    host.active?.(nodeId);
  };
  const onAbort = (): void => {
    for (const ch of channels.values()) {
      ch.abandon();
      ch.close(new Stopped('cancelled'));
    }
  };
  env.signal.addEventListener('abort', onAbort, { once: true });

  const runNode = async (tn: TaskNode): Promise<void> => {
    const start = now();
    let rowsIn = 0;
    let rowsOut = 0;
    let bytes = 0;
    let lastProgress = 0;
    const interval = env.progressIntervalMs ?? 100;
    const report = (rows: number, force = false): void => {
      const t = now();
      if (!force && t - lastProgress < interval) return;
      lastProgress = t;
      track(host.progress(tn.nodeId, rows));
    };
    const outs = children(tn.nodeId).map(
      (c) => channels.get(c.nodeId) as BoundedChannel<RecordBatch>,
    );
    let emitted = false;
    const emit = async (batch: RecordBatch): Promise<void> => {
      emitted = true;
      rowsOut += batch.numRows;
      // Several chunks of at most about 1 MiB (see CHUNK_BYTES), sent without waiting for each
      // answer: the channel keeps them in order.
      const chunks = batch.numRows === 0 ? [batchToIpc(batch)] : batchToChunks(batch);
      for (const c of chunks) bytes += c.byteLength;
      await Promise.all(chunks.map((c) => host.output(tn.nodeId, c)));
      await Promise.all(
        outs.map((ch) =>
          ch.push(batch).catch((e: unknown) => {
            if (!(e instanceof ChannelAbandoned)) throw e;
          }),
        ),
      );
      report(Math.max(rowsIn, rowsOut));
    };
    const ctx: RunContext = {
      nodeId: tn.nodeId,
      signal: env.signal,
      sql,
      files: {
        match: (pattern) => matchFiles(pattern, task.fileNames),
        read: async (name) => ({ name, bytes: await host.readFile(name) }),
      },
      progress: (rows) => report(rows),
      warn: (message) => track(host.warn(tn.nodeId, message)),
    };
    await host.started(tn.nodeId, start);
    try {
      const op = env.operators.operator(tn.op, tn.version);
      if (!op) {
        throw new PetroflowException(
          petroflowError(
            'UNKNOWN_VERSION',
            `Node '${tn.nodeId}': operator ${tn.op}@${tn.version} is not available in this build.`,
          ),
        );
      }
      const here = (): void => enter(tn.nodeId);
      if (op.kind === 'source') {
        for await (const b of marked(op.read(tn.params, ctx), here)) {
          env.signal.throwIfAborted();
          await emit(b);
        }
        // A source may end early when it sees the abort: its partial output is not a result.
        env.signal.throwIfAborted();
        if (!emitted) await emit(new RecordBatch(new Schema([])));
      } else if (op.kind === 'blocking') {
        const tables: Record<string, Table> = {};
        for (const [port, chunks] of Object.entries(task.inputs))
          tables[port] = chunksToTable(chunks);
        rowsIn = Object.values(tables).reduce((s, t) => s + t.numRows, 0);
        here();
        const table = await op.run(tables, tn.params, ctx);
        env.signal.throwIfAborted();
        for (const b of table.batches) await emit(b);
        if (!emitted) await emit(new RecordBatch(table.schema));
      } else {
        const input: AsyncIterable<RecordBatch> | Iterable<RecordBatch> =
          tn.parent === null
            ? batchesOf(Object.values(task.inputs)[0] ?? [])
            : (channels.get(tn.nodeId) as BoundedChannel<RecordBatch>);
        let transform: ((b: RecordBatch) => RecordBatch | Promise<RecordBatch>) | undefined;
        for await (const b of input) {
          env.signal.throwIfAborted();
          rowsIn += b.numRows;
          here();
          if (!transform) {
            const bound = op.bind(b.schema, tn.params, ctx);
            if (!bound.ok) throw new PetroflowException(bound.error);
            transform = bound.value;
          }
          await emit(await transform(b));
        }
        env.signal.throwIfAborted();
      }
      for (const ch of outs) ch.close();
      report(rowsOut, true);
      await host.finished({
        nodeId: tn.nodeId,
        status: 'done',
        start,
        end: now(),
        rowsIn,
        rowsOut,
        bytes,
      });
    } catch (e) {
      channels.get(tn.nodeId)?.abandon();
      const base = { nodeId: tn.nodeId, start, end: now(), rowsIn, rowsOut, bytes };
      if (env.signal.aborted || (e instanceof Stopped && e.reason === 'cancelled')) {
        for (const ch of outs) ch.close(new Stopped('cancelled'));
        await host.finished({ ...base, status: 'cancelled', error: cancelledError(tn) });
      } else if (e instanceof Stopped) {
        for (const ch of outs) ch.close(e);
        await host.finished({ ...base, status: 'skipped', reason: e.reason });
      } else {
        const error = nodeError(e, tn);
        if (isWasmCrash(e) || error.code === 'WORKER_CRASHED') fatal = error;
        for (const ch of outs) ch.close(new Stopped(`upstream node '${tn.nodeId}' failed`));
        await host.finished({ ...base, status: 'failed', error });
      }
    }
  };

  try {
    await Promise.all(task.nodes.map((n) => runNode(n)));
  } finally {
    env.signal.removeEventListener('abort', onAbort);
  }
  await Promise.all([...pending]);
  const edges: EdgeStats[] = task.nodes
    .filter((n) => n.parent !== null)
    .map((n) => {
      const ch = channels.get(n.nodeId) as BoundedChannel<RecordBatch>;
      return {
        from: n.parent as string,
        to: n.nodeId,
        capacity: ch.capacity,
        maxOccupancy: ch.maxOccupancy,
        batches: ch.pushed,
      };
    });
  return fatal ? { edges, fatal } : { edges };
}
