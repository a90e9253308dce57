/**
 * Property tests: pipeline JSON from anywhere (a file, a link, storage) against the real operator
 * catalogue. Whatever the input, parsing and validation return a Result whose errors carry codes:
 * no exception, no hang (each case is timed), and Object.prototype is never touched.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { PetroflowError } from '../model/errors.ts';
import { parsePipelineText } from '../model/parse.ts';
import type { Result } from '../model/result.ts';
import { validatePipeline } from '../model/validate.ts';
import { createBuiltinRegistry } from '../operators/index.ts';

const catalogue = createBuiltinRegistry();
const opIds = catalogue.ids();
const paramNames = [
  ...new Set(
    opIds.flatMap((id) =>
      catalogue
        .versions(id)
        .flatMap((v) => Object.keys(catalogue.operator(id, v)?.params.schema.properties ?? {})),
    ),
  ),
];

/** Codes pipeline validation may give (model/errors.ts). */
const VALIDATION_CODES = new Set([
  'PIPELINE_INVALID',
  'PIPELINE_FORMAT_TOO_NEW',
  'PIPELINE_CYCLE',
  'UNKNOWN_OPERATOR',
  'UNKNOWN_VERSION',
  'BAD_PARAMS',
  'BAD_EDGE',
]);

/** Milliseconds one case may take on a loaded 2-core machine before it counts as a hang. */
const CASE_MS = 2000;
/** The same for the deliberately huge documents (about 1 s each at load 10 on 2 cores). */
const HUGE_MS = 8000;

const protoKeys = Object.getOwnPropertyNames(Object.prototype).sort();
const protoValues = protoKeys.map((k) => Object.getOwnPropertyDescriptor(Object.prototype, k));

/** Object.prototype still has exactly its own original properties, with their values. */
function expectPrototypeIntact(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoKeys);
  protoKeys.forEach((k, i) =>
    expect(Object.getOwnPropertyDescriptor(Object.prototype, k)).toEqual(protoValues[i]),
  );
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getOwnPropertyNames(Array.prototype)).not.toContain('polluted');
}

/** Runs `f` (which must not throw), checks its time and the shape of its Result. */
function expectCodedResult(f: () => Result<unknown, PetroflowError[]>, limitMs = CASE_MS): void {
  const t0 = performance.now();
  const r = f();
  expect(performance.now() - t0).toBeLessThan(limitMs);
  if (r.ok) return;
  expect(r.error.length).toBeGreaterThan(0);
  for (const e of r.error) {
    expect(VALIDATION_CODES.has(e.code), `unexpected code ${e.code}`).toBe(true);
    expect(typeof e.message).toBe('string');
    expect(e.message.length).toBeGreaterThan(0);
  }
  expectPrototypeIntact();
}

const parse = (text: string) => () => parsePipelineText(text, catalogue);
const validate = (value: unknown) => () => validatePipeline(value, catalogue);

const dangerousKey = fc.constantFrom('__proto__', 'constructor', 'prototype', '__pro\\u0074o__');
/** JSON text whose object keys are often dangerous or pipeline field names (kept as text). */
const keyText = fc.oneof(
  dangerousKey.map((k) => `"${k}"`),
  fc
    .constantFrom('nodes', 'params', 'edges', 'id', 'op', 'polluted', ...paramNames)
    .map((k) => JSON.stringify(k)),
  fc.string().map((k) => JSON.stringify(k)),
);
const { value: jsonText } = fc.letrec<{ value: string; object: string; array: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.jsonValue({ maxDepth: 1 }).map((v) => JSON.stringify(v)),
    tie('object'),
    tie('array'),
  ),
  object: fc
    .array(fc.tuple(keyText, tie('value')), { maxLength: 5 })
    .map((kv) => `{${kv.map(([k, v]) => `${k}:${v}`).join(',')}}`),
  array: fc.array(tie('value'), { maxLength: 5 }).map((a) => `[${a.join(',')}]`),
}));

const nodeArb = fc.record(
  {
    id: fc.oneof(fc.constantFrom('a', 'b', 'c'), fc.string()),
    op: fc.oneof(fc.constantFrom(...opIds), fc.string()),
    version: fc.oneof(fc.constantFrom('1.0.0', '1.1.0', '2.0.0'), fc.string()),
    params: fc.oneof(
      fc.dictionary(fc.oneof(fc.constantFrom(...paramNames), fc.string()), fc.jsonValue()),
      fc.jsonValue(),
    ),
    label: fc.jsonValue(),
    position: fc.oneof(fc.record({ x: fc.double(), y: fc.double() }), fc.jsonValue()),
    disabled: fc.jsonValue(),
  },
  { requiredKeys: ['id', 'op', 'version', 'params'] },
);
const ref = fc.oneof(fc.constantFrom('a', 'b', 'c'), fc.string());
const port = fc.oneof(fc.constantFrom('in', 'out', 'input', 'logs', 'tops'), fc.string());
const edgeArb = fc.record(
  { from: ref, fromPort: port, to: ref, toPort: port },
  { requiredKeys: [] },
);
/** Documents shaped like pipelines, with every field sometimes wrong or missing. */
const pipelineArb = fc.record(
  {
    format: fc.oneof(fc.constant('petroflow.pipeline'), fc.jsonValue()),
    formatVersion: fc.oneof(fc.constantFrom(0, 1, 2, 1.5, -1), fc.jsonValue()),
    id: fc.oneof(fc.uuid(), fc.jsonValue()),
    name: fc.oneof(fc.string(), fc.jsonValue()),
    description: fc.jsonValue(),
    nodes: fc.oneof({ weight: 4, arbitrary: fc.array(nodeArb, { maxLength: 6 }) }, fc.jsonValue()),
    edges: fc.oneof({ weight: 4, arbitrary: fc.array(edgeArb, { maxLength: 6 }) }, fc.jsonValue()),
    extra: fc.jsonValue(),
  },
  { requiredKeys: ['format', 'formatVersion', 'nodes', 'edges'] },
);

const valid = {
  format: 'petroflow.pipeline',
  formatVersion: 1,
  id: 'p1',
  name: 'fuzz',
  nodes: [
    { id: 'logs', op: 'source.las', version: '1.0.0', params: { file: '*.las' } },
    { id: 'vsh', op: 'petro.vshale', version: '1.0.0', params: { grMin: 20, grMax: 120 } },
  ],
  edges: [{ from: 'logs', fromPort: 'out', to: 'vsh', toPort: 'in' }],
};
const validText = JSON.stringify(valid);

describe('pipeline JSON fuzzing (real catalogue)', () => {
  afterEach(expectPrototypeIntact);

  it('accepts the reference pipeline (the properties below are not vacuous)', () => {
    expect(parsePipelineText(validText, catalogue).ok).toBe(true);
    expect(validatePipeline(valid, catalogue).ok).toBe(true);
  });

  it('answers any text, including lone surrogates and control characters, with coded errors', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (t) =>
        expectCodedResult(parse(t)),
      ),
      { numRuns: 300 },
    );
  });

  it('answers random JSON (as text and as a value)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expectCodedResult(parse(JSON.stringify(v) ?? 'null'));
        expectCodedResult(validate(v));
      }),
      { numRuns: 300 },
    );
  });

  it('answers pipeline-shaped documents with random nodes, params and edges', () => {
    fc.assert(
      fc.property(pipelineArb, (doc) => {
        expectCodedResult(validate(doc));
        expectCodedResult(parse(JSON.stringify(doc)));
      }),
      { numRuns: 400 },
    );
  });

  it('refuses __proto__, constructor and prototype keys wherever they are, polluting nothing', () => {
    fc.assert(
      fc.property(jsonText, dangerousKey, (params, key) => {
        const text = validText.replace('"params":{"file":"*.las"}', `"params":${params}`);
        expectCodedResult(parse(text));
        const injected = validText.replace('"grMin":20', `"${key}":{"polluted":true},"grMin":20`);
        const r = parsePipelineText(injected, catalogue);
        expect(r.ok).toBe(false);
        // JSON.parse keeps "__proto__" as an own key: validation must refuse the value form too.
        const value: unknown = JSON.parse(injected.replace('\\u0074', 't'));
        const v = validatePipeline(value, catalogue);
        expect(v.ok).toBe(false);
        expect(!v.ok && v.error[0]?.message).toMatch(/is not allowed/);
        expectPrototypeIntact();
      }),
      { numRuns: 300 },
    );
  });

  it('answers truncated and garbled pipeline text', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: validText.length }),
        fc.nat({ max: validText.length }),
        fc.string({ unit: 'binary', maxLength: 4 }),
        (cut, at, junk) => {
          expectCodedResult(parse(validText.slice(0, cut)));
          expectCodedResult(parse(validText.slice(0, at) + junk + validText.slice(at + 1)));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('answers huge arrays and deep nesting quickly, as text and as values', () => {
    const many = { ...valid, nodes: Array.from({ length: 20_000 }, (_, i) => ({ id: `n${i}` })) };
    expectCodedResult(validate(many), HUGE_MS);
    expectCodedResult(parse(JSON.stringify(many)), HUGE_MS);
    const bigParam = structuredClone(valid);
    (bigParam.nodes[1] as { params: Record<string, unknown> }).params.grMin = Array.from(
      { length: 200_000 },
      (_, i) => i,
    );
    expectCodedResult(validate(bigParam), HUGE_MS);
    expectCodedResult(parse(JSON.stringify(bigParam)), HUGE_MS);
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { params: deep };
    expectCodedResult(validate({ ...valid, nodes: [deep] }), HUGE_MS);
    expectCodedResult(parse(`{"nodes":${'['.repeat(200_000)}${']'.repeat(200_000)}}`), HUGE_MS);
    expectCodedResult(parse(`${'{"a":'.repeat(300_000)}1${'}'.repeat(300_000)}`), HUGE_MS);
  });

  it('refuses values JSON cannot hold (functions, symbols, NaN, class instances, cycles)', () => {
    const cyclic: Record<string, unknown> = { ...valid };
    cyclic.self = cyclic;
    for (const odd of [
      { ...valid, name: () => 1 },
      { ...valid, name: Symbol('x') },
      { ...valid, formatVersion: Number.NaN },
      { ...valid, name: new Date(0) },
      { ...valid, nodes: new Map() },
      { ...valid, name: 10n },
      cyclic,
    ])
      expectCodedResult(validate(odd));
  });
});
