/**
 * What the fused path (chain-runner.ts) needs from the SQL engine beyond `SqlEngine`: a stage, i.e.
 * one DuckDB table that lives across calls, so a chain of DuckDB-backed nodes inserts its input once
 * and computes every node's columns in one query per batch, and a final `sql` node reads the chain's
 * output straight from DuckDB instead of from a fresh Arrow insert. The worker's DuckDB host
 * implements it (src/workers/duckdb/stage.ts); an engine without it simply runs unfused.
 */
import type { Table } from 'apache-arrow';
import type { SqlEngine } from '../../operators/types.ts';

/** SQL text over the stage table, given that table's (quoted) name. */
export type StageSql = (table: string) => string;

/** One DuckDB-resident table for one fused chain; closed when the chain ends. */
export interface SqlStage {
  /** Appends the rows of `table` (creating the stage table with its columns on the first call). */
  append(table: Table, signal?: AbortSignal): Promise<void>;
  /** Drops the stage table (the next `append` creates it again, with that table's columns). */
  clear(): Promise<void>;
  /** Runs engine-built, read-only SQL over the stage table. */
  select(sql: StageSql, signal?: AbortSignal): Promise<Table>;
  /**
   * Runs a user's query (the `sql` operator's) with `port` visible as the rows of `view`, then
   * cleans up exactly as `SqlEngine.query` does after a query.
   */
  query(query: string, port: string, view: StageSql, signal?: AbortSignal): Promise<Table>;
  /** Drops the stage table; the stage cannot be used afterwards. */
  close(): Promise<void>;
}

/** A SQL engine that can open stages. */
export interface StagingSqlEngine extends SqlEngine {
  openStage(): SqlStage;
}

/** True when `sql` can open stages (the worker's DuckDB host can; test engines may not). */
export function canStage(sql: SqlEngine): sql is StagingSqlEngine {
  return typeof (sql as Partial<StagingSqlEngine>).openStage === 'function';
}
