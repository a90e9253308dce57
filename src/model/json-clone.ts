/**
 * Deep clone of JSON data from an untrusted source (a file, a link, an IndexedDB row), iterative so
 * deep nesting cannot overflow the stack. Refuses prototype-tampering keys, nesting over a cap and
 * anything JSON cannot hold, so validation can then fill defaults into the clone freely.
 */
import { FORBIDDEN_KEYS } from './json-scan.ts';
import type { Result } from './result.ts';
import { err, ok } from './result.ts';

/** Why a value could not be cloned, and where (a dotted path such as `nodes[2].params`). */
export interface CloneProblem {
  readonly path: string;
  readonly problem: string;
}

/** Default nesting cap for pipeline documents. */
export const MAX_JSON_DEPTH = 64;

type Container = Record<string, unknown> | unknown[];
interface Todo {
  readonly src: unknown;
  readonly parent: Container;
  readonly key: string | number;
  readonly depth: number;
  readonly path: string;
}

function isPlainObject(v: object): v is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Copies JSON data (plain objects, arrays, strings, finite numbers, booleans, null). */
export function cloneJson(
  value: unknown,
  maxDepth = MAX_JSON_DEPTH,
): Result<unknown, CloneProblem> {
  const root: unknown[] = [];
  const todo: Todo[] = [{ src: value, parent: root, key: 0, depth: 0, path: '' }];
  for (let t = todo.pop(); t !== undefined; t = todo.pop()) {
    const { src, path } = t;
    let copy: unknown;
    if (src === null || typeof src === 'string' || typeof src === 'boolean') copy = src;
    else if (typeof src === 'number') {
      if (!Number.isFinite(src))
        return err({ path, problem: `${String(src)} is not a JSON number` });
      copy = src;
    } else if (typeof src === 'object') {
      if (t.depth >= maxDepth)
        return err({ path, problem: `nesting is deeper than ${maxDepth} levels` });
      if (Array.isArray(src)) {
        const arr: unknown[] = new Array<unknown>(src.length);
        for (let i = src.length - 1; i >= 0; i--)
          todo.push({
            src: src[i],
            parent: arr,
            key: i,
            depth: t.depth + 1,
            path: `${path}[${i}]`,
          });
        copy = arr;
      } else if (isPlainObject(src)) {
        const obj: Record<string, unknown> = {};
        for (const k of Object.keys(src)) {
          const childPath = path === '' ? k : `${path}.${k}`;
          if (FORBIDDEN_KEYS.has(k))
            return err({
              path: childPath,
              problem: `field name '${k}' is not allowed (it could tamper with JavaScript objects); remove it`,
            });
          if (src[k] === undefined) continue;
          obj[k] = null; // keeps key order; replaced below
          todo.push({ src: src[k], parent: obj, key: k, depth: t.depth + 1, path: childPath });
        }
        copy = obj;
      } else
        return err({
          path,
          problem: 'is not JSON data (only objects, lists, text, numbers, true/false, null)',
        });
    } else return err({ path, problem: `a ${typeof src} is not JSON data` });
    if (Array.isArray(t.parent)) t.parent[t.key as number] = copy;
    else t.parent[t.key as string] = copy;
  }
  return ok(root[0]);
}
