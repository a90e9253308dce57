/**
 * The `sql` node ending a fused chain: its query reads the chain's output straight from the stage
 * (a view over the staged rows) when fusion held for the whole input; otherwise, or when that query
 * fails, the operator runs as usual over the batches it was handed, so its result and its errors
 * are the unfused ones.
 */
import type { RecordBatch, Schema } from 'apache-arrow';
import { RecordBatch as Batch, Table } from 'apache-arrow';
import type { PetroflowError } from '../../model/errors.ts';
import { PetroflowException } from '../../model/errors.ts';
import type { SqlParams } from '../../operators/tables/sql.ts';
import {
  restoreMetadata,
  sql as sqlOperator,
  sqlError,
  sqlQueryText,
} from '../../operators/tables/sql.ts';
import { isWasmCrash } from '../errors.ts';
import type { NodeIo } from '../node-io.ts';
import type { TaskNode } from '../task.ts';
import type { ChainDeps } from './chain-runner.ts';
import type { FusedState } from './fused-state.ts';

/** What the tail needs from its chain. */
export interface TailParts {
  readonly io: NodeIo;
  readonly deps: ChainDeps;
  readonly fused: FusedState;
  /** The batches of the chain's last step (the tail's input), or how to compute them. */
  readonly input: readonly RecordBatch[] | (() => Promise<readonly RecordBatch[]>);
  /** The schema of that input, when `input` is computed only if needed (deferred.ts). */
  readonly schema?: Schema;
}

function mustStop(e: unknown, signal: AbortSignal): boolean {
  if (signal.aborted || isWasmCrash(e)) return true;
  return e instanceof PetroflowException && ['CANCELLED', 'WORKER_CRASHED'].includes(e.detail.code);
}

/** Runs the tail and reports its end; resolves to a thread-fatal error, if any. */
export async function runTail(
  tail: TaskNode,
  parts: TailParts,
): Promise<PetroflowError | undefined> {
  const { io, deps, fused } = parts;
  const ctx = deps.ctxFor(tail);
  const port = tail.port ?? 'input';
  const input = async (): Promise<Table> => {
    const list = typeof parts.input === 'function' ? await parts.input() : parts.input;
    const first = list[0];
    return first ? new Table(first.schema, [...list]) : new Table();
  };
  try {
    deps.enter(tail.nodeId);
    const params = tail.params as SqlParams;
    let result: Table | undefined;
    if (fused.tailReady) {
      try {
        const raw = await fused.tailQuery(sqlQueryText(params), port, deps.signal);
        result = restoreMetadata(raw, [parts.schema ?? (await input()).schema]);
      } catch (e) {
        if (mustStop(e, deps.signal)) throw sqlError(e, tail.nodeId);
      }
    }
    result ??= await sqlOperator.run({ [port]: await input() }, params, ctx);
    deps.signal.throwIfAborted();
    for (const b of result.batches) await io.emit(b);
    if (!io.emitted) await io.emit(new Batch(result.schema));
    await io.done();
    return undefined;
  } catch (e) {
    return io.end(e, deps.signal);
  }
}
