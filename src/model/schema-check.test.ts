import { describe, expect, it } from 'vitest';
import { checkPipelineDocument, compileParamsCheck } from './schema-check.ts';
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
