/**
 * What the ingestion worker exposes (browser and Node entries alike): the file library's pure
 * readers from src/formats/library/summary.ts, with tables sent back as Arrow IPC stream bytes whose buffer is
 * transferred, never structured-cloned. A summary comes with the file's SHA-256, hashed in the same
 * pass, so the main thread never hashes a large file.
 */
import { tableToIPC } from 'apache-arrow';
import * as Comlink from 'comlink';
import { err, ok, type Result } from '../model/result.ts';
import { readFileTable, summariseFile } from '../formats/library/summary.ts';
import { sha256Hex } from '../model/sha256.ts';

/** The library summary of a file, as the readers produce it. */
export type IngestSummary = Awaited<ReturnType<typeof summariseFile>>;

/** A summary with the lower-case hex SHA-256 of the same bytes (the file library's identity). */
export type HashedSummary = IngestSummary & { readonly sha256: string };

/** A summary whose hash may be missing (the reader stopped or failed): checked before use. */
export type MaybeHashedSummary = IngestSummary & { readonly sha256?: string };

/** The ingestion worker's API, shared by the worker entries and the main-thread client. */
export interface IngestWorkerApi {
  /**
   * The library summary of `bytes` and their SHA-256 (a read failure is the summary's `error`, and
   * the file is still hashed: it is stored all the same).
   */
  summarise(name: string, bytes: Uint8Array): Promise<HashedSummary>;
  /** The whole file as Arrow IPC stream bytes, or the reader's message saying what is wrong. */
  readTable(name: string, bytes: Uint8Array): Promise<Result<Uint8Array, string>>;
}

/** Builds the API an ingestion worker exposes with comlink. */
export function createIngestApi(): IngestWorkerApi {
  return {
    async summarise(name, bytes) {
      // Both read the same bytes (neither changes them); Web Crypto may hash while the reader runs.
      const [sha256, summary] = await Promise.all([sha256Hex(bytes), summariseFile(name, bytes)]);
      return { ...summary, sha256 };
    },
    async readTable(name, bytes) {
      const read = await readFileTable(name, bytes);
      if (!read.ok) return read;
      let ipc: Uint8Array;
      try {
        ipc = tableToIPC(read.value, 'stream');
      } catch (e) {
        return err(`${name}: the table could not be encoded (${String(e)}).`);
      }
      return Comlink.transfer(ok(ipc), [ipc.buffer as ArrayBuffer]);
    },
  };
}
