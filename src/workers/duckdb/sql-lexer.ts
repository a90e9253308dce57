/**
 * A small SQL lexer that follows DuckDB's (PostgreSQL-derived) rules for what is code and what is
 * not: `--` and nested `/* *\/` comments, '...' strings ('' escapes), E'...' strings (backslash
 * escapes), $tag$...$tag$ strings, "..." identifiers ("" escapes, case-insensitive like DuckDB's).
 * The SQL guard (sql-guard.ts) looks at its tokens, so a name inside a string or comment never
 * counts and one hidden by quoting, case or comments always does. Anything it cannot place is a
 * one-character symbol, which errs on the side of seeing more code, not less.
 */

/** Kinds of token: a bare or quoted name, a string constant, or any other character. */
export type SqlTokenKind = 'word' | 'quoted' | 'string' | 'symbol';

/** One token of SQL text. */
export interface SqlToken {
  readonly kind: SqlTokenKind;
  /**
   * Words: lower-cased; quoted names: the name, "" undone and lower-cased; plain strings: the
   * value with '' undone; other strings: the raw text between the quotes; symbols: the character.
   */
  readonly text: string;
  /** Offset in the SQL text where the token starts. */
  readonly start: number;
  /** Strings only: true for a plain '...' (no prefix, no escapes other than ''). */
  readonly plain?: boolean;
}

const wordStart = /[A-Za-z_\u0080-\uffff]/;
const wordRest = /[A-Za-z0-9_$\u0080-\uffff]*/y;
const lineRest = /[^\n\r]*/y;
const dollarTag = /\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/y;

/** The `$tag$` opening a dollar-quoted string at `i`, if one does. */
function dollarTagAt(sql: string, i: number): string | undefined {
  dollarTag.lastIndex = i;
  return dollarTag.test(sql) ? sql.slice(i, dollarTag.lastIndex) : undefined;
}

/** The end of a `/* ... *\/` comment opened at `i` (comments nest in DuckDB); the text end if unclosed. */
function blockCommentEnd(sql: string, i: number): number {
  let depth = 0;
  let k = i;
  while (k < sql.length) {
    if (sql.startsWith('/*', k)) {
      depth++;
      k += 2;
    } else if (sql.startsWith('*/', k)) {
      depth--;
      k += 2;
      if (depth === 0) return k;
    } else k++;
  }
  return sql.length;
}

/** Reads a quoted run opened at `i` by `q` where `qq` escapes `q`; `backslash` for E-strings. */
function quotedEnd(sql: string, i: number, q: string, backslash: boolean): number {
  let k = i + 1;
  while (k < sql.length) {
    const c = sql[k];
    if (backslash && c === '\\') k += 2;
    else if (c === q && sql[k + 1] === q) k += 2;
    else if (c === q) return k + 1;
    else k++;
  }
  return sql.length;
}

/** Splits `sql` into tokens, dropping whitespace and comments (see the module comment). */
export function lexSql(sql: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i] ?? '';
    if (/\s/.test(c)) {
      i++;
    } else if (sql.startsWith('--', i)) {
      lineRest.lastIndex = i;
      lineRest.test(sql);
      i = lineRest.lastIndex;
    } else if (sql.startsWith('/*', i)) {
      i = blockCommentEnd(sql, i);
    } else if (c === "'") {
      const end = quotedEnd(sql, i, "'", false);
      const text = sql.slice(i + 1, end - 1).replaceAll("''", "'");
      tokens.push({ kind: 'string', text, start: i, plain: true });
      i = end;
    } else if (c === '"') {
      const end = quotedEnd(sql, i, '"', false);
      const text = sql.slice(i + 1, end - 1).replaceAll('""', '"');
      tokens.push({ kind: 'quoted', text: text.toLowerCase(), start: i });
      i = end;
    } else if (c === '$' && dollarTagAt(sql, i) !== undefined) {
      const tag = dollarTagAt(sql, i) ?? '';
      const close = sql.indexOf(tag, i + tag.length);
      const end = close < 0 ? sql.length : close + tag.length;
      tokens.push({ kind: 'string', text: sql.slice(i + tag.length, end - tag.length), start: i });
      i = end;
    } else if (wordStart.test(c)) {
      wordRest.lastIndex = i + 1;
      wordRest.test(sql);
      const word = sql.slice(i, wordRest.lastIndex);
      if (word.length === 1 && sql[wordRest.lastIndex] === "'") {
        // A prefixed string: E'..' has backslash escapes; X'..', B'..', N'..' do not.
        const end = quotedEnd(sql, i + 1, "'", word === 'e' || word === 'E');
        tokens.push({ kind: 'string', text: sql.slice(i + 2, end - 1), start: i });
        i = end;
      } else {
        tokens.push({ kind: 'word', text: word.toLowerCase(), start: i });
        i = wordRest.lastIndex;
      }
    } else if (/[0-9]/.test(c)) {
      const m = /[0-9]+/y;
      m.lastIndex = i;
      m.test(sql);
      tokens.push({ kind: 'symbol', text: sql.slice(i, m.lastIndex), start: i });
      i = m.lastIndex;
    } else {
      tokens.push({ kind: 'symbol', text: c, start: i });
      i++;
    }
  }
  return tokens;
}

/** The 1-based line and column of offset `at` in `sql`, for messages. */
export function lineColumn(sql: string, at: number): { line: number; column: number } {
  const before = sql.slice(0, at);
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}
