import { describe, expect, it } from 'vitest';
import { checkUserSql, mayTouchLogging } from './sql-guard.ts';
import { lexSql, lineColumn } from './sql-lexer.ts';

const refused = (sql: string): string | undefined => {
  const r = checkUserSql(sql);
  return r.ok ? undefined : `${r.error.code}: ${r.error.message}`;
};

describe('lexSql', () => {
  const words = (sql: string) =>
    lexSql(sql)
      .filter((t) => t.kind === 'word' || t.kind === 'quoted')
      .map((t) => t.text);

  it('keeps strings, comments and quoted names apart from code', () => {
    expect(words('SELECT \'a -- b\' AS "X""y" -- c d\nFROM t /* e /* f */ g */ WHERE u')).toEqual([
      'select',
      'as',
      'x"y',
      'from',
      't',
      'where',
      'u',
    ]);
    expect(lexSql("SELECT 'it''s'").at(-1)).toMatchObject({
      kind: 'string',
      text: "it's",
      plain: true,
    });
  });

  it('reads E-strings with backslash escapes and dollar-quoted strings as strings', () => {
    expect(words("SELECT E'it\\'s -- x', e'\\\\' AS a")).toEqual(['select', 'as', 'a']);
    expect(words("SELECT $$ a ' b $$, $tag$ c $$ d $tag$ AS z")).toEqual(['select', 'as', 'z']);
    const [, s] = lexSql("SELECT E'x'");
    expect(s?.kind).toBe('string');
    expect(s?.plain).toBeUndefined();
  });

  it('treats a name with $ inside as one word, and $1 as a parameter', () => {
    expect(words('SELECT a$b, $1, $name')).toEqual(['select', 'a$b', 'name']);
  });

  it('gives lines and columns for messages', () => {
    expect(lineColumn('a\nbc\r\nd', 6)).toEqual({ line: 3, column: 1 });
    expect(lineColumn('abc', 2)).toEqual({ line: 1, column: 3 });
  });
});

describe('checkUserSql', () => {
  it.each([
    'CALL enable_logging()',
    "CALL enable_logging('QueryLog', storage='file', storage_path='/tmp/x')",
    'call ENABLE_LOGGING ( )',
    'CALL "Enable_Logging"()',
    'CALL system.main.enable_logging()',
    '/* x */ CALL enable_logging/* c */()',
    '--c\nCALL\tenable_logging\n()',
    'WITH t AS (SELECT 1) SELECT * FROM t, enable_logging()',
    'SELECT (SELECT count(*) FROM enable_logging()) AS n',
    'CALL disable_logging()',
    'CALL truncate_duckdb_logs()',
    "SELECT 1; CALL enable_logging(level := 'trace')",
    "SELECT E'\\'' ; CALL enable_logging(); SELECT ''",
    'CREATE MACRO m() AS TABLE SELECT * FROM enable_logging()',
  ])('refuses the logging call in %s', (sql) => {
    expect(refused(sql)).toMatch(/^PERMISSION: SQL nodes cannot change DuckDB's logging/);
  });

  it('says where the call is', () => {
    expect(refused('SELECT 1;\n  CALL Enable_Logging()')).toMatch(
      /enable_logging\(\) \(at line 2, column 8 of the query\)/,
    );
  });

  it.each([
    "SELECT 'enable_logging' AS s, 1 AS enable_logging_x",
    '-- CALL enable_logging()\nSELECT 1',
    '/* /* */ CALL enable_logging() */ SELECT 1',
    "SELECT E'\\' CALL enable_logging() --' AS s",
    'SELECT $$ CALL enable_logging() $$ AS s',
    "SELECT * FROM duckdb_logs WHERE message LIKE '%enable_logging%'",
    "SELECT * FROM query('SELECT 42 AS a')",
    'SELECT query, query_table FROM t',
    "SELECT * FROM query_table('t')",
  ])('accepts %s', (sql) => {
    expect(refused(sql)).toBeUndefined();
  });

  it.each([
    "SELECT * FROM query('SELECT * FROM enable_logging()')",
    "SELECT * FROM query('SELECT * FROM query(''SELECT * FROM \"enable_logging\"()'')')",
  ])('refuses a logging call inside query() text: %s', (sql) => {
    expect(refused(sql)).toMatch(
      /logging: enable_logging\(\) \(at line 1, column 15 of the query, inside query\(\) text\)/,
    );
  });

  it.each([
    "SELECT * FROM query('SELECT * FROM enable_' || 'logging()')",
    "SELECT * FROM query('SELECT * FROM enable_'\n'logging()')",
    "SELECT * FROM query(E'SELECT * FROM enable\\x5flogging()')",
    'SELECT * FROM query($$SELECT 1$$)',
    "SELECT * FROM query(getvariable('q'))",
    'CREATE MACRO m(s) AS TABLE SELECT * FROM query(s)',
  ])('refuses query() over text that is not one plain string: %s', (sql) => {
    expect(refused(sql)).toMatch(
      /^PERMISSION: query\(\) at line 1, column \d+ of the query must be given one plain quoted string/,
    );
  });

  it('checks a query of the largest allowed size (100 000 characters) quickly', () => {
    const line = "SELECT a, 'x -- y' AS s, query_table /* c */ FROM t -- note\n";
    const lines = Math.floor(100_000 / line.length);
    const sql = line.repeat(lines);
    const t0 = performance.now();
    expect(refused(sql)).toBeUndefined();
    expect(refused(`${sql}CALL enable_logging()`)).toContain(`at line ${lines + 1}, column 6 `);
    expect(performance.now() - t0).toBeLessThan(500);
  });

  it('pre-tests for the after-query logging check by text', () => {
    expect(mayTouchLogging('SELECT 1')).toBe(false);
    expect(mayTouchLogging('CALL "ENABLE_LOGGING"()')).toBe(true);
    expect(mayTouchLogging("FROM Query('SELECT 1')")).toBe(true);
  });
});
