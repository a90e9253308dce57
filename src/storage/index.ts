/** The storage facade that src/state uses: one object per open database. */
import { openPetroflowDb, DB_NAME, DB_VERSION, type PetroflowDb } from './db.ts';
import { PipelineRepository } from './pipelines.ts';
import { FileRepository } from './files.ts';
import { RunRepository } from './runs.ts';
import { listQuarantine } from './quarantine.ts';

export type { PipelineRecord, FileRecord, FileSummary, RunRecord, ColumnInfo } from './records.ts';
export type { CorruptReport } from './quarantine.ts';
export type { SaveConflict, SaveProblem } from './pipelines.ts';
export type { StorageFailure } from './atomic.ts';
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

/** Options of openStorage. */
export interface OpenStorageOptions {
  /** The open waits for another tab that holds an older version open (tell the user why). */
  readonly onBlocked?: () => void;
}

/** Opens the database (migrating it) and returns the repositories. */
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
  const db: PetroflowDb = await openPetroflowDb(name, DB_VERSION, {
    blocked: () => options.onBlocked?.(),
    blocking: () => tell('upgrade'),
    terminated: () => tell('terminated'),
  });
  return {
    pipelines: new PipelineRepository(db),
    files: new FileRepository(db),
    runs: new RunRepository(db),
    quarantine: () => listQuarantine(db),
    onVersionChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => db.close(),
  };
}
