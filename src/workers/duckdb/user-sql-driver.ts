/**
 * The driver through which user SQL reaches DuckDB (the host's `query` and the stages of fused
 * chains): every statement text passes the SQL guard first, and a query still running after the
 * wall-clock limit is cancelled (`cancelPendingQuery`) and fails. Pending queries hand control
 * back between ~100 ms slices, so the worker keeps sending heartbeats and the pool's deadline never
 * fires, and DuckDB 1.4 has no query timeout setting: without this a recursive CTE with no stop
 * condition ran for ever.
 */
import { petroflowError, PetroflowException, type PetroflowError } from '../../model/errors.ts';
import type { DuckDbDriver } from './driver.ts';
import { checkUserSql } from './sql-guard.ts';

/** Default wall-clock limit of one user query: 5 minutes. */
export const DEFAULT_QUERY_TIME_LIMIT_MS = 300_000;

/** Checks a query time limit (a whole number of milliseconds, at least 1). */
export function checkQueryTimeLimit(ms: number): number {
  if (Number.isSafeInteger(ms) && ms >= 1) return ms;
  throw new PetroflowException(
    petroflowError(
      'INTERNAL',
      `DuckDB query time limit ${String(ms)} is not a whole number of milliseconds of at least 1.`,
    ),
  );
}

/** The error of a query stopped at the limit (says what happened and what to look for). */
export function queryTimeLimitError(limitMs: number): PetroflowError {
  const seconds = limitMs >= 10_000 ? Math.round(limitMs / 1000) : limitMs / 1000;
  return petroflowError(
    'SQL_ERROR',
    `The query ran for more than ${seconds} s and was stopped. Does it have a recursive CTE ` +
      'without a stop condition, or a join without a condition (every row paired with every ' +
      'row)? Otherwise filter or aggregate the data earlier so it finishes sooner.',
  );
}

/** Wraps `driver` so statement texts are guarded and pending queries end at `limitMs`. */
export function userSqlDriver(driver: DuckDbDriver, limitMs: number): DuckDbDriver {
  checkQueryTimeLimit(limitMs);
  const started = new Map<number, number>();
  return {
    connect: () => driver.connect(),
    disconnect: (conn) => {
      started.delete(conn);
      return driver.disconnect(conn);
    },
    startPendingQuery: async (conn, sql) => {
      const verdict = checkUserSql(sql);
      if (!verdict.ok) throw new PetroflowException(verdict.error);
      started.set(conn, Date.now());
      return driver.startPendingQuery(conn, sql);
    },
    pollPendingQuery: async (conn) => {
      const since = started.get(conn);
      if (since !== undefined && Date.now() - since > limitMs) {
        started.delete(conn);
        await driver.cancelPendingQuery(conn);
        throw new PetroflowException(queryTimeLimitError(limitMs));
      }
      return driver.pollPendingQuery(conn);
    },
    cancelPendingQuery: (conn) => {
      started.delete(conn);
      return driver.cancelPendingQuery(conn);
    },
    fetchQueryResults: (conn) => driver.fetchQueryResults(conn),
    insertArrowIpc: (conn, name, ipc, append) => driver.insertArrowIpc(conn, name, ipc, append),
    registerFileBuffer: (name, bytes) => driver.registerFileBuffer(name, bytes),
    dropFile: (name) => driver.dropFile(name),
    terminate: () => driver.terminate(),
  };
}
