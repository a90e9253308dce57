import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  checkPipelineDocument,
  compileParamsCheck,
  compileParamsValidation,
  paramsSchemaKey,
  precompiledParamsValidator,
} from './schema-check.ts';
import { paramsSchemas, paramsValidators } from './generated/params-validators.js';
import { samplePipeline } from './test-catalogue.ts';

describe('schema-check', () => {
  it('checks pipeline documents with the precompiled validator', () => {
    expect(checkPipelineDocument(samplePipeline())).toEqual([]);
    const issues = checkPipelineDocument({ ...samplePipeline(), nodes: 3 });
    expect(issues.map((i) => [i.instancePath, i.keyword])).toEqual([['/nodes', 'type']]);
  });

  it('accepts the x-unit, x-widget and x-port annotations under strict mode and fills defaults', () => {
    const schema = {
      type: 'object',
      properties: {
        rw: {
          type: 'number',
          title: 'Rw',
          description: 'x',
          exclusiveMinimum: 0,
          default: 0.05,
          'x-unit': 'ohm.m',
        },
        col: {
          type: 'string',
          title: 'C',
          description: 'x',
          'x-widget': 'column',
          'x-port': 'logs',
        },
      },
      required: [],
      additionalProperties: false,
    };
    const check = compileParamsCheck(schema);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    const value: Record<string, unknown> = {};
    expect(check.value(value)).toEqual([]);
    expect(value).toEqual({ rw: 0.05 });
    expect(check.value({ rw: 0 })[0]).toMatchObject({
      instancePath: '/rw',
      keyword: 'exclusiveMinimum',
    });
  });

  it('reports an invalid schema as a value, not an exception', () => {
    const r = compileParamsCheck({ type: 'object', properties: { a: { type: 'nonsense' } } });
    expect(r.ok).toBe(false);
    expect(compileParamsCheck({ type: 'object', 'x-unknown': 1 }).ok).toBe(false);
  });
});

describe('precompiled params validators', () => {
  const [key, schema] = Object.entries(paramsSchemas)[0]!;

  it('are found by schema content, whatever the object or its key order', () => {
    const copy = JSON.parse(JSON.stringify(schema)) as Record<string, unknown>;
    expect(paramsSchemaKey(copy)).toBe(key);
    expect(precompiledParamsValidator(copy)).toBe(paramsValidators[key]);
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: undefined }] })).toBe('{"a":[{"d":2}],"b":1}');
  });

  it('fill defaults only in compileParamsCheck, never in compileParamsValidation', () => {
    const withDefaults = Object.entries(paramsSchemas).find(([, s]) =>
      Object.values(s.properties as Record<string, { default?: unknown }>).some(
        (p) => p.default !== undefined,
      ),
    );
    expect(withDefaults).toBeDefined();
    const s = withDefaults![1];
    const pure = compileParamsValidation(s);
    const filling = compileParamsCheck(s);
    if (!pure.ok || !filling.ok) throw new Error('expected compiled checks');
    const a: Record<string, unknown> = {};
    pure.value(a);
    expect(a).toEqual({});
    const b: Record<string, unknown> = {};
    filling.value(b);
    expect(Object.keys(b).length).toBeGreaterThan(0);
  });
});
