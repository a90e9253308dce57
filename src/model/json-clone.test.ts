import { describe, expect, it } from 'vitest';
import { cloneJson } from './json-clone.ts';

describe('cloneJson', () => {
  it('deep-copies JSON data, keeping key order', () => {
    const src = { b: [1, { c: 'x', a: null }], a: true };
    const r = cloneJson(src);
    expect(r).toEqual({ ok: true, value: src });
    expect(r.ok && r.value).not.toBe(src);
    expect(r.ok && Object.keys(r.value as object)).toEqual(['b', 'a']);
    expect(r.ok && (r.value as { b: unknown[] }).b[1]).not.toBe(src.b[1]);
  });

  it('refuses prototype keys, non-JSON values and deep nesting, saying where', () => {
    const proto = JSON.parse('{"a":{"__proto__":{"x":1}}}') as unknown;
    expect(cloneJson(proto)).toMatchObject({ ok: false, error: { path: 'a.__proto__' } });
    expect(cloneJson({ a: [1, NaN] })).toMatchObject({ ok: false, error: { path: 'a[1]' } });
    expect(cloneJson({ d: new Date(0) })).toMatchObject({ ok: false, error: { path: 'd' } });
    expect(cloneJson({ f: () => 1 })).toMatchObject({
      ok: false,
      error: { problem: 'a function is not JSON data' },
    });
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(cloneJson(deep)).toMatchObject({
      ok: false,
      error: { problem: 'nesting is deeper than 64 levels' },
    });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
