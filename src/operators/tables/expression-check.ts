/**
 * Lexical checks of a `math.expression` before it reaches DuckDB: it must be one scalar
 * expression, so statement separators, comments, subqueries, window functions and unbalanced
 * parentheses (which could close the wrapping SELECT) are refused with a message saying why.
 * String literals and quoted identifiers are skipped, so `'a;b'` or `"depth (m)"` are fine.
 */

/** The expression with string literals and quoted identifiers blanked out, or a problem. */
function codeOnly(expr: string): { code: string } | { problem: string } {
  let code = '';
  for (let i = 0; i < expr.length; i++) {
    const ch = expr[i]!;
    if (ch === "'" || ch === '"') {
      const end = expr.indexOf(ch, i + 1);
      // A doubled quote inside continues the literal: find the real closing quote.
      let close = end;
      while (close >= 0 && expr[close + 1] === ch) close = expr.indexOf(ch, close + 2);
      if (close < 0)
        return { problem: `a ${ch === "'" ? 'string' : 'quoted name'} is not closed.` };
      code += ' '.repeat(close - i + 1);
      i = close;
      continue;
    }
    code += ch;
  }
  return { code };
}

/** A problem with `expr` as a single scalar expression, or undefined when it looks fine. */
export function expressionProblem(expr: string): string | undefined {
  if (expr.trim() === '')
    return 'the expression is empty; write e.g. GR * 0.5 or (NPHI + PHID) / 2.';
  const scanned = codeOnly(expr);
  if ('problem' in scanned) return scanned.problem;
  const { code } = scanned;
  if (code.includes(';'))
    return 'use one expression only: ";" (a second statement) is not allowed.';
  if (code.includes('--') || code.includes('/*')) return 'comments (-- or /* */) are not allowed.';
  if (/\bselect\b/i.test(code)) {
    return 'subqueries (SELECT) are not allowed: the expression sees only the columns of the current row. Use the sql operator for queries.';
  }
  if (/\bover\b/i.test(code)) {
    return 'window functions (OVER) are not allowed: the expression is evaluated batch by batch. Use the sql operator.';
  }
  let depth = 0;
  for (const ch of code) {
    if (ch === '(') depth++;
    if (ch === ')' && --depth < 0) return 'a ")" has no matching "(".';
  }
  if (depth !== 0) return 'a "(" is not closed.';
  return undefined;
}

/**
 * The columns of `names` an expression may read, or undefined when it may read any (a `*`,
 * `COLUMNS(...)` or the table name `input`). A superset: every name that occurs anywhere in the
 * text, case-insensitively, is kept. `math.expression` sends only these columns to DuckDB.
 */
export function referencedColumns(
  expr: string,
  names: readonly string[],
): readonly string[] | undefined {
  const scanned = codeOnly(expr);
  if ('problem' in scanned) return undefined;
  const code = scanned.code;
  if (/(^|[(,.])\s*\*/.test(code) || /\bcolumns\s*\(/i.test(code) || /\binput\b/i.test(code))
    return undefined;
  const text = expr.toLowerCase();
  return names.filter((n) => n === '' || n.includes('"') || text.includes(n.toLowerCase()));
}
