/**
 * Lexical checks of a `math.expression` before it reaches DuckDB: it must be one scalar
 * expression, so statement separators, comments, subqueries (SELECT, or DuckDB's FROM-first and
 * VALUES forms), window functions and unbalanced parentheses (which could close the wrapping
 * SELECT) are refused with a message saying why.
 * String literals and quoted identifiers are skipped, so `'a;b'` or `"depth (m)"` are fine.
 */
import { caseGroups } from './case-clash.ts';

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
  // DuckDB also starts a subquery with FROM (FROM-first), VALUES, TABLE, PIVOT, SUMMARIZE...:
  // right after "(" these begin a query, whereas EXTRACT(YEAR FROM d) has FROM later.
  const query = /\(\s*(from|values|table|pivot|unpivot|summarize|describe|show|with)\b/i.exec(code);
  if (query) {
    return `subqueries ("(${query[1]!.toUpperCase()} ...") are not allowed: the expression sees only the columns of the current row. Use the sql operator for queries.`;
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

/** The identifiers of `expr`: bare words (keywords and function names included) and quoted names. */
export function identifiers(expr: string): { name: string; quoted: boolean }[] {
  const out: { name: string; quoted: boolean }[] = [];
  let i = 0;
  while (i < expr.length) {
    const ch = expr[i]!;
    if (ch === "'" || ch === '"') {
      let j = i + 1;
      let text = '';
      while (j < expr.length) {
        if (expr[j] === ch && expr[j + 1] === ch) {
          text += ch;
          j += 2;
        } else if (expr[j] === ch) break;
        else text += expr[j++];
      }
      if (ch === '"') out.push({ name: text, quoted: true });
      i = j + 1;
    } else if (/[\p{L}_]/u.test(ch)) {
      let j = i + 1;
      while (j < expr.length && /[\p{L}\p{N}_$]/u.test(expr[j]!)) j++;
      out.push({ name: expr.slice(i, j), quoted: false });
      i = j;
    } else if (/\p{N}/u.test(ch)) {
      while (i < expr.length && /[\p{N}.eE_]/u.test(expr[i]!)) i++;
    } else i++;
  }
  return out;
}

/** Functions whose value changes from run to run (or batch to batch), refused by `math.expression`. */
const UNREPEATABLE = new Set([
  'random',
  'setseed',
  'uuid',
  'uuidv4',
  'uuidv7',
  'gen_random_uuid',
  'now',
  'today',
  'current_date',
  'current_time',
  'current_timestamp',
  'current_localtime',
  'current_localtimestamp',
  'get_current_time',
  'get_current_timestamp',
  'localtime',
  'localtimestamp',
  'transaction_timestamp',
  'nextval',
  'currval',
]);

/**
 * A problem with `expr` over columns `names` that only the names reveal, or undefined: `rowid`
 * (DuckDB's row number restarts with every batch), functions whose value differs between runs,
 * and a name that matches two columns differing only in case (DuckDB resolves names without
 * case, quoted or not, so it would read the other column silently).
 */
export function columnsProblem(expr: string, names: readonly string[]): string | undefined {
  const lower = caseGroups(names);
  const picked = new Map<string, string>();
  for (const { name, quoted } of identifiers(expr)) {
    const l = name.toLowerCase();
    const same = lower.get(l);
    if (!same) {
      if (quoted) continue;
      if (l === 'rowid')
        return 'rowid is not allowed: it is the row number within one batch, not within the table. Use the sql operator with row_number() OVER ().';
      if (UNREPEATABLE.has(l))
        return `${name} is not allowed: its value changes from run to run, so the pipeline's results could not be reproduced. Use a fixed value, or the sql operator.`;
      continue;
    }
    if (same.length < 2) continue;
    const exact = same.find((n) => n === name);
    const other = picked.get(l);
    if (exact === undefined || (other !== undefined && other !== exact)) {
      return `the columns ${same.map((n) => `"${n}"`).join(' and ')} differ only in case, which DuckDB does not tell apart, so "${name}" is ambiguous. Use one of them per expression, spelt exactly as in the table, or rename one at its source (e.g. the LAS mnemonic).`;
    }
    picked.set(l, exact);
  }
  return undefined;
}

/**
 * The columns not to send to DuckDB with `expr` so that every name means the column spelt
 * exactly like it: of columns differing only in case, those the expression does not spell.
 */
export function caseShadowed(expr: string, names: readonly string[]): ReadonlySet<string> {
  const spelt = new Set(identifiers(expr).map((t) => t.name));
  const groups = caseGroups(names);
  return new Set(
    names.filter((n) => (groups.get(n.toLowerCase())?.length ?? 0) > 1 && !spelt.has(n)),
  );
}
