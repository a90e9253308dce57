/** How the fused chain runner (chain-runner.ts, deferred.ts) tells errors apart. */
import { PetroflowException } from '../../model/errors.ts';
import { isWasmCrash } from '../errors.ts';

/** True when `e` is (or comes from) the run being cancelled. */
export function isCancel(e: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (e instanceof PetroflowException && e.detail.code === 'CANCELLED');
}

/** True for errors that end the whole chain rather than send it down the unfused path. */
export function isFatal(e: unknown, signal: AbortSignal): boolean {
  if (signal.aborted || isWasmCrash(e)) return true;
  return e instanceof PetroflowException && ['WORKER_CRASHED', 'CANCELLED'].includes(e.detail.code);
}
