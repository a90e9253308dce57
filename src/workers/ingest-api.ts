/**
 * What the ingestion worker exposes (browser and Node entries alike): the file library's pure
 * readers from src/formats/library/summary.ts, with tables sent back as Arrow IPC stream bytes whose buffer is
 * transferred, never structured-cloned.
 */
import { tableToIPC } from 'apache-arrow';
import * as Comlink from 'comlink';
import { err, ok, type Result } from '../model/result.ts';
import { readFileTable, summariseFile } from '../formats/library/summary.ts';

/** The library summary of a file, as the readers produce it. */
export type IngestSummary = Awaited<ReturnType<typeof summariseFile>>;

/** The ingestion worker's API, shared by the worker entries and the main-thread client. */
export interface IngestWorkerApi {
  /** The library summary of `bytes` (never throws: a read failure is the summary's `error`). */
  summarise(name: string, bytes: Uint8Array): Promise<IngestSummary>;
  /** The whole file as Arrow IPC stream bytes, or the reader's message saying what is wrong. */
  readTable(name: string, bytes: Uint8Array): Promise<Result<Uint8Array, string>>;
}

/** Builds the API an ingestion worker exposes with comlink. */
export function createIngestApi(): IngestWorkerApi {
  return {
    summarise: (name, bytes) => summariseFile(name, bytes),
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
