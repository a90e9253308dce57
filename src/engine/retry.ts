/**
 * The retry policy. Only a lost worker is retried: a crash (the thread exited, threw at top level,
 * ran out of memory or its WebAssembly trapped) or a timeout (no sign of life past the deadline).
 * Those say nothing certain about the node, so its segment runs again on a fresh worker. Errors a
 * node reports itself (SQL, parameters, operator failures) and cancellations would only repeat, so
 * they are final. The node blamed for a crash gets at most `maxAttempts` attempts in a run; then it
 * fails with an error saying how many times it brought the worker down.
 */
import type { PetroflowError } from '../model/errors.ts';
import { petroflowError } from '../model/errors.ts';
import type { ErrorSubject } from './errors.ts';

/** Attempts a node blamed for worker crashes gets in one run (the first run plus two retries). */
export const DEFAULT_MAX_ATTEMPTS = 3;

/** True for a lost worker (crash or timeout): the only failures worth running again. */
export function isRetryable(error: PetroflowError | undefined): boolean {
  return error?.code === 'WORKER_CRASHED' || error?.code === 'WORKER_TIMEOUT';
}

/** The first clause of an error message (before advice such as "; it was replaced"). */
function cause(error: PetroflowError): string {
  return (error.message.split(/;\s/)[0] ?? error.message).trim();
}

/** Why a node is queued again: which attempt comes next and what happened to the last one. */
export function retryReason(culprit: string, error: PetroflowError, next: number): string {
  return `retrying (attempt ${next}): the worker was lost while node '${culprit}' ran (${cause(error)})`;
}

/** The final error of a node blamed for `crashes` worker crashes or timeouts (oldest first). */
export function crashedTooOften(
  subject: ErrorSubject,
  crashes: readonly PetroflowError[],
): PetroflowError {
  const last = crashes[crashes.length - 1] ?? petroflowError('WORKER_CRASHED', 'worker lost');
  const hangs = crashes.filter((c) => c.code === 'WORKER_TIMEOUT').length;
  const verb = hangs === crashes.length ? 'hung' : hangs === 0 ? 'crashed' : 'crashed or hung';
  return petroflowError(
    last.code,
    `Node '${subject.nodeId}' (${subject.op}@${subject.version}) ${verb} the worker ${crashes.length} time${crashes.length === 1 ? '' : 's'}, so it was not retried again (last time: ${cause(last)}). Each time the worker was replaced. Check this node's input size and parameters, then run again.`,
    { nodeId: subject.nodeId, op: subject.op },
  );
}
