/**
 * The file library: metadata in IndexedDB, bytes in IndexedDB for small files and in the Origin
 * Private File System for large ones (where the browser has it), so big LAS files do not bloat IDB.
 */
import type { PetroflowDb } from './db.ts';
import { checkFileRecord, type FileRecord, type FileSummary } from './records.ts';
import { readAllChecked, type CorruptReport } from './quarantine.ts';
import {
  opfsAvailable,
  opfsDelete,
  opfsEntries,
  opfsKey,
  opfsRead,
  opfsWrite,
  whenNoFilesWrite,
  withFilesWrite,
} from './opfs.ts';
import { atomically, storageFailure, type StorageFailure } from './atomic.ts';
import { err, ok, type Result } from '../model/result.ts';
import { isObject } from '../model/validate-context.ts';
import { sha256Hex } from '../model/sha256.ts';

/** Files at least this large go to the OPFS when available. */
export const OPFS_THRESHOLD = 4 * 1024 * 1024;

/** Without Web Locks, an unreferenced OPFS entry younger than this may be a write in flight. */
export const OPFS_ORPHAN_GRACE_MS = 3600 * 1000;

/** True for a lower-case hex SHA-256 (64 characters), the form `put` accepts as a known hash. */
export function isSha256Hex(v: unknown): v is string {
  return typeof v === 'string' && /^[0-9a-f]{64}$/.test(v);
}

/** The app's file hash (src/model/sha256.ts), for callers of the storage index. */
export { sha256Hex };

/** Stored input files by name. */
export class FileRepository {
  constructor(private readonly db: PetroflowDb) {}

  /** Every valid file record, sorted by name, and the records that had to be set aside. */
  async list(): Promise<{ records: FileRecord[]; corrupt: CorruptReport[] }> {
    const r = await readAllChecked<FileRecord>(this.db, 'files');
    r.records.sort((a, b) => a.name.localeCompare(b.name));
    return r;
  }

  /**
   * Adds or replaces a file; metadata and (small) bytes are written in one transaction. Large bytes
   * go to the OPFS first under a new entry, so a refused write (storage full) leaves the previous
   * version of the file, its record and every other file as they were. `knownHash` is the bytes'
   * SHA-256 when the caller has it (hashed off the main thread): it is then not hashed again; a
   * malformed one is refused and nothing is written.
   */
  put(
    name: string,
    bytes: Uint8Array,
    summary: FileSummary,
    knownHash?: string,
  ): Promise<Result<FileRecord, StorageFailure>> {
    return withFilesWrite(() => this.putNow(name, bytes, summary, knownHash));
  }

  private async putNow(
    name: string,
    bytes: Uint8Array,
    summary: FileSummary,
    knownHash?: string,
  ): Promise<Result<FileRecord, StorageFailure>> {
    if (knownHash !== undefined && !isSha256Hex(knownHash)) {
      const shown = JSON.stringify(String(knownHash).slice(0, 80));
      const detail = `InvalidHash: "${name}" came with the hash ${shown}, not 64 lower-case hex characters; it was not stored.`;
      return err({ kind: 'failed', reason: 'unknown', detail });
    }
    const hash = knownHash ?? (await sha256Hex(bytes));
    const useOpfs = bytes.byteLength >= OPFS_THRESHOLD && (await opfsAvailable());
    const key = opfsKey(name, hash);
    let before: string[];
    try {
      before = await this.opfsKeys(name);
    } catch (e) {
      return err(storageFailure(e)); // the database is closed or unreadable: nothing was written
    }
    const written = useOpfs && !before.includes(key);
    if (written) {
      try {
        await opfsWrite(key, bytes);
      } catch (e) {
        return err(storageFailure(e));
      }
    }
    const record: FileRecord = {
      name,
      size: bytes.byteLength,
      hash,
      addedAt: Date.now(),
      where: useOpfs ? 'opfs' : 'idb',
      summary,
    };
    // Requests one after another: a request that throws at once leaves no promise unobserved.
    const r = await atomically(this.db, ['files', 'fileBytes'], async (tx) => {
      await tx.objectStore('files').put(record, name);
      if (useOpfs) await tx.objectStore('fileBytes').delete(name);
      else await tx.objectStore('fileBytes').put(bytes, name);
    });
    if (!r.ok) {
      if (written) await opfsDelete(key);
      return r;
    }
    for (const k of before) if (!useOpfs || k !== key) await opfsDelete(k);
    return ok(record);
  }

  /** OPFS entries that may hold bytes of the stored file `name` (none when it is kept in IDB). */
  private async opfsKeys(name: string): Promise<string[]> {
    const meta: unknown = await this.db.get('files', name);
    const checked = meta === undefined ? undefined : checkFileRecord(meta);
    if (!checked?.ok || checked.value.where !== 'opfs') return [];
    return [opfsKey(name, checked.value.hash), opfsKey(name)];
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
    const checked = checkFileRecord(meta);
    if (!checked.ok || checked.value.where !== 'opfs') return undefined;
    return (await opfsRead(opfsKey(name, checked.value.hash))) ?? opfsRead(opfsKey(name));
  }

  /** Removes a file (metadata and bytes in one transaction; OPFS bytes afterwards). */
  remove(name: string): Promise<void> {
    return withFilesWrite(() => this.removeNow(name));
  }

  private async removeNow(name: string): Promise<void> {
    const keys = await this.opfsKeys(name);
    const tx = this.db.transaction(['files', 'fileBytes'], 'readwrite');
    await Promise.all([
      tx.objectStore('files').delete(name),
      tx.objectStore('fileBytes').delete(name),
      tx.done,
    ]);
    for (const k of keys) await opfsDelete(k);
  }

  /**
   * Deletes OPFS entries no file record points at (left when a tab closed between writing the
   * bytes and their record, or between removing a record and its bytes): big files would
   * otherwise hold the disk forever. Runs only while no tab writes files (see whenNoFilesWrite);
   * gives how many entries were deleted.
   */
  async tidyOpfs(now = Date.now()): Promise<number> {
    const r = await whenNoFilesWrite(async (exact) => {
      const entries = await opfsEntries();
      if (entries.length === 0) return 0;
      const used = new Set<string>(['.probe']);
      // Names whose every entry stays: damaged records (here or set aside), which may be repaired.
      const whole: string[] = [];
      for (const m of await this.db.getAll('files')) {
        const c = checkFileRecord(m);
        if (c.ok && c.value.where === 'opfs') {
          // Its bytes: this version, or the entry written before entries had versions.
          used.add(opfsKey(c.value.name, c.value.hash)).add(opfsKey(c.value.name));
        } else if (!c.ok) {
          const name = isObject(m) && typeof m.name === 'string' ? m.name : undefined;
          if (name === undefined) return 0; // cannot tell which bytes it had: keep everything
          whole.push(name);
        }
      }
      for (const q of await this.db.getAll('quarantine'))
        if (q.store === 'files') whole.push(q.key);
      for (const name of whole)
        for (const e of entries)
          if (e.key === opfsKey(name) || e.key.startsWith(`${opfsKey(name)}.v-`)) used.add(e.key);
      let gone = 0;
      for (const e of entries) {
        if (used.has(e.key) || (!exact && e.lastModified > now - OPFS_ORPHAN_GRACE_MS)) continue;
        await opfsDelete(e.key);
        gone++;
      }
      return gone;
    });
    return r ?? 0;
  }
}
