/**
 * The one place that touches ajv. The fixed pipeline document schema is precompiled (standalone
 * code in ./generated, no `new Function` at run time); operator params schemas are compiled here at
 * run time for now. A strict CSP build must precompile those too: only this file changes then.
 */
import Ajv from 'ajv';
import type { ErrorObject } from 'ajv';
import { validate as validateDocument } from './generated/pipeline-document.js';
import type { Result } from './result.ts';
import { err, ok } from './result.ts';

/** One schema violation, independent of ajv's own error type. */
export interface SchemaIssue {
  /** JSON Pointer of the offending value inside the checked document, '' for the root. */
  readonly instancePath: string;
  /** The schema keyword that failed (`minimum`, `enum`, `required`, `additionalProperties`...). */
  readonly keyword: string;
  /** Keyword details, e.g. `{ limit: 0 }`, `{ missingProperty: 'rw' }`, `{ allowedValues: [...] }`. */
  readonly params: Readonly<Record<string, unknown>>;
  /** The schema object that holds the keyword (for allowed ranges, units, enums). */
  readonly parentSchema: Readonly<Record<string, unknown>>;
  /** The offending value. */
  readonly data: unknown;
}

/** Checks a value against one compiled schema; an empty list means valid. */
export type SchemaCheck = (value: unknown) => readonly SchemaIssue[];

function toIssues(errors: readonly ErrorObject[] | null | undefined): SchemaIssue[] {
  return (errors ?? []).map((e) => ({
    instancePath: e.instancePath,
    keyword: e.keyword,
    params: e.params,
    parentSchema: e.parentSchema ?? {},
    data: e.data,
  }));
}

/** Checks the shape and limits of a pipeline document (format v1), without the catalogue. */
export function checkPipelineDocument(value: unknown): readonly SchemaIssue[] {
  return validateDocument(value) ? [] : toIssues(validateDocument.errors);
}

/** Petroflow's annotation keywords in params schemas (see src/operators/params.ts). */
export const ANNOTATION_KEYWORDS = ['x-unit', 'x-widget', 'x-port'] as const;

let paramsAjv: Ajv | undefined;
const compiled = new WeakMap<object, SchemaCheck>();

function ajvForParams(): Ajv {
  paramsAjv ??= new Ajv({
    allErrors: true,
    verbose: true,
    strict: true,
    useDefaults: true,
    keywords: [...ANNOTATION_KEYWORDS],
  });
  return paramsAjv;
}

/**
 * Compiles an operator's params schema (cached per schema object). The returned check FILLS
 * DEFAULTS INTO the value it is given: pass a deep clone, never the caller's input.
 */
export function compileParamsCheck(
  schema: Readonly<Record<string, unknown>>,
): Result<SchemaCheck, string> {
  const cached = compiled.get(schema);
  if (cached) return ok(cached);
  try {
    const v = ajvForParams().compile(schema);
    const check: SchemaCheck = (value) => (v(value) ? [] : toIssues(v.errors));
    compiled.set(schema, check);
    return ok(check);
  } catch (e) {
    return err(e instanceof Error ? e.message : String(e));
  }
}
