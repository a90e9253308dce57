import { describe, expect, it } from 'vitest';
import type { PetroflowError } from './errors.ts';
import { MAX_PIPELINE_TEXT, parsePipelineText } from './parse.ts';
import { samplePipeline, testCatalogue } from './test-catalogue.ts';

function failure(text: string): PetroflowError {
  const r = parsePipelineText(text, testCatalogue);
  if (r.ok) throw new Error('expected a failure');
  expect(r.error).toHaveLength(1);
  return r.error[0] as PetroflowError;
}

const valid = JSON.stringify(samplePipeline(), null, 2);

describe('parsePipelineText', () => {
  it('reads a valid pipeline', () => {
    const r = parsePipelineText(valid, testCatalogue);
    expect(r.ok && r.value.nodes.map((n) => n.id)).toEqual(['logs', 'vsh']);
  });

  it('refuses text over the size cap before parsing it', () => {
    const big = `${valid}${' '.repeat(MAX_PIPELINE_TEXT)}`;
    const e = failure(big);
    expect(e.code).toBe('PIPELINE_INVALID');
    expect(e.message).toMatch(/the text is 2\.\d MiB; the limit is 2 MiB/);
  });

  it('reports a syntax error with its line and column', () => {
    const text = '{\n  "format": "petroflow.pipeline",\n  "formatVersion": 1,\n}\n';
    const e = failure(text);
    expect(e).toMatchObject({ code: 'PIPELINE_INVALID', line: 4 });
    expect(e.message).toBe(
      "not valid JSON: line 4, column 1: unexpected '}'; expected a double-quoted field name (remove the trailing comma)",
    );
    expect(failure('{"a": [1, 2').message).toContain('line 1, column 12: unexpected end of text');
    expect(failure('{"a": tru}').message).toContain(
      "line 1, column 7: unexpected 't'; expected a value",
    );
    expect(failure('{"a": 01}').message).toContain(
      "line 1, column 8: unexpected '1'; expected ',' or '}'",
    );
    expect(failure('{"a": "x\ty"}').message).toContain('line 1, column 9: invalid text string');
    expect(failure('{} {}').message).toContain("unexpected '{' after the end of the document");
  });

  it('caps nesting depth without recursion (100 000 levels deep is refused quickly)', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const e = failure(deep);
    expect(e.message).toBe(
      'line 1, column 65: nesting is deeper than 64 levels; flatten the document',
    );
    const inParams = valid.replace('"file": "*.las"', `"file": ${'['.repeat(70)}${']'.repeat(70)}`);
    expect(failure(inParams).message).toContain('nesting is deeper than 64 levels');
  });

  it.each(['__proto__', 'constructor', 'prototype', '__pro\\u0074o__'])(
    'refuses the key %s anywhere, without polluting Object.prototype',
    (key) => {
      const text = valid.replace('"file": "*.las"', `"file": "a", "${key}": { "polluted": true }`);
      const e = failure(text);
      expect(e.code).toBe('PIPELINE_INVALID');
      expect(e.message).toMatch(
        /line \d+, column \d+: field name '(__proto__|constructor|prototype)' is not allowed/,
      );
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
    },
  );

  it('refuses duplicate keys, which JSON.parse would silently resolve', () => {
    const e = failure('{"format": "petroflow.pipeline", "format": "x"}');
    expect(e.message).toBe(
      "line 1, column 34: field 'format' appears twice in the same object; keep one",
    );
  });

  it('passes validation problems through, every one of them', () => {
    const text = valid
      .replace('"grMax": 120', '"grMax": 1200')
      .replace('"version": "1.0.0"', '"version": "2.0.0"');
    const r = parsePipelineText(text, testCatalogue);
    expect(!r.ok && r.error.map((e) => [e.code, e.nodeId])).toEqual([
      ['UNKNOWN_VERSION', 'logs'],
      ['BAD_PARAMS', 'vsh'],
    ]);
  });
});
