/**
 * The locked-down DuckDB host: the `SqlEngine` that operators use through `RunContext.sql`. One
 * instance per pool worker; operations run one at a time. Inputs reach SQL only as Arrow tables
 * registered for one query under their port names and dropped afterwards; CSV bytes pass through
 * the single allowed file slot. A wasm crash marks the host dead: later calls fail fast with
 * WORKER_CRASHED, and the pool replaces the worker.
 */
import type { Table } from 'apache-arrow';
import { tableToChunks } from '../../engine/ipc.ts';
import { petroflowError, PetroflowException, type PetroflowError } from '../../model/errors.ts';
import type { SqlEngine } from '../../operators/types.ts';
import { dropTables, mayCreateObjects, quoteIdent, resetCatalog } from './catalog-reset.ts';
import type { DuckDbDriver, DuckDbHostOptions } from './driver.ts';
import { classifyDuckDbError, isWasmCrash } from './errors.ts';
import { CSV_SLOT, lockdownStatements } from './lockdown.ts';
import { runPendingQuery } from './run-query.ts';
import { csvError, readCsvSql, readCsvWithPolicy } from './csv.ts';
import { prepareCsv } from './csv-prepare.ts';
import { withCsvWarnings } from './csv-warnings.ts';

/** Names under which input tables may be registered (the `sql` operator's port-name rule). */
export const TABLE_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** A DuckDB instance, locked down, serving `SqlEngine` calls (see the module comment). */
export class DuckDbHost implements SqlEngine {
  private crash: PetroflowError | undefined;
  /** Whether an insert's row count was verified on this instance (see `checkRowCount`). */
  private insertsVerified = false;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly driver: DuckDbDriver,
    /** The `memory_limit` in force (e.g. `2GB`). */
    readonly memoryLimit: string,
  ) {}

  /** Locks down a fresh instance from `driver`; no user SQL has run on it before. */
  static async create(
    driver: DuckDbDriver,
    options: DuckDbHostOptions,
    defaultMemoryLimit: string,
  ): Promise<DuckDbHost> {
    const limit = options.memoryLimit ?? defaultMemoryLimit;
    const statements = lockdownStatements(limit);
    const conn = await driver.connect();
    for (const stmt of statements) await runPendingQuery(driver, conn, stmt);
    await driver.disconnect(conn);
    await driver.registerFileBuffer(CSV_SLOT, new Uint8Array(0));
    return new DuckDbHost(driver, limit);
  }

  /** True once the wasm instance has crashed; the pool should replace this worker. */
  isDead(): boolean {
    return this.crash !== undefined;
  }

  /** Runs `sql` with each entry of `tables` visible under its name for this query only. */
  query(
    sql: string,
    tables: Readonly<Record<string, Table>>,
    signal?: AbortSignal,
  ): Promise<Table> {
    return this.exclusive(async () => {
      for (const name of Object.keys(tables)) {
        if (!TABLE_NAME_PATTERN.test(name)) {
          throw new PetroflowException(
            petroflowError(
              'BAD_PARAMS',
              `Input table name "${name}" is not allowed: use a letter or _ then up to 63 letters, digits or _.`,
            ),
          );
        }
      }
      const conn = await this.driver.connect();
      return this.withCleanup(
        async () => {
          for (const [name, table] of Object.entries(tables)) {
            // Chunks of about 1 MiB, the first creating the table and the others appending (no
            // big joined buffer: see CHUNK_BYTES in ipc.ts).
            const chunks = tableToChunks(table);
            for (const [i, chunk] of chunks.entries())
              await this.driver.insertArrowIpc(conn, name, chunk, i > 0);
            if (!this.insertsVerified) await this.checkRowCount(conn, name, table.numRows);
          }
          return runPendingQuery(this.driver, conn, sql, signal);
        },
        async () => {
          await this.driver.disconnect(conn);
          if (mayCreateObjects(sql)) await resetCatalog(this.driver);
          else await dropTables(this.driver, Object.keys(tables));
        },
      );
    });
  }

  /**
   * Reads CSV bytes with DuckDB's sniffer through the internal file slot, after `prepareCsv`
   * (UTF-8 transcoding, refusing empty/binary/LAS files) and with the policy of csv.ts. Warnings
   * come back in the schema metadata `csv.warnings` (a JSON array of strings, see `csvWarnings`).
   */
  readCsv(
    name: string,
    bytes: Uint8Array,
    options: { delimiter: string; header: boolean },
  ): Promise<Table> {
    return this.exclusive(async () => {
      readCsvSql(CSV_SLOT, name, options);
      const prepared = prepareCsv(name, bytes);
      if (!prepared.ok) throw new PetroflowException(prepared.error);
      const { bytes: utf8, warnings } = prepared.value;
      await this.driver.dropFile(CSV_SLOT);
      await this.driver.registerFileBuffer(CSV_SLOT, utf8);
      const conn = await this.driver.connect();
      return this.withCleanup(
        async () => {
          try {
            const run = (sql: string) => runPendingQuery(this.driver, conn, sql);
            const read = await readCsvWithPolicy(run, CSV_SLOT, name, utf8, options);
            return withCsvWarnings(read.table, [...warnings, ...read.warnings]);
          } catch (e) {
            if (isWasmCrash(e)) throw e;
            throw csvError(name, CSV_SLOT, classifyDuckDbError(e, this.memoryLimit));
          }
        },
        async () => {
          await this.driver.disconnect(conn);
          await this.driver.dropFile(CSV_SLOT);
          await this.driver.registerFileBuffer(CSV_SLOT, new Uint8Array(0));
        },
      );
    });
  }

  /** Releases the instance; later calls fail. */
  async close(): Promise<void> {
    this.crash ??= petroflowError('WORKER_CRASHED', 'The DuckDB host was closed.');
    await this.driver.terminate();
  }

  /**
   * Guards against Arrow IPC that DuckDB reads as fewer rows (seen with two Arrow copies: nothing
   * inserted, nothing raised). That is a property of the build, so one non-empty insert per
   * instance is checked; each check is a query, which per-batch expressions cannot afford.
   */
  private async checkRowCount(conn: number, name: string, expected: number): Promise<void> {
    const counted = await runPendingQuery(
      this.driver,
      conn,
      `SELECT count(*)::DOUBLE AS n FROM ${quoteIdent(name)}`,
    );
    const n: unknown = counted.getChild('n')?.get(0);
    if (n !== expected) {
      throw new PetroflowException(
        petroflowError(
          'INTERNAL',
          `Input table "${name}" reached DuckDB with ${String(n)} of ${expected} rows (an Arrow version mismatch?).`,
        ),
      );
    }
    if (expected > 0) this.insertsVerified = true;
  }

  /**
   * Runs `op`, then `cleanup` whatever happened. The error of `op` wins; a failing cleanup after a
   * success is reported (it leaves the instance in an unknown state, e.g. after a crash).
   */
  private async withCleanup<T>(op: () => Promise<T>, cleanup: () => Promise<void>): Promise<T> {
    let result: { value: T } | undefined;
    let failure: unknown;
    try {
      result = { value: await op() };
    } catch (e) {
      failure = e;
    }
    try {
      await cleanup();
    } catch (e) {
      if (isWasmCrash(e)) this.crash ??= classifyDuckDbError(e, this.memoryLimit);
      if (result !== undefined) throw e;
    }
    if (result === undefined) throw failure;
    return result.value;
  }

  /** Runs `op` after every earlier operation, failing fast on a dead instance. */
  private exclusive<T>(op: () => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      if (this.crash) throw new PetroflowException(this.crash);
      try {
        return await op();
      } catch (e) {
        const detail = classifyDuckDbError(e, this.memoryLimit);
        if (isWasmCrash(e) || detail.code === 'WORKER_CRASHED') this.crash ??= detail;
        throw new PetroflowException(this.crash ?? detail);
      }
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }
}
