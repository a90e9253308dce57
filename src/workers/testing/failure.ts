/** Test helper: the PetroflowError a promise rejects with (other rejections are rethrown). */
import { PetroflowException, type PetroflowError } from '../../model/errors.ts';

/** Awaits `p` and returns the detail of the PetroflowException it rejects with; fails if it resolves. */
export async function failure(p: Promise<unknown>): Promise<PetroflowError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof PetroflowException) return e.detail;
    throw e;
  }
  throw new Error('expected a rejection');
}
