/** The storage facade that src/state uses: one object per open database. */
import { openPetroflowDb, DB_NAME, type PetroflowDb } from './db.ts';
import { PipelineRepository } from './pipelines.ts';
import { FileRepository } from './files.ts';
import { RunRepository } from './runs.ts';
import { listQuarantine } from './quarantine.ts';

export type { PipelineRecord, FileRecord, FileSummary, RunRecord, ColumnInfo } from './records.ts';
export type { CorruptReport } from './quarantine.ts';
export type { SaveConflict } from './pipelines.ts';
export { openTabChannel, type TabChannel, type SavedMessage } from './channel.ts';
export { DB_NAME, DB_VERSION } from './db.ts';
export { sha256Hex } from './files.ts';

/** Everything Petroflow keeps in the browser. */
export interface Storage {
  readonly pipelines: PipelineRepository;
  readonly files: FileRepository;
  readonly runs: RunRepository;
  quarantine(): Promise<unknown[]>;
  close(): void;
}

/** Opens the database (migrating it) and returns the repositories. */
export async function openStorage(name: string = DB_NAME): Promise<Storage> {
  const db: PetroflowDb = await openPetroflowDb(name);
  return {
    pipelines: new PipelineRepository(db),
    files: new FileRepository(db),
    runs: new RunRepository(db),
    quarantine: () => listQuarantine(db),
    close: () => db.close(),
  };
}
