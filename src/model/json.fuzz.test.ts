/**
 * Property tests of the two JSON gates every pipeline passes: `scanJson` (text, before JSON.parse)
 * must judge syntax exactly as JSON.parse does, and `cloneJson` (values) must answer anything with
 * a Result, never an exception, without touching Object.prototype.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { cloneJson, MAX_JSON_DEPTH } from './json-clone.ts';
import { scanJson } from './json-scan.ts';

const protoKeys = Object.getOwnPropertyNames(Object.prototype).sort();

function expectPrototypeIntact(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoKeys);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** JSON text with a few random edits drawn from characters that matter to a JSON parser. */
const editedJson = fc
  .tuple(
    fc.json({ maxDepth: 4 }),
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.nat({ max: 2 }),
        fc.constantFrom(...'{}[]:,"\\ \t\n0-1.eE+utrfals'.split(''), '\u2028', '\ud800'),
      ),
      { maxLength: 3 },
    ),
  )
  .map(([text, edits]) =>
    edits.reduce((t, [at, kind, c]) => {
      const i = t.length === 0 ? 0 : at % t.length;
      if (kind === 0) return t.slice(0, i) + c + t.slice(i);
      if (kind === 1) return t.slice(0, i) + t.slice(i + 1);
      return t.slice(0, i) + c + t.slice(i + 1);
    }, text),
  );

const anyText = fc.oneof(editedJson, fc.json(), fc.string({ unit: 'binary', maxLength: 40 }));

describe('scanJson agrees with JSON.parse', () => {
  afterEach(expectPrototypeIntact);

  it('finds a problem exactly when JSON.parse fails, and calls it syntax only then', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const problem = scanJson(text, 1000);
        const ok = parses(text);
        if (problem === undefined) expect(ok).toBe(true);
        if (!ok) expect(problem).toBeDefined();
        if (ok && problem) expect(problem.kind).not.toBe('syntax');
        if (problem) {
          expect(problem.line).toBeGreaterThanOrEqual(1);
          expect(problem.column).toBeGreaterThanOrEqual(1);
          expect(problem.message).toMatch(/^line \d+, column \d+: /);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('reports duplicate keys, which JSON.parse would resolve silently', () => {
    fc.assert(
      fc.property(fc.string(), fc.jsonValue(), fc.jsonValue(), (k, a, b) => {
        const text = `{${JSON.stringify(k)}:${JSON.stringify(a)},${JSON.stringify(k)}:${JSON.stringify(b)}}`;
        const kind = scanJson(text, MAX_JSON_DEPTH)?.kind;
        // A key of its own may also be forbidden, or the values too deep.
        expect(['duplicate-key', 'forbidden-key', 'depth']).toContain(kind);
      }),
      { numRuns: 300 },
    );
  });
});

describe('cloneJson answers anything', () => {
  afterEach(expectPrototypeIntact);

  it('copies JSON values exactly', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 10 }), (v) => {
        const r = cloneJson(v);
        // fast-check may produce "__proto__" keys, which the clone refuses by design.
        if (!r.ok) expect(r.error.problem).toMatch(/is not allowed/);
        else {
          expect(r.value).toEqual(v);
          if (v !== null && typeof v === 'object') expect(r.value).not.toBe(v);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary JavaScript values', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withBigInt: true,
          withBoxedValues: true,
          withDate: true,
          withMap: true,
          withSet: true,
          withNullPrototype: true,
          withObjectString: true,
          withSparseArray: true,
          withTypedArray: true,
          withUnicodeString: true,
        }),
        (v) => {
          const r = cloneJson(v);
          expect(typeof r.ok).toBe('boolean');
          if (!r.ok) expect(typeof r.error.problem).toBe('string');
        },
      ),
      { numRuns: 500 },
    );
  });
});
