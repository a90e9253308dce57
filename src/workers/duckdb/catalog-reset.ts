/**
 * Keeps queries independent: after each user query, every object its SQL may have created
 * (tables, views, macros, sequences, types, schemas, attached in-memory databases, secrets) is
 * dropped, and logging switched on by a query is switched off again (`stopLogging`).
 * Connection state (temp tables, variables, prepared statements, USE) goes with the connection,
 * which the host closes after each query. Listing the catalog costs ~80 ms (duckdb_functions()
 * alone ~50 ms), so it runs only when the SQL text could have created something; otherwise only
 * the input tables are dropped (~1 ms), which matters for per-batch expressions.
 */
import { petroflowError, PetroflowException } from '../../model/errors.ts';
import type { DuckDbDriver } from './driver.ts';
import { runPendingQuery } from './run-query.ts';

/** Quotes an SQL identifier. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** One row per user-made object: its kind and name, in the order they must be dropped. */
const listing = `
  SELECT 'database' AS kind, database_name AS name, 0 AS ord
    FROM duckdb_databases() WHERE NOT internal AND database_name <> 'memory'
  UNION ALL SELECT 'schema', schema_name, 1 FROM duckdb_schemas()
    WHERE database_name = 'memory' AND NOT internal AND schema_name <> 'main'
  UNION ALL SELECT 'view', view_name, 2 FROM duckdb_views()
    WHERE database_name = 'memory' AND NOT internal
  UNION ALL SELECT 'table', table_name, 3 FROM duckdb_tables() WHERE database_name = 'memory'
  UNION ALL SELECT function_type, function_name, 4 FROM duckdb_functions()
    WHERE database_name = 'memory' AND NOT internal AND function_type IN ('macro', 'table_macro')
  UNION ALL SELECT 'sequence', sequence_name, 5 FROM duckdb_sequences() WHERE database_name = 'memory'
  UNION ALL SELECT 'type', type_name, 6 FROM duckdb_types()
    WHERE database_name = 'memory' AND NOT internal
  UNION ALL SELECT CASE WHEN persistent THEN 'persistent_secret' ELSE 'secret' END, name, 7
    FROM duckdb_secrets()
  ORDER BY ord`;

function dropStatement(kind: string, name: string): string | undefined {
  const q = quoteIdent(name);
  const main = `memory.main.${q}`;
  switch (kind) {
    case 'database':
      return `DETACH ${q}`;
    case 'schema':
      return `DROP SCHEMA IF EXISTS memory.${q} CASCADE`;
    case 'view':
      return `DROP VIEW IF EXISTS ${main} CASCADE`;
    case 'table':
      return `DROP TABLE IF EXISTS ${main} CASCADE`;
    case 'macro':
      return `DROP MACRO IF EXISTS ${main}`;
    case 'table_macro':
      return `DROP MACRO TABLE IF EXISTS ${main}`;
    case 'sequence':
      return `DROP SEQUENCE IF EXISTS ${main} CASCADE`;
    case 'type':
      return `DROP TYPE IF EXISTS ${main}`;
    // Lock-down refuses persistent secrets (allow_persistent_secrets=false); dropped all the same.
    case 'secret':
      return `DROP TEMPORARY SECRET IF EXISTS ${q}`;
    case 'persistent_secret':
      return `DROP PERSISTENT SECRET IF EXISTS ${q}`;
    default:
      return undefined;
  }
}

/**
 * True when `sql` may create catalog objects: only CREATE, ALTER (a renamed input), ATTACH, PIVOT (enum types)
 * and IMPORT do. Conservative: a match inside a string or comment also counts.
 */
export function mayCreateObjects(sql: string): boolean {
  return /\b(create|alter|attach|pivot|import)\b/i.test(sql);
}

/** Drops the given tables of the in-memory database (the inputs of one query). */
export async function dropTables(driver: DuckDbDriver, names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  const conn = await driver.connect();
  try {
    const sql = names.map((n) => `DROP TABLE IF EXISTS memory.main.${quoteIdent(n)} CASCADE;`);
    await runPendingQuery(driver, conn, sql.join(' '));
  } finally {
    await driver.disconnect(conn);
  }
}

/**
 * Drops every user-made object of the in-memory database (see the module comment), except the
 * tables named in `keep` (open stages of fused chains, src/workers/duckdb/stage.ts).
 */
export async function resetCatalog(
  driver: DuckDbDriver,
  keep: ReadonlySet<string> = new Set(),
): Promise<void> {
  const conn = await driver.connect();
  try {
    const rows = await runPendingQuery(driver, conn, listing);
    const kinds = rows.getChild('kind');
    const names = rows.getChild('name');
    const statements = new Set<string>();
    for (let i = 0; i < rows.numRows; i++) {
      const kind = String(kinds?.get(i));
      const name = String(names?.get(i));
      if (kind === 'table' && keep.has(name)) continue;
      const stmt = dropStatement(kind, name);
      if (stmt !== undefined) statements.add(stmt);
    }
    for (const stmt of statements) await runPendingQuery(driver, conn, stmt);
  } finally {
    await driver.disconnect(conn);
  }
}

/**
 * Switches DuckDB's logging off and empties its log when a query switched it on (the SQL guard
 * should have refused that query: this is the second line), then fails with PERMISSION so the
 * query that did it does not pass as a success.
 */
export async function stopLogging(driver: DuckDbDriver): Promise<void> {
  const conn = await driver.connect();
  try {
    const sql = "SELECT CAST(current_setting('enable_logging') AS BOOLEAN) AS logging";
    const on = await runPendingQuery(driver, conn, sql);
    if (on.getChild('logging')?.get(0) !== true) return;
    await runPendingQuery(driver, conn, 'CALL disable_logging(); CALL truncate_duckdb_logs();');
  } finally {
    await driver.disconnect(conn);
  }
  throw new PetroflowException(
    petroflowError(
      'PERMISSION',
      "SQL nodes cannot change DuckDB's logging: the query switched it on, so it was switched " +
        'off again and its log emptied. Remove the logging call from the query.',
    ),
  );
}
