/** The file library slice: reads each added file once for its summary, then stores it. */
import type { StateCreator } from 'zustand/vanilla';
import type { FileRecord, FileSummary, StorageFailure } from '../storage/index.ts';
import { sha256Hex } from '../storage/index.ts';
import type { AppState, FilesSlice, StoreDeps } from './types.ts';

/** Largest file accepted (the browser must hold it in memory while reading). */
export const MAX_FILE_BYTES = 1024 * 1024 * 1024;

function kindOf(name: string): 'las' | 'csv' | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.las')) return 'las';
  if (lower.endsWith('.csv') || lower.endsWith('.txt') || lower.endsWith('.tsv')) return 'csv';
  return undefined;
}

/** The user's message for a file the browser refused to store. */
export function fileNotSavedText(name: string, f: StorageFailure): string {
  const why =
    f.reason === 'quota'
      ? "the browser's storage for Petroflow is full. Free space (remove files you no longer need, or other sites' data)"
      : `the browser refused to store it (${f.detail}). Try again later or in another browser`;
  return `"${name}" was not added: ${why}, then add it again.`;
}

/** Creates the files slice. */
export function filesSlice(deps: StoreDeps): StateCreator<AppState, [], [], FilesSlice> {
  return (set, get) => ({
    files: [],

    async addFiles(pending) {
      for (const f of pending) {
        const kind = kindOf(f.name);
        if (!kind) {
          get().notify({
            kind: 'error',
            message: `"${f.name}" is not a LAS or CSV file: add files ending in .las or .csv.`,
          });
          continue;
        }
        if (f.bytes.byteLength > MAX_FILE_BYTES) {
          get().notify({
            kind: 'error',
            message: `"${f.name}" is larger than 1 GiB; split it first.`,
          });
          continue;
        }
        let summary: FileSummary;
        try {
          summary = deps.summarise
            ? await deps.summarise(f.name, f.bytes)
            : { kind, columns: [], rows: 0, wells: [], warnings: [] };
        } catch (e) {
          summary = {
            kind,
            columns: [],
            rows: 0,
            wells: [],
            warnings: [],
            error: { message: e instanceof Error ? e.message : String(e) },
          };
        }
        const stored = deps.storage
          ? await deps.storage.files.put(f.name, f.bytes, summary)
          : undefined;
        if (stored && !stored.ok) {
          // Nothing of this file was stored; the library and the other files are as they were.
          get().notify({ kind: 'error', message: fileNotSavedText(f.name, stored.error) });
          continue;
        }
        const record: FileRecord = stored
          ? stored.value
          : {
              name: f.name,
              size: f.bytes.byteLength,
              hash: await sha256Hex(f.bytes),
              addedAt: Date.now(),
              where: 'idb',
              summary,
            };
        set({
          files: [...get().files.filter((x) => x.name !== f.name), record].sort((a, b) =>
            a.name.localeCompare(b.name),
          ),
        });
        if (summary.error) {
          const where = summary.error.line ? ` (line ${summary.error.line})` : '';
          get().notify({
            kind: 'error',
            message: `"${f.name}" cannot be read${where}: ${summary.error.message}`,
          });
        }
      }
    },

    async removeFile(name) {
      await deps.storage?.files.remove(name);
      set({ files: get().files.filter((f) => f.name !== name) });
    },
  });
}
