/** Expected failures are values: a `Result` is either `{ ok: true, value }` or `{ ok: false, error }`. */
export type Result<T, E> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

/** Wraps a success value. */
export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

/** Wraps an expected failure. */
export function err<E>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}

/** Marks a switch as exhaustive: the compiler proves `x` is `never`, and at run time it throws. */
export function exhaustiveSwitchError(x: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(x)}`);
}
