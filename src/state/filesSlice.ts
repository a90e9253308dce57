/**
 * The file library slice: reads each added file once for its summary (and, in the ingestion worker,
 * its SHA-256), then stores it. Each file leaves a User Timing measure `petroflow:add <name>` from
 * its start to its record being listed or refused, for profiles and the e2e test.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { FileRecord, FileSummary, StorageFailure } from '../storage/index.ts';
import { sha256Hex } from '../storage/index.ts';
import { isSha256Hex } from '../storage/files.ts';
import type { MaybeHashedSummary } from '../workers/ingest-api.ts';
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

/**
 * Splits the SHA-256 the ingestion worker sends with a summary (`sha256`, see
 * src/workers/ingest-api.ts) from the summary to store. A missing or malformed hash is dropped:
 * storage then hashes the bytes itself.
 */
export function takeHash(s: MaybeHashedSummary): { summary: FileSummary; hash?: string } {
  if (!('sha256' in s)) return { summary: s };
  const { sha256, ...summary } = s;
  return isSha256Hex(sha256) ? { summary, hash: sha256 } : { summary };
}

/** Creates the files slice. */
export function filesSlice(deps: StoreDeps): StateCreator<AppState, [], [], FilesSlice> {
  return (set, get) => {
    /** Summarises (and hashes, in the worker) one file, stores it and lists it, or tells why not. */
    async function addOne(f: { name: string; bytes: Uint8Array }): Promise<void> {
      const kind = kindOf(f.name);
      if (!kind) {
        get().notify({
          kind: 'error',
          message: `"${f.name}" is not a LAS or CSV file: add files ending in .las or .csv.`,
        });
        return;
      }
      if (f.bytes.byteLength > MAX_FILE_BYTES) {
        get().notify({
          kind: 'error',
          message: `"${f.name}" is larger than 1 GiB; split it first.`,
        });
        return;
      }
      let read: MaybeHashedSummary;
      try {
        read = deps.summarise
          ? await deps.summarise(f.name, f.bytes)
          : { kind, columns: [], rows: 0, wells: [], warnings: [] };
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        read = { kind, columns: [], rows: 0, wells: [], warnings: [], error: { message } };
      }
      const { summary, hash } = takeHash(read);
      const stored = deps.storage
        ? await deps.storage.files.put(f.name, f.bytes, summary, hash)
        : undefined;
      if (stored && !stored.ok) {
        // Nothing of this file was stored; the library and the other files are as they were.
        get().notify({ kind: 'error', message: fileNotSavedText(f.name, stored.error) });
        return;
      }
      const record: FileRecord = stored
        ? stored.value
        : {
            name: f.name,
            size: f.bytes.byteLength,
            hash: hash ?? (await sha256Hex(f.bytes)),
            addedAt: Date.now(),
            where: 'idb',
            summary,
          };
      const before = get().files.find((x) => x.name === f.name);
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
      } else if (before && before.hash !== record.hash) {
        get().notify({
          kind: 'info',
          message: `Replaced "${f.name}" by the new file of the same name: results that read it are out of date until the next run.`,
        });
      }
    }

    return {
      files: [],

      async addFiles(pending) {
        for (const f of pending) {
          const t0 = performance.now();
          try {
            await addOne(f);
          } finally {
            performance.measure(`petroflow:add ${f.name}`, { start: t0, end: performance.now() });
          }
        }
      },

      async removeFile(name) {
        await deps.storage?.files.remove(name);
        set({ files: get().files.filter((f) => f.name !== name) });
      },
    };
  };
}
