/** The storage facade that src/state uses: one object per open database. */
import { openDB } from 'idb';
import { openPetroflowDb, DB_NAME, DB_VERSION, type PetroflowDb } from './db.ts';
import { PipelineRepository } from './pipelines.ts';
import { FileRepository } from './files.ts';
import { RunRepository } from './runs.ts';
import { listQuarantine } from './quarantine.ts';
import { tidyStorage } from './trash.ts';
import { isQuotaError } from './atomic.ts';

export type { PipelineRecord, FileRecord, FileSummary, RunRecord, ColumnInfo } from './records.ts';
export type { CorruptReport } from './quarantine.ts';
export type { SaveConflict, SaveProblem } from './pipelines.ts';
export type { StorageFailure } from './atomic.ts';
export type { PurgeReport } from './trash.ts';
export { TRASH_KEPT_MS } from './trash.ts';
export type { TrashEntry, TrashRestore } from './trashEntries.ts';
export { openTabChannel, type TabChannel, type SavedMessage } from './channel.ts';
export { DB_NAME, DB_VERSION } from './db.ts';
export { sha256Hex } from './files.ts';

/** Why this tab's database connection closed or must close. */
export type VersionChange = 'upgrade' | 'terminated';

/**
 * Told when the database must close (another tab opened a newer Petroflow: `upgrade`) or was
 * closed by the browser (`terminated`). For `upgrade`, the listener saves what is pending and then
 * calls `Storage.close()`, which lets the other tab's upgrade through.
 */
export type VersionChangeListener = (why: VersionChange) => void;

/** Everything Petroflow keeps in the browser. */
export interface Storage {
  readonly pipelines: PipelineRepository;
  readonly files: FileRepository;
  readonly runs: RunRepository;
  quarantine(): Promise<unknown[]>;
  /** Subscribes to version changes; without any listener the connection closes at once. */
  onVersionChange(listener: VersionChangeListener): () => void;
  close(): void;
}

/**
 * Why the database could not be opened. `newer`: a newer Petroflow already upgraded it (this
 * page is an older build, e.g. a tab left open across an update): reloading gets the newer build;
 * nothing may be written meanwhile. `failed`: the browser refused (private mode, storage off).
 */
export class StorageOpenError extends Error {
  constructor(
    readonly kind: 'newer' | 'failed',
    message: string,
    readonly stored?: number,
  ) {
    super(message);
    this.name = 'StorageOpenError';
  }
}

async function storedVersion(name: string): Promise<number | undefined> {
  try {
    const db = await openDB(name);
    const v = db.version;
    db.close();
    return v;
  } catch {
    return undefined;
  }
}

async function openFailure(name: string, e: unknown): Promise<StorageOpenError> {
  const why =
    e instanceof Error || e instanceof DOMException ? `${e.name}: ${e.message}` : String(e);
  if (e instanceof DOMException && e.name === 'VersionError') {
    const stored = await storedVersion(name);
    return new StorageOpenError(
      'newer',
      `Your Petroflow data was last opened by a newer version of Petroflow (data version ${stored ?? 'unknown'}; this page reads up to ${DB_VERSION}). Reload the page (close other Petroflow tabs first if it stays old) to get the newer version; until then nothing is saved, so your newer data is left untouched.`,
      stored,
    );
  }
  const full = isQuotaError(e)
    ? " The browser's storage is full: free space on the disk, then reload."
    : '';
  return new StorageOpenError(
    'failed',
    `Petroflow could not open its browser storage (${why}); what was stored before is unchanged.${full} In a private window, or with site data blocked, nothing can be kept: allow site data for this page and reload.`,
  );
}

/** Options of openStorage. */
export interface OpenStorageOptions {
  /** The open waits for another tab that holds an older version open (tell the user why). */
  readonly onBlocked?: () => void;
}

/**
 * Opens the database (migrating it) and returns the repositories. Before returning it purges
 * what outlived its use (trash entries past TRASH_KEPT_MS with their runs, runs of pipelines that
 * exist nowhere, OPFS bytes no file record points at); a failure there is left for the next open.
 */
export async function openStorage(
  name: string = DB_NAME,
  options: OpenStorageOptions = {},
): Promise<Storage> {
  const listeners = new Set<VersionChangeListener>();
  let told = false;
  const tell = (why: VersionChange) => {
    if (told) return;
    told = true;
    if (listeners.size === 0 && why === 'upgrade') db.close();
    for (const l of listeners) l(why);
  };
  let db: PetroflowDb;
  try {
    db = await openPetroflowDb(name, DB_VERSION, {
      blocked: () => options.onBlocked?.(),
      blocking: () => tell('upgrade'),
      terminated: () => tell('terminated'),
    });
  } catch (e) {
    throw await openFailure(name, e);
  }
  await tidyStorage(db);
  const files = new FileRepository(db);
  await files.tidyOpfs().catch(() => 0); // an OPFS that fails here is tried again next open
  return {
    pipelines: new PipelineRepository(db),
    files,
    runs: new RunRepository(db),
    quarantine: () => listQuarantine(db),
    onVersionChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => db.close(),
  };
}
