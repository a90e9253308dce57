/** Turns schema issues into plain-language field paths and messages (what is wrong, what is allowed). */
import { NODE_ID_PATTERN } from './ids.ts';
import type { SchemaIssue } from './schema-check.ts';

/** A schema issue as Petroflow reports it: a dotted field path and a sentence. */
export interface IssueText {
  /** e.g. `grMax`, `nodes[2].position.x` (relative to what was checked). */
  readonly field: string;
  /** e.g. `must be >= 0 (allowed: 0 to 1000 API); got -5`. */
  readonly text: string;
}

/** `/nodes/2/position` -> `nodes[2].position` (JSON Pointer to a readable path). */
export function pointerToPath(pointer: string): string {
  if (pointer === '') return '';
  let out = '';
  for (const raw of pointer.slice(1).split('/')) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    out += /^\d+$/.test(part) ? `[${part}]` : out === '' ? part : `.${part}`;
  }
  return out;
}

/** Joins a path and a child key. */
export function joinPath(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/** A short, safe rendering of a value for messages. */
export function shortValue(v: unknown): string {
  const s = v === undefined ? 'nothing' : JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

const typeNames: Record<string, string> = {
  number: 'a number',
  integer: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
};

function num(s: Readonly<Record<string, unknown>>, k: string): number | undefined {
  const v = s[k];
  return typeof v === 'number' ? v : undefined;
}

/** "allowed: 0 to 1000 API" from a schema's bounds, or '' when it has none. */
function allowedRange(s: Readonly<Record<string, unknown>>): string {
  const lo = num(s, 'minimum') ?? num(s, 'exclusiveMinimum');
  const hi = num(s, 'maximum') ?? num(s, 'exclusiveMaximum');
  const loOp = num(s, 'minimum') !== undefined ? '>=' : '>';
  const hiOp = num(s, 'maximum') !== undefined ? '<=' : '<';
  const unit = typeof s['x-unit'] === 'string' ? ` ${s['x-unit']}` : '';
  let r: string;
  if (lo !== undefined && hi !== undefined) {
    r = loOp === '>=' && hiOp === '<=' ? `${lo} to ${hi}` : `${loOp} ${lo} and ${hiOp} ${hi}`;
  } else if (lo !== undefined) r = `${loOp} ${lo}`;
  else if (hi !== undefined) r = `${hiOp} ${hi}`;
  else return '';
  return ` (allowed: ${r}${unit})`;
}

function keys(s: Readonly<Record<string, unknown>>): string[] {
  const p = s.properties;
  return p && typeof p === 'object' ? Object.keys(p) : [];
}

/** Explains one issue; `noun` names what an unknown key is (e.g. `parameter`, `field`). */
export function describeIssue(issue: SchemaIssue, noun = 'field'): IssueText {
  const path = pointerToPath(issue.instancePath);
  const p = issue.params;
  const s = issue.parentSchema;
  const got = `; got ${shortValue(issue.data)}`;
  switch (issue.keyword) {
    case 'required':
      return { field: joinPath(path, String(p.missingProperty)), text: 'is required but missing' };
    case 'additionalProperties': {
      const name = String(p.additionalProperty);
      const known = keys(s);
      const hint = known.length > 0 ? `; known: ${known.join(', ')}` : '';
      return { field: joinPath(path, name), text: `unknown ${noun} '${name}'${hint}; remove it` };
    }
    case 'type':
      return { field: path, text: `must be ${typeNames[String(p.type)] ?? String(p.type)}${got}` };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return {
        field: path,
        text: `must be ${String(p.comparison)} ${String(p.limit)}${allowedRange(s)}${got}`,
      };
    case 'enum': {
      const values = Array.isArray(p.allowedValues) ? p.allowedValues : [];
      return { field: path, text: `must be one of: ${values.map(String).join(', ')}${got}` };
    }
    case 'const':
      return { field: path, text: `must be ${shortValue(p.allowedValue)}${got}` };
    case 'minLength':
      return {
        field: path,
        text:
          p.limit === 1 ? 'must not be empty' : `must be at least ${String(p.limit)} characters`,
      };
    case 'maxLength':
      return {
        field: path,
        text: `must be at most ${String(p.limit)} characters (it has ${typeof issue.data === 'string' ? [...issue.data].length : '?'})`,
      };
    case 'pattern':
      return p.pattern === NODE_ID_PATTERN
        ? { field: path, text: `must be 1-64 characters of A-Z, a-z, 0-9, _ or -${got}` }
        : { field: path, text: `must match the pattern ${String(p.pattern)}${got}` };
    case 'minItems':
      return { field: path, text: `must have at least ${String(p.limit)} items` };
    case 'maxItems':
      return {
        field: path,
        text: `must have at most ${String(p.limit)} items (it has ${Array.isArray(issue.data) ? issue.data.length : '?'})`,
      };
    case 'uniqueItems':
      return {
        field: path,
        text: `must not repeat a value (items ${String(p.j)} and ${String(p.i)} are equal)`,
      };
    default:
      return { field: path, text: `fails the ${issue.keyword} rule${got}` };
  }
}
