/**
 * Refusals that DuckDB's configuration lock cannot make. `CALL enable_logging()` and its relatives
 * change logging despite `lock_configuration` (seen with DuckDB 1.4.3): every later query of the
 * worker would be recorded where other nodes' SQL can read it, and file storage crashes the wasm.
 * They are refused by name on the lexer's tokens (sql-lexer.ts), so quoting, case, comments and
 * CTEs do not hide them and strings or longer names (enable_logging_x) are not mistaken for them.
 * `query('...')` runs SQL text, so its argument must be one plain string, checked the same way.
 */
import { petroflowError, type PetroflowError } from '../../model/errors.ts';
import { err, ok, type Result } from '../../model/result.ts';
import { lexSql, lineColumn, type SqlToken } from './sql-lexer.ts';

/** Table functions that change DuckDB's logging (the settings themselves are locked). */
export const LOGGING_FUNCTIONS: ReadonlySet<string> = new Set([
  'enable_logging',
  'disable_logging',
  'truncate_duckdb_logs',
]);

/** How deep `query('... query(...) ...')` may nest before the guard gives up and refuses. */
const MAX_DEPTH = 4;

const isName = (t: SqlToken | undefined): boolean => t?.kind === 'word' || t?.kind === 'quoted';

/** `line L, column C` of the query; inside query() text, where that query() call is. */
function position(sql: string, at: number, outer: string): string {
  if (outer !== '') return outer;
  const { line, column } = lineColumn(sql, at);
  return `line ${line}, column ${column}`;
}

function loggingError(name: string, at: string): PetroflowError {
  return petroflowError(
    'PERMISSION',
    `SQL nodes cannot change DuckDB's logging: ${name}() (at ${at}) is not allowed, ` +
      'because it would record every later query of the worker. Remove it from the query.',
  );
}

function dynamicSqlError(at: string): PetroflowError {
  return petroflowError(
    'PERMISSION',
    `query() at ${at} must be given one plain quoted string ('SELECT ...'): SQL nodes ` +
      'do not run SQL text built at run time. Write the SELECT directly in the query instead.',
  );
}

function check(sql: string, depth: number, outer: string): Result<void, PetroflowError> {
  const tokens = lexSql(sql);
  for (const [i, t] of tokens.entries()) {
    if (!isName(t)) continue;
    // Positions are worked out only for a refusal (each costs a scan of the text before it).
    const pos = () => position(sql, t.start, outer);
    const at = () => `${pos()} of the query${outer === '' ? '' : ', inside query() text'}`;
    if (LOGGING_FUNCTIONS.has(t.text)) return err(loggingError(t.text, at()));
    if (t.text !== 'query' || tokens[i + 1]?.text !== '(' || tokens[i + 1]?.kind !== 'symbol')
      continue;
    const arg = tokens[i + 2];
    const close = tokens[i + 3];
    const literal = arg?.kind === 'string' && arg.plain === true;
    if (!literal || close?.kind !== 'symbol' || close.text !== ')' || depth >= MAX_DEPTH) {
      return err(dynamicSqlError(at()));
    }
    const inner = check(arg.text, depth + 1, pos());
    if (!inner.ok) return inner;
  }
  return ok(undefined);
}

/** Checks user SQL for what the lock-down cannot stop (see the module comment); PERMISSION if refused. */
export function checkUserSql(sql: string): Result<void, PetroflowError> {
  return check(sql, 0, '');
}

/**
 * Cheap pre-test for the after-query logging check: logging can only have been switched on by
 * SQL whose text names it or runs SQL text (the guard should already have refused both).
 */
export function mayTouchLogging(sql: string): boolean {
  return /logging|query/i.test(sql);
}
