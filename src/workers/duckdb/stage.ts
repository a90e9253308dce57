/**
 * Stages of the DuckDB host (the engine's `SqlStage`, src/engine/fusion/stage.ts): one internal
 * table per fused chain that lives across calls, so a chain inserts its input once. The table has
 * a reserved name the catalog reset leaves alone while the stage is open. A `sql` tail's query sees
 * the chain's rows under its port name as a view; a query that could tell a view from a table
 * (writes, catalog reads, rowid...) gets a real table copied from it instead. Cleanup after that
 * query is the same as after `DuckDbHost.query`.
 */
import type { Table } from 'apache-arrow';
import type { SqlStage, StageSql } from '../../engine/fusion/stage.ts';
import { petroflowError, PetroflowException } from '../../model/errors.ts';
import { mayCreateObjects, quoteIdent } from './catalog-reset.ts';
import type { DuckDbDriver } from './driver.ts';
import { runPendingQuery } from './run-query.ts';

/** Prefix of stage table names (reserved: see `TABLE_NAME_PATTERN` users never get it). */
export const STAGE_PREFIX = '__petroflow_stage_';

/** What a stage needs from its host. */
export interface StageHost {
  readonly driver: DuckDbDriver;
  /** Runs `op` after every earlier host operation (crash detection included). */
  exclusive<T>(op: () => Promise<T>): Promise<T>;
  /** Runs `op`, then `cleanup` whatever happened (the host's rule for errors). */
  withCleanup<T>(op: () => Promise<T>, cleanup: () => Promise<void>): Promise<T>;
  /** Inserts `table` as (or appends it to) table `name` on `conn`. */
  insert(conn: number, name: string, table: Table, append: boolean): Promise<void>;
  /** Drops every user-made object except open stages. */
  reset(): Promise<void>;
  /** Validates a name under which a query sees an input. */
  checkName(name: string): void;
  /** Forgets a closed stage. */
  release(name: string): void;
}

/** Words of a query that could notice its input is a view, or change it: it gets a table. */
const NEEDS_TABLE =
  /\b(insert|update|delete|alter|drop|truncate|create|attach|detach|copy|pragma|describe|show|summarize|rowid|checkpoint|vacuum|set|reset|call|export|import|load|install|use|begin|commit|rollback|pivot|unpivot|duckdb_\w*|information_schema|pg_\w*|sqlite_\w*)\b/i;

/** Opens stage `name` on `host`. */
export function openStage(name: string, host: StageHost): SqlStage {
  const table = quoteIdent(name);
  let exists = false;
  let closed = false;
  const withConn = async <T>(op: (conn: number) => Promise<T>): Promise<T> => {
    if (closed) throw new PetroflowException(petroflowError('INTERNAL', 'This stage is closed.'));
    const conn = await host.driver.connect();
    try {
      return await op(conn);
    } finally {
      await host.driver.disconnect(conn);
    }
  };
  const drop = (conn: number) =>
    runPendingQuery(host.driver, conn, `DROP TABLE IF EXISTS memory.main.${table}`);
  return {
    append: (t, signal) =>
      host.exclusive(() =>
        withConn(async (conn) => {
          signal?.throwIfAborted();
          await host.insert(conn, name, t, exists);
          exists = true;
        }),
      ),
    clear: () =>
      host.exclusive(() =>
        withConn(async (conn) => {
          if (exists) await drop(conn);
          exists = false;
        }),
      ),
    select: (sql: StageSql, signal) =>
      host.exclusive(() =>
        withConn((conn) => runPendingQuery(host.driver, conn, sql(table), signal)),
      ),
    query: (query, port, view, signal) =>
      host.exclusive(async () => {
        host.checkName(port);
        const asTable = NEEDS_TABLE.test(query);
        const conn = await host.driver.connect();
        return host.withCleanup(
          async () => {
            const kind = asTable ? 'TABLE' : 'VIEW';
            await runPendingQuery(
              host.driver,
              conn,
              `CREATE ${kind} ${quoteIdent(port)} AS ${view(table)}`,
            );
            return runPendingQuery(host.driver, conn, query, signal);
          },
          async () => {
            await host.driver.disconnect(conn);
            if (mayCreateObjects(query)) await host.reset();
            else
              await withConn((c) =>
                runPendingQuery(
                  host.driver,
                  c,
                  `DROP ${asTable ? 'TABLE' : 'VIEW'} IF EXISTS memory.main.${quoteIdent(port)}`,
                ),
              );
          },
        );
      }),
    close: () =>
      host.exclusive(async () => {
        if (closed) return;
        try {
          await withConn(drop);
        } finally {
          closed = true;
          host.release(name);
        }
      }),
  };
}
