import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import {
  paramsSchemaKeys,
  paramsSchemas,
  paramsValidators,
} from '../src/model/generated/params-validators.js';
import {
  ANNOTATION_KEYWORDS,
  compileParamsCheck,
  paramsSchemaKey,
  precompiledParamsValidator,
} from '../src/model/schema-check.ts';
import { createBuiltinRegistry } from '../src/operators/index.ts';
import { builtinParamsEntries, staleValidatorFiles } from './gen-validators.ts';

const registry = createBuiltinRegistry();
const schemaOf = (op: { params: { schema: unknown } }) =>
  op.params.schema as Readonly<Record<string, unknown>>;

/** Values worth checking against a params schema: defaults, empties, wrong types, extremes. */
function samples(schema: Readonly<Record<string, unknown>>): unknown[] {
  const props = Object.entries(schema.properties as Record<string, Record<string, unknown>>);
  const defaults = Object.fromEntries(props.map(([k, p]) => [k, p.default]));
  const out: unknown[] = [{}, defaults, null, 'x', [], { unknownParam: 1 }];
  for (const [k] of props) {
    for (const v of [-1e9, 0, 1e9, '', 'GR', 'x'.repeat(5000), true, ['a', 'a'], [], null]) {
      out.push({ ...defaults, [k]: v });
    }
  }
  return out;
}

describe('precompiled validators', () => {
  it('are up to date with their schemas (else run: npx tsx scripts/gen-validators.ts)', async () => {
    expect(await staleValidatorFiles()).toEqual([]);
  });

  it('cover every built-in operator version, by op@version and by schema content', () => {
    const ops = registry.all();
    expect(ops.length).toBeGreaterThan(10);
    for (const op of ops) {
      const key = paramsSchemaKeys[`${op.id}@${op.version}`];
      expect(key, `${op.id}@${op.version}`).toBe(paramsSchemaKey(schemaOf(op)));
      expect(precompiledParamsValidator(schemaOf(op))).toBe(paramsValidators[key!]);
    }
    expect(Object.keys(paramsSchemas).sort()).toEqual(builtinParamsEntries().map((e) => e.key));
  });

  it('give the same verdicts and errors as ajv compiling the schema at run time', () => {
    const ajv = new Ajv({
      allErrors: true,
      verbose: true,
      strict: true,
      keywords: [...ANNOTATION_KEYWORDS],
    });
    let checked = 0;
    for (const op of registry.all()) {
      const pre = precompiledParamsValidator(schemaOf(op))!;
      const live = ajv.compile(schemaOf(op));
      for (const value of samples(schemaOf(op))) {
        const a = pre(value);
        const b = live(value);
        expect(a, `${op.id} ${JSON.stringify(value)?.slice(0, 80)}`).toBe(b);
        const strip = (es: typeof pre.errors) =>
          (es ?? []).map((e) => [e.instancePath, e.keyword, e.message, e.params]);
        expect(strip(pre.errors)).toEqual(strip(live.errors));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('are not used for a schema that changed (a stale build fails loudly instead of lying)', () => {
    const op = registry.operator('petro.vshale', '1.0.0')!;
    const changed = structuredClone(schemaOf(op)) as {
      properties: Record<string, Record<string, unknown>>;
    };
    const first = Object.keys(changed.properties)[0]!;
    changed.properties[first]!.maxLength = 3;
    expect(paramsSchemaKey(changed)).not.toBe(paramsSchemaKey(schemaOf(op)));
    expect(precompiledParamsValidator(changed)).toBeUndefined();
    // In Node the check still works (compiled at run time); the browser build has no compiler.
    const check = compileParamsCheck(changed);
    expect(check.ok).toBe(true);
    const reordered = Object.fromEntries(Object.entries(schemaOf(op)).reverse());
    expect(precompiledParamsValidator(reordered)).toBe(precompiledParamsValidator(schemaOf(op)));
  });
});
