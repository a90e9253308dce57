/**
 * The locked-down DuckDB host: the `SqlEngine` that operators use through `RunContext.sql`. One
 * instance per pool worker; operations run one at a time. Inputs reach SQL only as Arrow tables
 * registered for one query under their port names and dropped afterwards; CSV bytes pass through
 * the single allowed file slot. User SQL goes through `userSqlDriver` (the SQL guard and a
 * wall-clock limit per query). A wasm crash marks the host dead: later calls fail fast with
 * WORKER_CRASHED, and the pool replaces the worker.
 */
import type { DataType, RecordBatch, Table } from 'apache-arrow';
import { batchFromColumns, nullData } from '../../operators/tables/arrow-util.ts';
import { batchToIpc, tableToChunks } from '../../engine/ipc.ts';
import { petroflowError, PetroflowException, type PetroflowError } from '../../model/errors.ts';
import {
  dropTables,
  mayCreateObjects,
  quoteIdent,
  resetCatalog,
  stopLogging,
} from './catalog-reset.ts';
import type { DuckDbDriver, DuckDbHostOptions } from './driver.ts';
import { classifyDuckDbError, isWasmCrash } from './errors.ts';
import { CSV_SLOT, lockdownStatements } from './lockdown.ts';
import { runPendingQuery } from './run-query.ts';
import { mayTouchLogging } from './sql-guard.ts';
import {
  checkQueryTimeLimit,
  DEFAULT_QUERY_TIME_LIMIT_MS,
  userSqlDriver,
} from './user-sql-driver.ts';
import { csvError, readCsvSql, readCsvWithPolicy } from './csv.ts';
import { prepareCsv } from './csv-prepare.ts';
import { decimalCommaWarning } from './csv-decimal-hint.ts';
import { autoDelimiter } from './csv-delimiter.ts';
import { withCsvWarnings } from './csv-warnings.ts';
import { openStage, STAGE_PREFIX } from './stage.ts';
import type { SqlStage, StagingSqlEngine } from '../../engine/fusion/stage.ts';
import { readCsvPart } from './csv-stream.ts';
import type { CsvSettings, CsvStreamPart } from '../../operators/types.ts';
import { ok } from '../../model/result.ts';

/** Names under which input tables may be registered (the `sql` operator's port-name rule). */
export const TABLE_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** Settings of a host: the driver's, plus the wall-clock limit of one user query. */
export interface SqlHostOptions extends DuckDbHostOptions {
  /** Milliseconds a user query may run before it is cancelled (default 5 minutes). */
  readonly queryTimeLimitMs?: number;
}

/** Throws BAD_PARAMS unless `name` may name an input table. */
function checkTableName(name: string): void {
  if (TABLE_NAME_PATTERN.test(name) && !name.toLowerCase().startsWith(STAGE_PREFIX)) return;
  throw new PetroflowException(
    petroflowError(
      'BAD_PARAMS',
      `Input table name "${name}" is not allowed: use a letter or _ then up to 63 letters, digits or _.`,
    ),
  );
}

/** One batch of no rows with the columns of `table` (a slice of its first batch when it has one). */
function emptyBatch(table: Table): RecordBatch {
  const first = table.batches[0];
  if (first) return first.slice(0, 0);
  const children = table.schema.fields.map((f) => nullData(f.type as DataType, 0));
  return batchFromColumns(table.schema, children, 0);
}

/** A DuckDB instance, locked down, serving `SqlEngine` calls (see the module comment). */
export class DuckDbHost implements StagingSqlEngine {
  private crash: PetroflowError | undefined;
  /** Whether an insert's row count was verified on this instance (see `checkRowCount`). */
  private insertsVerified = false;
  private queue: Promise<unknown> = Promise.resolve();
  /** Names of the open stages' tables (kept by catalog resets). */
  private readonly stages = new Set<string>();
  private stageCount = 0;
  /** The driver for user SQL: guarded and time-limited (user-sql-driver.ts). */
  private readonly userDriver: DuckDbDriver;

  private constructor(
    private readonly driver: DuckDbDriver,
    /** The `memory_limit` in force (e.g. `2GB`). */
    readonly memoryLimit: string,
    /** The wall-clock limit of one user query, in milliseconds. */
    readonly queryTimeLimitMs: number,
  ) {
    this.userDriver = userSqlDriver(driver, queryTimeLimitMs);
  }

  /** Locks down a fresh instance from `driver`; no user SQL has run on it before. */
  static async create(
    driver: DuckDbDriver,
    options: SqlHostOptions,
    defaultMemoryLimit: string,
  ): Promise<DuckDbHost> {
    const timeLimit = options.queryTimeLimitMs ?? DEFAULT_QUERY_TIME_LIMIT_MS;
    checkQueryTimeLimit(timeLimit);
    const limit = options.memoryLimit ?? defaultMemoryLimit;
    const statements = lockdownStatements(limit);
    const conn = await driver.connect();
    for (const stmt of statements) await runPendingQuery(driver, conn, stmt);
    await driver.disconnect(conn);
    await driver.registerFileBuffer(CSV_SLOT, new Uint8Array(0));
    return new DuckDbHost(driver, limit, timeLimit);
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
      for (const name of Object.keys(tables)) checkTableName(name);
      const conn = await this.driver.connect();
      return this.withCleanup(
        async () => {
          for (const [name, table] of Object.entries(tables))
            await this.insertTable(conn, name, table, false);
          return runPendingQuery(this.userDriver, conn, sql, signal);
        },
        async () => {
          await this.driver.disconnect(conn);
          if (mayCreateObjects(sql)) await resetCatalog(this.driver, this.stages);
          else await dropTables(this.driver, Object.keys(tables));
          if (mayTouchLogging(sql)) await stopLogging(this.driver);
        },
      );
    });
  }

  /**
   * Opens a stage: one internal table that lives across calls until closed, for a fused chain of
   * DuckDB-backed nodes (src/engine/fusion); see stage.ts.
   */
  openStage(): SqlStage {
    const name = `${STAGE_PREFIX}${++this.stageCount}`;
    this.stages.add(name);
    return openStage(name, {
      driver: this.userDriver,
      exclusive: (op) => this.exclusive(op),
      // The stage's only cleanup follows a user query: logging is checked after it too.
      withCleanup: (op, cleanup) =>
        this.withCleanup(op, async () => {
          await cleanup();
          await stopLogging(this.driver);
        }),
      insert: (conn, table, data, append) => this.insertTable(conn, table, data, append),
      reset: () => resetCatalog(this.driver, this.stages),
      checkName: (n) => checkTableName(n),
      release: (n) => this.stages.delete(n),
    });
  }

  /** Inserts `table` as table `name` (or appends to it), in chunks of about 1 MiB. */
  private async insertTable(
    conn: number,
    name: string,
    table: Table,
    append: boolean,
  ): Promise<void> {
    // Chunks of about 1 MiB, the first creating the table (unless appending) and the others
    // appending (no big joined buffer: see CHUNK_BYTES in ipc.ts).
    // A table with no rows goes in as one empty batch: DuckDB refuses a stream with none ("must
    // have at least one column"), which failed any query over an empty input (a filter that kept
    // no rows).
    const chunks = table.numRows === 0 ? [batchToIpc(emptyBatch(table))] : tableToChunks(table);
    for (const [i, chunk] of chunks.entries())
      await this.driver.insertArrowIpc(conn, name, chunk, append || i > 0);
    if (!this.insertsVerified && !append) await this.checkRowCount(conn, name, table.numRows);
  }

  /**
   * Reads CSV bytes with DuckDB's sniffer through the internal file slot, after `prepareCsv`
   * (UTF-8 transcoding, refusing empty/binary/LAS files) and with the policy of csv.ts. Warnings
   * come back in the schema metadata `csv.warnings` (a JSON array of strings, see source.csv's `tableWarnings`).
   */
  readCsv(
    name: string,
    bytes: Uint8Array,
    options: CsvSettings & { stream?: CsvStreamPart },
  ): Promise<Table> {
    return this.exclusive(async () => {
      readCsvSql(CSV_SLOT, name, options);
      // A later part of a streamed file continues checked UTF-8 text (csv-stream.ts).
      const prepared =
        options.stream?.part === 'next' ? ok({ bytes, warnings: [] }) : prepareCsv(name, bytes);
      if (!prepared.ok) throw new PetroflowException(prepared.error);
      const { bytes: utf8, warnings } = prepared.value;
      // A first part or whole file with "auto": a delimiter every head record agrees on wins.
      const delimiter =
        options.delimiter === 'auto' && options.stream?.part !== 'next'
          ? autoDelimiter(utf8, options.decimal)
          : options.delimiter;
      await this.driver.dropFile(CSV_SLOT);
      await this.driver.registerFileBuffer(CSV_SLOT, utf8);
      const conn = await this.driver.connect();
      return this.withCleanup(
        async () => {
          try {
            const run = (sql: string) => runPendingQuery(this.driver, conn, sql);
            const { stream } = options;
            const o: CsvSettings = { ...options, delimiter };
            const read = stream
              ? await readCsvPart(run, CSV_SLOT, name, utf8, { ...o, stream })
              : await readCsvWithPolicy(run, CSV_SLOT, name, utf8, o);
            const hint =
              options.decimal === ',' || stream?.part === 'next'
                ? undefined
                : decimalCommaWarning(name, read.table);
            const all = [...warnings, ...read.warnings, ...(hint ? [hint] : [])];
            return withCsvWarnings(read.table, all);
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
