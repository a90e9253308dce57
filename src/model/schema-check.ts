/**
 * The one place that touches ajv. Every schema the app checks is precompiled to standalone code in
 * ./generated (scripts/gen-validators.ts): the pipeline document schema, and each built-in operator
 * version's params schema, looked up by a hash of the schema's content. Nothing here calls
 * `new Function` for those, so the browser app runs under a CSP without `unsafe-eval`.
 * Schemas that were not precompiled (test catalogues, an operator changed without regenerating)
 * are compiled at run time in Node only: the browser build replaces this file's `ajv` import by a
 * stub that refuses (vite.config.ts, `noRuntimeAjv`), so a miss there is a reported error.
 */
import Ajv from 'ajv';
import type { ErrorObject } from 'ajv';
import { validate as validateDocument } from './generated/pipeline-document.js';
import { paramsSchemas, paramsValidators } from './generated/params-validators.js';
import type { Result } from './result.ts';
import { err, ok } from './result.ts';
import { hash64 } from './hash64.ts';

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
  /** ajv's short English message (`must be >= 0`), when there is one. */
  readonly message?: string;
}

/** Checks a value against one compiled schema; an empty list means valid. */
export type SchemaCheck = (value: unknown) => readonly SchemaIssue[];

/** An ajv-style validate function (what rjsf's precompiled validator calls): errors on `.errors`. */
export type ValidateFunction = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

function toIssues(errors: readonly ErrorObject[] | null | undefined): SchemaIssue[] {
  return (errors ?? []).map((e) => ({
    instancePath: e.instancePath,
    keyword: e.keyword,
    params: e.params,
    parentSchema: e.parentSchema ?? {},
    data: e.data,
    ...(e.message !== undefined ? { message: e.message } : {}),
  }));
}

/** Checks the shape and limits of a pipeline document (format v1), without the catalogue. */
export function checkPipelineDocument(value: unknown): readonly SchemaIssue[] {
  return validateDocument(value) ? [] : toIssues(validateDocument.errors);
}

/** Petroflow's annotation keywords in params schemas (see src/operators/params.ts). */
export const ANNOTATION_KEYWORDS = ['x-unit', 'x-widget', 'x-port'] as const;

/** JSON text with object keys sorted, so equal schemas give equal text whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o).filter((k) => o[k] !== undefined);
    return `{${keys
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The key of a params schema in the precompiled map: `p` + a hash of its canonical JSON. */
export function paramsSchemaKey(schema: Readonly<Record<string, unknown>>): string {
  return `p${hash64(canonicalJson(schema))}`;
}

const precompiledCache = new WeakMap<object, ValidateFunction | null>();

/**
 * The precompiled validator of a params schema (no defaults filled, never mutates), or undefined
 * when this exact schema was not precompiled. The schema text is compared in full, not only its hash.
 */
export function precompiledParamsValidator(
  schema: Readonly<Record<string, unknown>>,
): ValidateFunction | undefined {
  let v = precompiledCache.get(schema);
  if (v === undefined) {
    const key = paramsSchemaKey(schema);
    const stored = paramsSchemas[key];
    const same = stored !== undefined && canonicalJson(stored) === canonicalJson(schema);
    v = same ? (paramsValidators[key] ?? null) : null;
    precompiledCache.set(schema, v);
  }
  return v ?? undefined;
}

let runtimeAjv: Ajv | undefined;
const runtimeCache = new WeakMap<object, ValidateFunction>();

/** Node/tests only: compiles a schema that was not precompiled (the browser build stubs ajv). */
function runtimeValidator(schema: Readonly<Record<string, unknown>>): ValidateFunction {
  let v = runtimeCache.get(schema);
  if (!v) {
    runtimeAjv ??= new Ajv({
      allErrors: true,
      verbose: true,
      strict: true,
      keywords: [...ANNOTATION_KEYWORDS],
    });
    v = runtimeAjv.compile(schema);
    runtimeCache.set(schema, v);
  }
  return v;
}

/**
 * The validator of a params schema: precompiled when available, else compiled at run time (Node
 * only). An invalid schema, or a schema that was not precompiled in the browser, is an error value.
 */
export function paramsValidator(
  schema: Readonly<Record<string, unknown>>,
): Result<ValidateFunction, string> {
  const pre = precompiledParamsValidator(schema);
  if (pre) return ok(pre);
  try {
    return ok(runtimeValidator(schema));
  } catch (e) {
    return err(e instanceof Error ? e.message : String(e));
  }
}

/** Fills `default`s of missing top-level properties (what ajv's `useDefaults` does for flat schemas). */
function fillDefaults(schema: Readonly<Record<string, unknown>>, value: unknown): void {
  const props = schema.properties;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
  if (props === null || typeof props !== 'object') return;
  const target = value as Record<string, unknown>;
  for (const [name, p] of Object.entries(props as Record<string, unknown>)) {
    const d = (p as { default?: unknown } | null)?.default;
    if (d !== undefined && target[name] === undefined) target[name] = structuredClone(d);
  }
}

/** Checks a value against a params schema without changing it. */
export function compileParamsValidation(
  schema: Readonly<Record<string, unknown>>,
): Result<SchemaCheck, string> {
  const v = paramsValidator(schema);
  if (!v.ok) return v;
  const validate = v.value;
  return ok((value) => (validate(value) ? [] : toIssues(validate.errors)));
}

/**
 * Checks params against an operator's schema. The returned check FILLS DEFAULTS of missing
 * top-level parameters INTO the value it is given: pass a deep clone, never the caller's input.
 */
export function compileParamsCheck(
  schema: Readonly<Record<string, unknown>>,
): Result<SchemaCheck, string> {
  const v = compileParamsValidation(schema);
  if (!v.ok) return v;
  const check = v.value;
  return ok((value) => {
    fillDefaults(schema, value);
    return check(value);
  });
}
