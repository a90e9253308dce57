/**
 * Runs one segment (task.ts) inside whichever thread hosts it: a pool worker, or the main thread
 * for the in-process engine. Each node is an async loop; row-wise children read their parent's
 * batches from a bounded channel (backpressure), every produced batch is also sent to the host as
 * an IPC chunk (for the cache, later consumers and previews). A failing node stops only its own
 * descendants; its siblings keep going. Chains of DuckDB-backed nodes (fusion/chains.ts) are driven
 * together by the fused chain runner instead, with the same per-node reports.
 */
import { RecordBatch, Schema, Table } from 'apache-arrow';
import type { PetroflowError } from '../model/errors.ts';
import { PetroflowException, petroflowError } from '../model/errors.ts';
import type { RunContext, SqlEngine } from '../operators/types.ts';
import { BoundedChannel } from './channel.ts';
import { runChain } from './fusion/chain-runner.ts';
import { findChains } from './fusion/chains.ts';
import { matchFiles } from './glob.ts';
import { chunksToTable, decodeChunks } from './ipc.ts';
import { Groups, NodeIo, Stopped } from './node-io.ts';
import type { OperatorLookup } from './plan.ts';
import type { EdgeStats, SegmentHost, SegmentResult, SegmentTask, TaskNode } from './task.ts';

export { now } from './node-io.ts';

/** What the hosting thread provides to the runner. */
export interface RunnerEnv {
  readonly operators: OperatorLookup;
  /** This thread's SQL engine, created on first use. */
  sql(): Promise<SqlEngine>;
  readonly signal: AbortSignal;
  /** Minimum milliseconds between two progress reports of one node (default 100). */
  readonly progressIntervalMs?: number;
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

/** The batches of finished input chunks (a schema-only batch when there are none). */
export function batchesOf(chunks: readonly Uint8Array[]): RecordBatch[] {
  const { schema, batches } = decodeChunks(chunks);
  return batches.length > 0 ? batches : [new RecordBatch(schema ?? new Schema([]))];
}

/** Gathers a channel into a table (a blocking node streaming from an in-segment parent). */
async function gather(ch: BoundedChannel<RecordBatch>): Promise<Table> {
  const batches: RecordBatch[] = [];
  for await (const b of ch) batches.push(b);
  const first = batches[0];
  return first ? new Table(first.schema, batches) : new Table();
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
  const chains = task.fuse === false ? [] : findChains(task, env.operators);
  // Chain members after the first get their batches from the chain driver, not a channel.
  const driven = new Set(chains.flatMap((c) => [...c.steps.slice(1), ...(c.tail ? [c.tail] : [])]));
  const handed = new Map<string, number>();
  const channels = new Map<string, BoundedChannel<RecordBatch>>();
  for (const n of task.nodes)
    if (n.parent !== null && !driven.has(n))
      channels.set(n.nodeId, new BoundedChannel(task.capacity));
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
  const ios = new Map<string, NodeIo>();
  // Nodes whose output groups a fused chain may share: its steps and the node feeding it.
  const shareable = new Set(
    chains.flatMap((c) => [...c.steps.map((s) => s.nodeId), c.steps[0]?.parent ?? '']),
  );
  const groups = new Groups();
  const discard = new Set(task.discard ?? []);
  for (const tn of task.nodes) {
    const outs = task.nodes
      .filter((c) => c.parent === tn.nodeId && channels.has(c.nodeId))
      .map((c) => channels.get(c.nodeId) as BoundedChannel<RecordBatch>);
    const io = new NodeIo(
      tn,
      host,
      outs,
      track,
      env.progressIntervalMs,
      groups,
      shareable.has(tn.nodeId),
      discard.has(tn.nodeId),
    );
    ios.set(tn.nodeId, io);
  }
  const ctxFor = (tn: TaskNode): RunContext => {
    const io = ios.get(tn.nodeId) as NodeIo;
    return {
      nodeId: tn.nodeId,
      signal: env.signal,
      sql,
      files: {
        match: (pattern) => matchFiles(pattern, task.fileNames),
        read: async (name) => ({ name, bytes: await host.readFile(name) }),
      },
      progress: (rows) => io.report(rows),
      warn: (message) => track(host.warn(tn.nodeId, message)),
    };
  };
  const inputOf = (tn: TaskNode): AsyncIterable<RecordBatch> | Iterable<RecordBatch> =>
    tn.parent === null
      ? batchesOf(Object.values(task.inputs)[0] ?? [])
      : (channels.get(tn.nodeId) as BoundedChannel<RecordBatch>);

  const runNode = async (tn: TaskNode): Promise<void> => {
    const io = ios.get(tn.nodeId) as NodeIo;
    const ctx = ctxFor(tn);
    io.started();
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
          await io.emit(b);
        }
        // A source may end early when it sees the abort: its partial output is not a result.
        env.signal.throwIfAborted();
        if (!io.emitted) await io.emit(new RecordBatch(new Schema([])));
      } else if (op.kind === 'blocking') {
        const tables: Record<string, Table> = {};
        const ch = channels.get(tn.nodeId);
        if (ch && tn.parent !== null) tables[tn.port ?? 'in'] = await gather(ch);
        else
          for (const [port, chunks] of Object.entries(task.inputs))
            tables[port] = chunksToTable(chunks);
        io.rowsIn = Object.values(tables).reduce((s, t) => s + t.numRows, 0);
        here();
        const table = await op.run(tables, tn.params, ctx);
        env.signal.throwIfAborted();
        for (const b of table.batches) await io.emit(b);
        if (!io.emitted) await io.emit(new RecordBatch(table.schema));
      } else {
        let transform: ((b: RecordBatch) => RecordBatch | Promise<RecordBatch>) | undefined;
        for await (const b of inputOf(tn)) {
          env.signal.throwIfAborted();
          io.rowsIn += b.numRows;
          here();
          if (!transform) {
            const bound = op.bind(b.schema, tn.params, ctx);
            if (!bound.ok) throw new PetroflowException(bound.error);
            transform = bound.value;
          }
          await io.emit(await transform(b));
        }
        env.signal.throwIfAborted();
      }
      await io.done();
    } catch (e) {
      channels.get(tn.nodeId)?.abandon();
      fatal ??= await io.end(e, env.signal);
    }
  };

  const chainOf = new Map(chains.map((c) => [c.steps[0] as TaskNode, c]));
  try {
    await Promise.all(
      task.nodes
        .filter((n) => !driven.has(n))
        .map(async (n) => {
          const chain = chainOf.get(n);
          if (!chain) return runNode(n);
          const crash = await runChain(chain, {
            ios,
            ctxFor,
            input: inputOf(n),
            abandon: () => channels.get(n.nodeId)?.abandon(),
            sql: () => env.sql(),
            signal: env.signal,
            enter,
            handed: (to, batches) => handed.set(to, (handed.get(to) ?? 0) + batches),
          });
          fatal ??= crash;
        }),
    );
  } finally {
    env.signal.removeEventListener('abort', onAbort);
  }
  await Promise.all([...pending]);
  const edges: EdgeStats[] = task.nodes
    .filter((n) => n.parent !== null)
    .map((n) => {
      const ch = channels.get(n.nodeId);
      const batches = ch ? ch.pushed : (handed.get(n.nodeId) ?? 0);
      return {
        from: n.parent as string,
        to: n.nodeId,
        capacity: ch?.capacity ?? task.capacity,
        maxOccupancy: ch ? ch.maxOccupancy : Math.min(1, batches),
        batches,
      };
    });
  return fatal ? { edges, fatal } : { edges };
}
