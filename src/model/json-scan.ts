/**
 * A single-pass, iterative JSON checker run before `JSON.parse`: it reports syntax errors with a
 * line and column on every JS engine (V8's messages omit them), refuses nesting deeper than a cap
 * without recursion, and refuses keys that could tamper with prototypes, and duplicate keys (which
 * JSON.parse would silently resolve to the last one).
 */

/** Keys refused anywhere in a pipeline document. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

/** The first problem found in a JSON text. */
export interface JsonProblem {
  readonly kind: 'syntax' | 'depth' | 'number' | 'forbidden-key' | 'duplicate-key';
  readonly message: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based, in UTF-16 code units. */
  readonly column: number;
}

const enum S {
  Value,
  ValueOrEnd,
  KeyOrEnd,
  Key,
  Colon,
  After,
}

const literals = ['true', 'false', 'null'];

function lineCol(text: string, at: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: at - start + 1 };
}

function showChar(c: string): string {
  return c === '' ? 'end of text' : `'${c}'`;
}

/** Index just past the string starting at `i` (a `"`), or a negative `-(index of fault) - 1`. */
function scanString(t: string, i: number): number {
  let k = i + 1;
  while (k < t.length) {
    const c = t.charCodeAt(k);
    if (c === 0x22) return k + 1;
    if (c < 0x20) return -k - 1;
    if (c === 0x5c) {
      const e = t[k + 1] ?? '';
      if (e === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(t.slice(k + 2, k + 6))) return -k - 1;
        k += 6;
      } else if ('"\\/bfnrt'.includes(e) && e !== '') k += 2;
      else return -k - 1;
    } else k++;
  }
  return -k - 1;
}

const numberRe = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

/** Checks `text` as JSON; undefined when it is fine to hand to `JSON.parse`. */
export function scanJson(text: string, maxDepth: number): JsonProblem | undefined {
  const stack: { kind: 'o' | 'a'; keys?: Set<string> }[] = [];
  let state: S = S.Value;
  let done = false;
  let i = 0;
  const fail = (kind: JsonProblem['kind'], at: number, what: string): JsonProblem => {
    const { line, column } = lineCol(text, at);
    return { kind, line, column, message: `line ${line}, column ${column}: ${what}` };
  };
  for (;;) {
    while (i < text.length && ' \t\n\r'.includes(text[i] ?? '')) i++;
    const c = text[i] ?? '';
    if (done)
      return c === ''
        ? undefined
        : fail('syntax', i, `unexpected ${showChar(c)} after the end of the document`);
    if (c === '') {
      if (state === S.After && stack.length === 0) return undefined;
      return fail('syntax', i, 'unexpected end of text; the document is incomplete');
    }
    const top = stack[stack.length - 1];
    if (state === S.Value || state === S.ValueOrEnd) {
      if (state === S.ValueOrEnd && c === ']') {
        stack.pop();
        i++;
        state = S.After;
      } else if (c === '{' || c === '[') {
        if (stack.length >= maxDepth)
          return fail(
            'depth',
            i,
            `nesting is deeper than ${maxDepth} levels; flatten the document`,
          );
        stack.push(c === '{' ? { kind: 'o', keys: new Set() } : { kind: 'a' });
        i++;
        state = c === '{' ? S.KeyOrEnd : S.ValueOrEnd;
      } else if (c === '"') {
        const end = scanString(text, i);
        if (end < 0)
          return fail(
            'syntax',
            -end - 1,
            'invalid text string (unescaped control character, bad escape or missing closing quote)',
          );
        i = end;
        state = S.After;
      } else if (c === '-' || (c >= '0' && c <= '9')) {
        numberRe.lastIndex = i;
        const m = numberRe.exec(text);
        if (!m || m[0] === '-') return fail('syntax', i, 'invalid number');
        // JSON.parse would silently turn it into Infinity.
        if (!Number.isFinite(Number(m[0])))
          return fail(
            'number',
            i,
            `the number ${m[0].length > 40 ? `${m[0].slice(0, 40)}...` : m[0]} is too large (numbers go up to about 1.8e308); write a smaller one`,
          );
        i += m[0].length;
        state = S.After;
      } else {
        const lit = literals.find((l) => text.startsWith(l, i));
        if (!lit) return fail('syntax', i, `unexpected ${showChar(c)}; expected a value`);
        i += lit.length;
        state = S.After;
      }
    } else if (state === S.KeyOrEnd || state === S.Key) {
      if (state === S.KeyOrEnd && c === '}') {
        stack.pop();
        i++;
        state = S.After;
        continue;
      }
      if (c !== '"') {
        const hint = state === S.Key && c === '}' ? ' (remove the trailing comma)' : '';
        return fail(
          'syntax',
          i,
          `unexpected ${showChar(c)}; expected a double-quoted field name${hint}`,
        );
      }
      const end = scanString(text, i);
      if (end < 0) return fail('syntax', -end - 1, 'invalid field name string');
      const key = JSON.parse(text.slice(i, end)) as string;
      if (FORBIDDEN_KEYS.has(key))
        return fail(
          'forbidden-key',
          i,
          `field name '${key}' is not allowed (it could tamper with JavaScript objects); remove it`,
        );
      if (top?.keys?.has(key))
        return fail(
          'duplicate-key',
          i,
          `field '${key}' appears twice in the same object; keep one`,
        );
      top?.keys?.add(key);
      i = end;
      state = S.Colon;
    } else if (state === S.Colon) {
      if (c !== ':')
        return fail('syntax', i, `unexpected ${showChar(c)}; expected ':' after the field name`);
      i++;
      state = S.Value;
    } else {
      // S.After: a value just ended.
      if (!top) {
        done = true;
        continue;
      }
      if (c === ',') {
        i++;
        state = top.kind === 'o' ? S.Key : S.Value;
      } else if ((c === '}' && top.kind === 'o') || (c === ']' && top.kind === 'a')) {
        stack.pop();
        i++;
      } else {
        const close = top.kind === 'o' ? '}' : ']';
        return fail('syntax', i, `unexpected ${showChar(c)}; expected ',' or '${close}'`);
      }
    }
  }
}
