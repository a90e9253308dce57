/**
 * Ranged reads of bound files for hosts whose `FileAccess` has no `open`: the range travels in the
 * file name given to `FileAccess.read` (`NAME`, a NUL, then `range:OFFSET:LENGTH`), so it passes
 * unchanged through every layer between an operator and the run's `FileProvider` (worker messages,
 * the scheduler), and the provider answers with just those bytes. No real file name contains a
 * NUL, and a provider that does not know the form rejects it as an unknown file, which makes the
 * caller read the file whole instead.
 */
import type { FileAccess, RangedFile } from './types.ts';

const MARK = '\u0000range:';

/** The name under which `FileAccess.read` returns `length` bytes of `name` from `offset`. */
export function rangedFileName(name: string, offset: number, length: number): string {
  return `${name}${MARK}${offset}:${length}`;
}

/** The file name and range of a ranged name; undefined for a plain file name. */
export function parseRangedFileName(
  request: string,
): { name: string; offset: number; length: number } | undefined {
  const at = request.lastIndexOf(MARK);
  if (at < 0) return undefined;
  const m = /^(\d{1,15}):(\d{1,15})$/.exec(request.slice(at + MARK.length));
  if (!m) return undefined;
  return { name: request.slice(0, at), offset: Number(m[1]), length: Number(m[2]) };
}

/**
 * Opens `name` for ranged reads and reads its first `length` bytes; undefined when the host cannot
 * serve ranges (the caller then reads the file whole, which reports any real reading error).
 */
export async function openRanged(
  files: FileAccess,
  name: string,
  length: number,
): Promise<{ file: RangedFile; head: Uint8Array } | undefined> {
  const file: RangedFile = files.open
    ? await files.open(name)
    : { read: async (offset, n) => (await files.read(rangedFileName(name, offset, n))).bytes };
  try {
    const head = await file.read(0, length);
    return head.length <= length ? { file, head } : undefined;
  } catch {
    return undefined;
  }
}
