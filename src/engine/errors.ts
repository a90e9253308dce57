/** Turning whatever an operator throws into a PetroflowError that names the node and operator. */
import type { PetroflowError } from '../model/errors.ts';
import { PetroflowException, petroflowError } from '../model/errors.ts';

/** The node an error is about. */
export interface ErrorSubject {
  readonly nodeId: string;
  readonly op: string;
  readonly version: string;
}

function isPlainError(e: unknown): e is PetroflowError {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as { code?: unknown }).code === 'string' &&
    typeof (e as { message?: unknown }).message === 'string' &&
    !(e instanceof Error)
  );
}

/** True for a WebAssembly trap (e.g. DuckDB's "memory access out of bounds"): the thread is unsafe. */
export function isWasmCrash(e: unknown): boolean {
  if (typeof WebAssembly !== 'undefined' && e instanceof WebAssembly.RuntimeError) return true;
  const message = e instanceof Error ? e.message : '';
  return /memory access out of bounds|RuntimeError: unreachable/i.test(message);
}

/** A PetroflowError for `e` thrown while running `subject`, keeping a specific code when given. */
export function nodeError(e: unknown, subject: ErrorSubject): PetroflowError {
  const where = { nodeId: subject.nodeId, op: subject.op };
  if (e instanceof PetroflowException) return { ...where, ...e.detail };
  if (isPlainError(e)) return { ...where, ...e };
  const cause = e instanceof Error ? e.message : String(e);
  if (isWasmCrash(e)) {
    return petroflowError(
      'WORKER_CRASHED',
      `Node '${subject.nodeId}' (${subject.op}@${subject.version}) crashed the worker's SQL engine: ${cause}. The worker was replaced; reduce the data or simplify the query and run again.`,
      where,
    );
  }
  return petroflowError(
    'NODE_FAILED',
    `Node '${subject.nodeId}' (${subject.op}@${subject.version}) failed: ${cause}`,
    where,
  );
}

/** The error of a node stopped by cancellation. */
export function cancelledError(subject: ErrorSubject): PetroflowError {
  return petroflowError(
    'CANCELLED',
    `Node '${subject.nodeId}' (${subject.op}) was cancelled before it finished.`,
    { nodeId: subject.nodeId, op: subject.op },
  );
}
