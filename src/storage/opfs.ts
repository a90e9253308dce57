/** Origin Private File System helpers (large file bytes); every call tolerates its absence. */

const DIR = 'petroflow-files';

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

/** OPFS file names cannot hold every character a user file name may; encode them. */
function key(name: string): string {
  return encodeURIComponent(name);
}

/** True when this browser offers a writable OPFS. */
export async function opfsAvailable(): Promise<boolean> {
  const d = await dir();
  if (!d) return false;
  const probe = (await d.getFileHandle('.probe', { create: true })) as FileSystemFileHandle & {
    createWritable?: unknown;
  };
  return typeof probe.createWritable === 'function';
}

/** Writes a file's bytes. */
export async function opfsWrite(name: string, bytes: Uint8Array): Promise<void> {
  const d = await dir();
  if (!d) throw new Error('The Origin Private File System is not available in this browser.');
  const handle = await d.getFileHandle(key(name), { create: true });
  const w = await handle.createWritable();
  await w.write(bytes as Uint8Array<ArrayBuffer>);
  await w.close();
}

/** Reads a file's bytes, or undefined when absent. */
export async function opfsRead(name: string): Promise<Uint8Array | undefined> {
  const d = await dir();
  if (!d) return undefined;
  try {
    const file = await (await d.getFileHandle(key(name))).getFile();
    return new Uint8Array(await file.arrayBuffer());
  } catch {
    return undefined;
  }
}

/** Deletes a file's bytes (absent is fine). */
export async function opfsDelete(name: string): Promise<void> {
  const d = await dir();
  if (!d) return;
  try {
    await d.removeEntry(key(name));
  } catch {
    // absent already
  }
}
