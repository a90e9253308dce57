/**
 * The file library: metadata in IndexedDB, bytes in IndexedDB for small files and in the Origin
 * Private File System for large ones (where the browser has it), so big LAS files do not bloat IDB.
 */
import type { PetroflowDb } from './db.ts';
import type { FileRecord, FileSummary } from './records.ts';
import { readAllChecked, type CorruptReport } from './quarantine.ts';
import { opfsAvailable, opfsDelete, opfsRead, opfsWrite } from './opfs.ts';

/** Files at least this large go to the OPFS when available. */
export const OPFS_THRESHOLD = 4 * 1024 * 1024;

/** Hex SHA-256 of some bytes (file identity in run fingerprints). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Stored input files by name. */
export class FileRepository {
  constructor(private readonly db: PetroflowDb) {}

  /** Every valid file record, sorted by name, and the records that had to be set aside. */
  async list(): Promise<{ records: FileRecord[]; corrupt: CorruptReport[] }> {
    const r = await readAllChecked<FileRecord>(this.db, 'files');
    r.records.sort((a, b) => a.name.localeCompare(b.name));
    return r;
  }

  /** Adds or replaces a file; metadata and (small) bytes are written in one transaction. */
  async put(name: string, bytes: Uint8Array, summary: FileSummary): Promise<FileRecord> {
    const hash = await sha256Hex(bytes);
    const useOpfs = bytes.byteLength >= OPFS_THRESHOLD && (await opfsAvailable());
    if (useOpfs) await opfsWrite(name, bytes);
    const record: FileRecord = {
      name,
      size: bytes.byteLength,
      hash,
      addedAt: Date.now(),
      where: useOpfs ? 'opfs' : 'idb',
      summary,
    };
    const tx = this.db.transaction(['files', 'fileBytes'], 'readwrite');
    await Promise.all([
      tx.objectStore('files').put(record, name),
      useOpfs
        ? tx.objectStore('fileBytes').delete(name)
        : tx.objectStore('fileBytes').put(bytes, name),
      tx.done,
    ]);
    return record;
  }

  /** The bytes of a stored file, or undefined when it is not in the library. */
  async read(name: string): Promise<Uint8Array | undefined> {
    const tx = this.db.transaction(['files', 'fileBytes'], 'readonly');
    const [meta, bytes] = await Promise.all([
      tx.objectStore('files').get(name),
      tx.objectStore('fileBytes').get(name),
      tx.done,
    ]);
    if (meta === undefined) return undefined;
    if (bytes instanceof Uint8Array) return bytes;
    const where = (meta as { where?: unknown }).where;
    return where === 'opfs' ? opfsRead(name) : undefined;
  }

  /** Removes a file (metadata and bytes in one transaction; OPFS bytes afterwards). */
  async remove(name: string): Promise<void> {
    const tx = this.db.transaction(['files', 'fileBytes'], 'readwrite');
    await Promise.all([
      tx.objectStore('files').delete(name),
      tx.objectStore('fileBytes').delete(name),
      tx.done,
    ]);
    if (await opfsAvailable()) await opfsDelete(name);
  }
}
