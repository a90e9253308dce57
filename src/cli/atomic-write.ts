/**
 * Whole-or-nothing file writes for the CLI's outputs: data goes to a hidden temporary file beside
 * the target, then is renamed over it (atomic on one file system). A full disk leaves the target
 * as it was; Ctrl-C or a TERM signal while a write is in flight removes the temporary file before
 * the process ends by that signal (exit status 130 / 143 as usual).
 */
import { rmSync } from 'node:fs';
import { realpath, rename, rm, stat, writeFile } from 'node:fs/promises';

/** Temporary files being written now. */
const inFlight = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function onSignal(signal: NodeJS.Signals): void {
  for (const temp of inFlight) rmSync(temp, { force: true });
  inFlight.clear();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  // Ends the process by the same signal, as if no handler had been installed.
  process.kill(process.pid, signal);
}

function track(temp: string): void {
  if (inFlight.size === 0) for (const s of SIGNALS) process.on(s, onSignal);
  inFlight.add(temp);
}

function untrack(temp: string): void {
  inFlight.delete(temp);
  if (inFlight.size === 0) for (const s of SIGNALS) process.removeListener(s, onSignal);
}

/** What `path` is, symlinks followed ('other': a device, pipe or socket). */
async function kindOf(path: string): Promise<'file' | 'directory' | 'missing' | 'other'> {
  try {
    const s = await stat(path);
    return s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other';
  } catch {
    return 'missing';
  }
}

/**
 * Writes `data` to `target` whole or not at all; on failure the temporary file is removed and
 * `target` is untouched. A symlink is followed (its target is replaced, the link kept); a device
 * or pipe (`--trace /dev/stdout`) is written directly, as renaming over it would replace it.
 */
export async function writeFileAtomic(target: string, data: Uint8Array | string): Promise<void> {
  const kind = await kindOf(target);
  if (kind === 'other') return writeFile(target, data);
  const path = kind === 'file' ? await realpath(target) : target;
  const slash = path.lastIndexOf('/');
  const temp = `${path.slice(0, slash + 1)}.${path.slice(slash + 1)}.${process.pid}.partial`;
  track(temp);
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (e) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw e;
  } finally {
    untrack(temp);
  }
}
