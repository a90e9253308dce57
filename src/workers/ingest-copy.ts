/**
 * Copies bytes for a worker without a long main-thread task: one `slice()` of 60 MB took 0.46-4 s on
 * the main thread in Chromium here (allocation and page faults), so the copy is made a few MB at a
 * time, letting the page draw frames and answer input between the pieces.
 */

/** Bytes copied per task. */
export const COPY_PIECE_BYTES = 2 * 1024 * 1024;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A copy of `bytes` in a new buffer of its own, made piece by piece between other tasks. */
export async function copyInPieces(
  bytes: Uint8Array,
  piece = COPY_PIECE_BYTES,
): Promise<Uint8Array<ArrayBuffer>> {
  const copy = new Uint8Array(bytes.byteLength);
  for (let at = 0; at < bytes.byteLength; at += piece) {
    if (at > 0) await nextTask();
    copy.set(bytes.subarray(at, Math.min(at + piece, bytes.byteLength)), at);
  }
  return copy;
}

/** The bytes as a buffer the worker may own: the original when it is a whole buffer, else a copy. */
export async function handOver(bytes: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  const whole =
    bytes.buffer instanceof ArrayBuffer &&
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength;
  return whole ? new Uint8Array(bytes.buffer) : copyInPieces(bytes);
}
