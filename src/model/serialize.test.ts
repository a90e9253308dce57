import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePipelineText } from './parse.ts';
import type { Pipeline } from './pipeline.ts';
import { serializePipeline } from './serialize.ts';
import { samplePipeline, testCatalogue } from './test-catalogue.ts';

function parse(text: string): Pipeline {
  const r = parsePipelineText(text, testCatalogue);
  if (!r.ok) throw new Error(r.error.map((e) => e.message).join('\n'));
  return r.value;
}

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/);
const extras = fc.record(
  {
    label: optional(fc.string({ maxLength: 30 })),
    position: optional(
      fc.record({
        x: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        y: fc.integer({ min: -1e6, max: 1e6 }),
      }),
    ),
    disabled: optional(fc.boolean()),
    notes: optional(fc.string({ unit: 'grapheme', maxLength: 40 })),
  },
  { requiredKeys: [] },
);
const vshParams = fc.record(
  {
    grMin: fc.double({ min: 0, max: 1000, noNaN: true }),
    grMax: fc.double({ min: 0, max: 1000, noNaN: true }),
    method: fc.constantFrom('linear', 'stieber', 'clavier'),
    output: fc.string({ maxLength: 10 }),
  },
  { requiredKeys: ['grMin', 'grMax'] },
);

/** Random valid pipelines: one LAS source feeding a chain of vshale nodes; keys in random order. */
const pipelines = fc
  .record({
    name: fc.string({ maxLength: 50 }),
    description: optional(fc.string({ maxLength: 50 })),
    ids: fc.uniqueArray(id, { minLength: 1, maxLength: 6 }),
    file: fc.string({ minLength: 1, maxLength: 20 }),
    params: fc.array(vshParams, { minLength: 6, maxLength: 6 }),
    extras: fc.array(extras, { minLength: 6, maxLength: 6 }),
    reverse: fc.boolean(),
  })
  .map((g) => {
    const nodes = g.ids.map((nid, i) => ({
      ...(i === 0
        ? { params: { file: g.file }, op: 'source.las' }
        : { params: g.params[i], op: 'petro.vshale' }),
      version: '1.0.0',
      id: nid,
      ...g.extras[i],
    }));
    const edges = g.ids
      .slice(1)
      .map((to, i) => ({ toPort: 'in', to, fromPort: 'out', from: g.ids[i] }));
    const doc = {
      edges,
      nodes,
      name: g.name,
      description: g.description,
      id: 'p-1',
      formatVersion: 1,
      format: 'petroflow.pipeline',
    };
    return JSON.stringify(g.reverse ? doc : { ...doc, nodes: [...nodes] });
  });

describe('serializePipeline', () => {
  it('writes the fixed key order, sorted params, 2-space indent and a trailing newline', () => {
    const d = samplePipeline();
    (d.nodes as Record<string, unknown>[])[1] = {
      params: { output: 'V', grMax: 120, grMin: 20, gr: 'GR' },
      notes: 'n',
      version: '1.0.0',
      op: 'petro.vshale',
      id: 'vsh',
      disabled: true,
    };
    const text = serializePipeline(parse(JSON.stringify({ ...d, description: 'd' })));
    expect(text.endsWith('}\n')).toBe(true);
    const keys = (o: unknown) => Object.keys(o as object);
    const back = JSON.parse(text) as { nodes: unknown[]; edges: unknown[] };
    expect(keys(back)).toEqual([
      'format',
      'formatVersion',
      'id',
      'name',
      'description',
      'nodes',
      'edges',
    ]);
    expect(keys(back.nodes[0])).toEqual(['id', 'op', 'version', 'label', 'position', 'params']);
    expect(keys(back.nodes[1])).toEqual(['id', 'op', 'version', 'disabled', 'notes', 'params']);
    expect(keys((back.nodes[1] as { params: object }).params)).toEqual([
      'gr',
      'grMax',
      'grMin',
      'method',
      'output',
    ]);
    expect(keys(back.edges[0])).toEqual(['from', 'fromPort', 'to', 'toPort']);
    expect(text).toContain('\n  "nodes": [\n    {\n      "id": "logs",');
  });

  it('parse -> serialize -> parse -> serialize is identical (property)', () => {
    fc.assert(
      fc.property(pipelines, (text) => {
        const once = serializePipeline(parse(text));
        const again = parse(once);
        expect(serializePipeline(again)).toBe(once);
        expect(again).toEqual(parse(text));
      }),
      { numRuns: 200 },
    );
  });
});
