/**
 * zlib deflate (RFC 1950) through the platform's CompressionStream/DecompressionStream, identical in
 * browsers and Node 20. Inflation counts bytes as they come out and stops at a cap, so a deflate
 * bomb costs at most the cap, never the bomb's full size.
 */
import type { Result } from '../model/result.ts';
import { err, ok } from '../model/result.ts';

/** Why inflation stopped. */
export type InflateFailure =
  { readonly kind: 'too-large' } | { readonly kind: 'corrupt'; readonly detail: string };

/** Compresses bytes as a zlib deflate stream. */
export async function deflateBytes(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([new Uint8Array(bytes)])
    .stream()
    .pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const SLICE = 4096;

/** Inflates a zlib deflate stream, giving up as soon as the output would exceed `maxBytes`. */
export async function inflateCapped(
  bytes: Uint8Array,
  maxBytes: number,
): Promise<Result<Uint8Array, InflateFailure>> {
  const ds = new DecompressionStream('deflate');
  const writer = ds.writable.getWriter();
  const reader = ds.readable.getReader();
  let stopped = false;
  // Feed small slices so the inflater never holds much more than one slice's worth of output.
  const feeding = (async () => {
    for (let i = 0; i < bytes.length && !stopped; i += SLICE)
      await writer.write(bytes.slice(i, i + SLICE));
    if (!stopped) await writer.close();
  })().catch(() => undefined);
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        stopped = true;
        await reader.cancel();
        await writer.abort().catch(() => undefined);
        return err({ kind: 'too-large' });
      }
      chunks.push(value);
    }
  } catch (e) {
    stopped = true;
    await writer.abort().catch(() => undefined);
    return err({ kind: 'corrupt', detail: e instanceof Error ? e.message : String(e) });
  }
  await feeding;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return ok(out);
}
