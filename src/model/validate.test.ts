import { describe, expect, it } from 'vitest';
import type { PetroflowError } from './errors.ts';
import { isNodeId } from './ids.ts';
import { samplePipeline, testCatalogue } from './test-catalogue.ts';
import { validatePipeline } from './validate.ts';

type Doc = Record<string, unknown> & {
  nodes: Record<string, unknown>[];
  edges: Record<string, unknown>[];
};

function doc(change?: (d: Doc) => void): Doc {
  const d = samplePipeline() as Doc;
  change?.(d);
  return d;
}

function problems(value: unknown): PetroflowError[] {
  const r = validatePipeline(value, testCatalogue);
  if (r.ok) throw new Error('expected validation to fail');
  return r.error;
}

function only(value: unknown): PetroflowError {
  const list = problems(value);
  expect(list, JSON.stringify(list, null, 2)).toHaveLength(1);
  return list[0] as PetroflowError;
}

describe('validatePipeline accepts', () => {
  it('a valid pipeline, fills params defaults into a copy and returns branded ids', () => {
    const input = doc();
    const before = JSON.stringify(input);
    const r = validatePipeline(input, testCatalogue);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.nodes[1]?.params).toEqual({
      gr: 'GR',
      grMin: 20,
      grMax: 120,
      method: 'linear',
      output: 'VSH',
    });
    expect(JSON.stringify(input)).toBe(before); // input untouched
    expect(r.value.nodes.every((n) => isNodeId(n.id))).toBe(true);
    expect(r.value.nodes[0]?.label).toBe('Wells');
    expect(r.value.edges).toEqual([{ from: 'logs', fromPort: 'out', to: 'vsh', toPort: 'in' }]);
  });

  it('a node without params when every param has a default', () => {
    const r = validatePipeline(
      doc((d) => d.nodes.push({ id: 'cut', op: 'petro.cutoffs', version: '1.0.0' })),
      testCatalogue,
    );
    expect(r.ok && r.value.nodes[2]?.params).toEqual({ vshMax: 0.4 });
  });
});

describe('validatePipeline reports', () => {
  it('an unknown op, suggesting close names', () => {
    const e = only(doc((d) => ((d.nodes[1] as Record<string, unknown>).op = 'petro.vshal')));
    expect(e).toMatchObject({ code: 'UNKNOWN_OPERATOR', nodeId: 'vsh', field: 'op' });
    expect(e.message).toBe(
      "node 'vsh' op: unknown operator 'petro.vshal'; did you mean 'petro.vshale'?",
    );
  });

  it('an unknown version, listing the known versions', () => {
    const e = only(doc((d) => ((d.nodes[1] as Record<string, unknown>).version = '9.0.0')));
    expect(e).toMatchObject({ code: 'UNKNOWN_VERSION', nodeId: 'vsh', field: 'version' });
    expect(e.message).toContain("no version '9.0.0'; known versions: 1.0.0, 1.1.0");
  });

  it('each bad parameter with the allowed range, enum values, missing and unknown params', () => {
    const list = problems(
      doc((d) => {
        d.nodes[1] = {
          id: 'vsh',
          op: 'petro.vshale',
          version: '1.0.0',
          params: { grMin: -5, method: 'cubic', colour: 'red' },
        };
      }),
    );
    const byField = Object.fromEntries(
      list.map((e): [string, PetroflowError] => [e.field ?? '', e]),
    );
    expect(list.every((e) => e.code === 'BAD_PARAMS' && e.nodeId === 'vsh')).toBe(true);
    expect(byField['params.grMin']?.message).toBe(
      "node 'vsh' params.grMin: must be >= 0 (allowed: 0 to 1000 API); got -5",
    );
    expect(byField['params.grMax']?.message).toBe(
      "node 'vsh' params.grMax: is required but missing",
    );
    expect(byField['params.method']?.message).toContain(
      'must be one of: linear, larionov-tertiary, larionov-older, stieber, clavier; got "cubic"',
    );
    expect(byField['params.colour']?.message).toContain(
      "unknown parameter 'colour'; known: gr, grMin, grMax, method, output",
    );
    expect(list).toHaveLength(4);
  });

  it('a wrong parameter type and an exclusive bound', () => {
    const list = problems(
      doc((d) => {
        d.nodes[1] = {
          id: 'vsh',
          op: 'petro.vshale',
          version: '1.0.0',
          params: { grMin: '20', grMax: 100 },
        };
        d.nodes.push({ id: 'cut', op: 'petro.cutoffs', version: '1.0.0', params: { vshMax: 0 } });
      }),
    );
    expect(list.map((e) => [e.nodeId, e.field, e.message])).toEqual([
      ['vsh', 'params.grMin', 'node \'vsh\' params.grMin: must be a number; got "20"'],
      [
        'cut',
        'params.vshMax',
        "node 'cut' params.vshMax: must be > 0 (allowed: > 0 and <= 1 v/v); got 0",
      ],
    ]);
  });

  it('an edge to a missing node', () => {
    const e = only(
      doc((d) => d.edges.push({ from: 'vsh', fromPort: 'out', to: 'vhs2', toPort: 'in' })),
    );
    expect(e).toMatchObject({ code: 'BAD_EDGE', field: 'edges[1].to', nodeId: 'vsh' });
    expect(e.message).toContain("goes to node 'vhs2', which does not exist");
    const f = only(doc((d) => ((d.edges[0] as Record<string, unknown>).from = 'log')));
    expect(f).toMatchObject({ code: 'BAD_EDGE', field: 'edges[0].from', nodeId: 'vsh' });
    expect(f.message).toBe(
      "edges[0].from: edges[0] (log.out -> vsh.in) comes from node 'log', which does not exist; did you mean 'logs'?",
    );
  });

  it('an edge to a missing input or output port', () => {
    const list = problems(
      doc((d) => (d.edges[0] = { from: 'logs', fromPort: 'output', to: 'vsh', toPort: 'inn' })),
    );
    expect(list.map((e) => [e.code, e.nodeId, e.field])).toEqual([
      ['BAD_EDGE', 'logs', 'edges[0].fromPort'],
      ['BAD_EDGE', 'vsh', 'edges[0].toPort'],
    ]);
    expect(list[0]?.message).toContain(
      "node 'logs' (source.las) has no output port 'output'; its outputs: out",
    );
    expect(list[1]?.message).toContain(
      "node 'vsh' (petro.vshale) has no input port 'inn'; its inputs: in; did you mean 'in'?",
    );
  });

  it('input ports that depend on params (sql)', () => {
    const e = only(
      doc((d) => {
        d.nodes.push({
          id: 'q',
          op: 'sql',
          version: '1.0.0',
          params: { query: 'select 1', inputs: ['a', 'b'] },
        });
        d.edges.push({ from: 'vsh', fromPort: 'out', to: 'q', toPort: 'input' });
      }),
    );
    expect(e).toMatchObject({ code: 'BAD_EDGE', nodeId: 'q', field: 'edges[1].toPort' });
    expect(e.message).toContain("has no input port 'input'; its inputs: a, b");
  });

  it('two edges into one single-input port', () => {
    const e = only(
      doc((d) => {
        d.nodes.push({
          id: 'logs2',
          op: 'source.las',
          version: '1.0.0',
          params: { file: 'b.las' },
        });
        d.edges.push({ from: 'logs2', fromPort: 'out', to: 'vsh', toPort: 'in' });
      }),
    );
    expect(e).toMatchObject({ code: 'BAD_EDGE', nodeId: 'vsh', field: 'edges[1].toPort' });
    expect(e.message).toContain(
      "input 'in' of node 'vsh' already has an edge (edges[0] (logs.out -> vsh.in))",
    );
  });

  it('a cycle, listing its nodes in order', () => {
    const e = only(
      doc((d) => {
        d.nodes.push({
          id: 'b',
          op: 'sql',
          version: '1.0.0',
          params: { query: 'x', inputs: ['x', 'y'] },
        });
        d.nodes.push({ id: 'c', op: 'sql', version: '1.0.0', params: { query: 'x' } });
        d.edges.push({ from: 'vsh', fromPort: 'out', to: 'b', toPort: 'x' });
        d.edges.push({ from: 'b', fromPort: 'out', to: 'c', toPort: 'input' });
        d.edges.push({ from: 'c', fromPort: 'out', to: 'b', toPort: 'y' });
      }),
    );
    expect(e).toMatchObject({ code: 'PIPELINE_CYCLE', nodeId: 'b', field: 'edges' });
    expect(e.message).toContain('nodes b -> c -> b form a cycle');
  });

  it('a self-loop', () => {
    const e = only(
      doc((d) => {
        d.nodes.push({
          id: 'q',
          op: 'sql',
          version: '1.0.0',
          params: { query: 'x', inputs: ['a', 'b'] },
        });
        d.edges.push({ from: 'q', fromPort: 'out', to: 'q', toPort: 'a' });
      }),
    );
    expect(e).toMatchObject({ code: 'PIPELINE_CYCLE', nodeId: 'q', field: 'edges[1]' });
    expect(e.message).toContain("connects node 'q' to itself");
  });

  it('unknown top-level fields', () => {
    const e = only(doc((d) => (d.colour = 'red')));
    expect(e).toMatchObject({ code: 'PIPELINE_INVALID', field: 'colour' });
    expect(e.message).toContain("unknown top-level field 'colour'");
    expect(e.message).toContain(
      'allows only format, formatVersion, id, name, description, nodes, edges',
    );
  });

  it('a formatVersion newer than this build', () => {
    const e = only(doc((d) => (d.formatVersion = 2)));
    expect(e).toMatchObject({ code: 'PIPELINE_FORMAT_TOO_NEW', field: 'formatVersion' });
    expect(e.message).toContain('made by a newer Petroflow');
    expect(e.message).toContain('update the app');
  });

  it('duplicate node ids', () => {
    const e = only(
      doc((d) =>
        d.nodes.push({ id: 'vsh', op: 'source.las', version: '1.0.0', params: { file: 'x' } }),
      ),
    );
    expect(e).toMatchObject({ code: 'PIPELINE_INVALID', nodeId: 'vsh', field: 'id' });
    expect(e.message).toContain("the id 'vsh' is already used by nodes[1] (this is nodes[2])");
  });

  it('bad node fields, length limits and a node without a valid id', () => {
    const list = problems(
      doc((d) => {
        (d.nodes[0] as Record<string, unknown>).label = 'x'.repeat(201);
        d.nodes.push({
          id: 'bad id',
          op: 'source.las',
          version: '1.0.0',
          params: { file: 'x' },
          colour: 1,
        });
        d.name = 'n'.repeat(201);
      }),
    );
    expect(list.map((e) => [e.nodeId, e.field])).toEqual([
      [undefined, 'name'],
      ['logs', 'label'],
      [undefined, 'nodes[2].colour'],
      [undefined, 'nodes[2].id'],
    ]);
    expect(list[1]?.message).toBe("node 'logs' label: must be at most 200 characters (it has 201)");
    expect(list[3]?.message).toContain(
      'must be 1-64 characters of A-Z, a-z, 0-9, _ or -; got "bad id"',
    );
  });

  it('something that is not a pipeline with one clear error', () => {
    expect(only([1, 2]).message).toContain('a pipeline must be a JSON object');
    expect(only({ format: 'other' }).message).toContain('this is not a Petroflow pipeline');
    expect(only({ ...doc(), nodes: 'x' }).field).toBe('nodes');
  });

  it('every problem at once, not just the first', () => {
    const list = problems(
      doc((d) => {
        d.extra = true;
        (d.nodes[0] as Record<string, unknown>).op = 'nope';
        (d.nodes[1] as Record<string, unknown>).params = { grMin: 5000, grMax: 1 };
        d.edges.push({ from: 'vsh', fromPort: 'out', to: 'ghost', toPort: 'in' });
      }),
    );
    expect(list.map((e) => e.code)).toEqual([
      'PIPELINE_INVALID',
      'UNKNOWN_OPERATOR',
      'BAD_PARAMS',
      'BAD_EDGE',
    ]);
  });

  it('prototype keys inside a value, without polluting Object.prototype', () => {
    const hostile = JSON.parse(
      '{"format":"petroflow.pipeline","formatVersion":1,"id":"p","name":"n","nodes":[{"id":"a","op":"source.las","version":"1.0.0","params":{"__proto__":{"polluted":true}}}],"edges":[]}',
    ) as unknown;
    const e = only(hostile);
    expect(e.code).toBe('PIPELINE_INVALID');
    expect(e.field).toBe('nodes[0].params.__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
