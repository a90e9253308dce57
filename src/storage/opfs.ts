/** Origin Private File System helpers (large file bytes); every call tolerates its absence. */

const DIR = 'petroflow-files';

/**
 * Bytes handed to the OPFS per write call. One write of a 60 MB file was a 250-470 ms main-thread
 * task in Chromium here (the bytes are copied on the calling thread); in 4 MB pieces no task of the
 * write passed 71 ms, for about 0.2-0.6 s more until the file is stored.
 */
export const OPFS_WRITE_PIECE = 4 * 1024 * 1024;

async function dir(): Promise<FileSystemDirectoryHandle | undefined> {
  const storage = (globalThis.navigator as Navigator | undefined)?.storage;
  if (!storage || typeof storage.getDirectory !== 'function') return undefined;
  try {
    const root = await storage.getDirectory();
    return await root.getDirectoryHandle(DIR, { create: true });
  } catch {
    return undefined;
  }
}

/**
 * The OPFS entry of a file's bytes: the encoded name (OPFS names cannot hold every character a user
 * file name may), plus a version (a hash prefix) so new bytes never overwrite the ones a stored
 * record still points at. Without a version: the entry written before versions existed.
 */
export function opfsKey(name: string, version?: string): string {
  const base = encodeURIComponent(name);
  return version ? `${base}.v-${version.slice(0, 16)}` : base;
}

/** True when this browser offers a writable OPFS. */
export async function opfsAvailable(): Promise<boolean> {
  const d = await dir();
  if (!d) return false;
  try {
    const probe = (await d.getFileHandle('.probe', { create: true })) as FileSystemFileHandle & {
      createWritable?: unknown;
    };
    return typeof probe.createWritable === 'function';
  } catch {
    return false; // e.g. storage full: the bytes then go to IndexedDB, which reports the quota
  }
}

/**
 * Writes bytes under `key` (from opfsKey). The browser writes to a side file that replaces the
 * entry only on close, so a failed write (storage full) is abandoned and nothing half-written stays.
 */
export async function opfsWrite(key: string, bytes: Uint8Array): Promise<void> {
  const d = await dir();
  if (!d) throw new Error('The Origin Private File System is not available in this browser.');
  const existed = await d.getFileHandle(key).then(
    () => true,
    () => false,
  );
  const handle = await d.getFileHandle(key, { create: true });
  const w = await handle.createWritable();
  try {
    for (let at = 0; at < bytes.byteLength; at += OPFS_WRITE_PIECE) {
      const end = Math.min(at + OPFS_WRITE_PIECE, bytes.byteLength);
      await w.write(bytes.subarray(at, end) as Uint8Array<ArrayBuffer>);
    }
    await w.close();
  } catch (e) {
    await w.abort().catch(() => undefined);
    if (!existed) await opfsDelete(key);
    throw e;
  }
}

/** Reads the bytes under `key`, or undefined when absent. */
export async function opfsRead(key: string): Promise<Uint8Array | undefined> {
  const d = await dir();
  if (!d) return undefined;
  try {
    const file = await (await d.getFileHandle(key)).getFile();
    return new Uint8Array(await file.arrayBuffer());
  } catch {
    return undefined;
  }
}

/** Deletes the bytes under `key` (absent is fine). */
export async function opfsDelete(key: string): Promise<void> {
  const d = await dir();
  if (!d) return;
  try {
    await d.removeEntry(key);
  } catch {
    // absent already
  }
}

/** An entry of the OPFS folder of file bytes, with when it was last written. */
export interface OpfsEntry {
  readonly key: string;
  readonly lastModified: number;
}

/** Every entry of the folder (none where the OPFS is absent). */
export async function opfsEntries(): Promise<OpfsEntry[]> {
  const d = await dir();
  if (!d || typeof d.keys !== 'function') return [];
  const out: OpfsEntry[] = [];
  for await (const key of d.keys()) {
    try {
      const file = await (await d.getFileHandle(key)).getFile();
      out.push({ key, lastModified: file.lastModified });
    } catch {
      // a folder, or removed meanwhile: not ours to judge
    }
  }
  return out;
}

interface LockManagerLike {
  request<T>(
    name: string,
    options: { mode: 'shared' | 'exclusive'; ifAvailable?: boolean },
    callback: (lock: unknown) => Promise<T>,
  ): Promise<T>;
}

const FILES_LOCK = 'petroflow-opfs-files';

function lockManager(): LockManagerLike | undefined {
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
  return nav?.locks && typeof nav.locks.request === 'function' ? nav.locks : undefined;
}

/**
 * Runs a write of file bytes (OPFS, then its IndexedDB record) under the shared files lock, so the
 * clean-up of unreferenced OPFS entries (held exclusively) never runs between the two steps.
 */
export function withFilesWrite<T>(body: () => Promise<T>): Promise<T> {
  const locks = lockManager();
  return locks ? locks.request(FILES_LOCK, { mode: 'shared' }, body) : body();
}

/**
 * Runs `body` when no tab is writing file bytes (the exclusive files lock; skipped, giving
 * undefined, when a write is going). Without Web Locks `body` runs with `exact` false: it must
 * then spare entries recent enough to be a write in flight.
 */
export async function whenNoFilesWrite<T>(
  body: (exact: boolean) => Promise<T>,
): Promise<T | undefined> {
  const locks = lockManager();
  if (!locks) return body(false);
  return locks.request(FILES_LOCK, { mode: 'exclusive', ifAvailable: true }, (lock) =>
    lock === null ? Promise.resolve(undefined) : body(true),
  );
}
