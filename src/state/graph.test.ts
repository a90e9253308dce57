import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createAppStore, type AppStore } from './store.ts';
import { testRegistry } from './testOperators.ts';
import { nodeId, pipelineId } from '../model/ids.ts';
import type { PipelineEdge } from '../model/pipeline.ts';
import type { GraphDoc } from './doc.ts';
import { createIssueChecker } from './validate.ts';
import { portLookup } from './ports.ts';

const registry = testRegistry();
const fresh = (): AppStore => createAppStore({ registry });
const edge = (from: string, to: string, toPort = 'in'): PipelineEdge => ({
  from: nodeId(from),
  fromPort: 'out',
  to: nodeId(to),
  toPort,
});

describe('adding nodes and connecting ports', () => {
  it('gives new nodes the newest version of the followed channel with defaults filled', () => {
    const s = fresh();
    const id = s.getState().addNode('test.scale');
    const node = s.getState().doc.nodes[0];
    expect(id).toBe('scale-1');
    expect(node?.version).toBe('1.1.0');
    expect(node?.params).toEqual({ col: 'GR' });
    s.getState().setChannel('beta');
    s.getState().addNode('test.scale');
    expect(s.getState().doc.nodes[1]?.version).toBe('2.0.0');
  });

  it('refuses a second table into one input port, with the reason shown', () => {
    const s = fresh();
    const a = s.getState().addNode('test.source') as string;
    const b = s.getState().addNode('test.source') as string;
    const c = s.getState().addNode('test.scale') as string;
    expect(s.getState().connect(edge(a, c)).ok).toBe(true);
    const second = s.getState().connect(edge(b, c));
    expect(second.ok).toBe(false);
    expect(s.getState().notice?.message).toContain('already takes the table of "source-1"');
    expect(s.getState().doc.edges).toHaveLength(1);
  });

  it('refuses a cycle and names its nodes; refuses unknown ports and self-loops', () => {
    const s = fresh();
    const a = s.getState().addNode('test.scale') as string;
    const b = s.getState().addNode('test.scale') as string;
    const c = s.getState().addNode('test.scale') as string;
    s.getState().connect(edge(a, b));
    s.getState().connect(edge(b, c));
    const r = s.getState().connect(edge(c, a));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('scale-1 → scale-2 → scale-3 → scale-1');
    expect(s.getState().connect(edge(a, a)).ok).toBe(false);
    const j = s.getState().addNode('test.join') as string;
    expect(s.getState().connect(edge(a, j, 'nope')).ok).toBe(false);
    expect(s.getState().connect(edge(a, j, 'b')).ok).toBe(true);
  });

  it('replaces what feeds an input in one undo step, and refuses a replacement that loops', () => {
    const s = fresh();
    const a = s.getState().addNode('test.source') as string;
    const b = s.getState().addNode('test.source') as string;
    const c = s.getState().addNode('test.scale') as string;
    const d = s.getState().addNode('test.scale') as string;
    s.getState().connect(edge(a, c));
    s.getState().connect(edge(c, d));
    expect(s.getState().replaceInput(edge(b, c)).ok).toBe(true);
    expect(
      s
        .getState()
        .doc.edges.filter((e) => e.to === c)
        .map((e) => e.from),
    ).toEqual([b]);
    s.getState().undo();
    expect(
      s
        .getState()
        .doc.edges.filter((e) => e.to === c)
        .map((e) => e.from),
    ).toEqual([a]);
    const loop = s.getState().replaceInput(edge(d, c));
    expect(loop.ok).toBe(false);
    expect(
      s
        .getState()
        .doc.edges.filter((e) => e.to === c)
        .map((e) => e.from),
    ).toEqual([a]);
  });
});

describe('parameters and issues', () => {
  it('flags an invalid parameter on its field and clears it when fixed', () => {
    const s = fresh();
    const src = s.getState().addNode('test.source') as string;
    const id = s.getState().addNode('test.scale') as string;
    s.getState().connect(edge(src, id));
    const issues = createIssueChecker(registry, portLookup(registry));
    expect(issues(s.getState().doc).get(id)).toEqual([
      { field: 'factor', message: 'Factor is required.' },
    ]);
    s.getState().setParams(id, { col: 'GR', factor: -1 });
    expect(issues(s.getState().doc).get(id)?.[0]?.message).toBe('Factor must be >= 0.');
    s.getState().setParams(id, { col: 'GR', factor: 2 });
    expect(issues(s.getState().doc).has(id)).toBe(false);
  });

  it('reports an unconnected input and an unknown operator version', () => {
    const s = fresh();
    s.getState().loadPipeline({
      format: 'petroflow.pipeline',
      formatVersion: 1,
      id: pipelineId('p'),
      name: 'p',
      nodes: [{ id: nodeId('x'), op: 'test.scale', version: '9.0.0', params: {} }],
      edges: [],
    });
    const id = s.getState().addNode('test.scale') as string;
    s.getState().setParams(id, { col: 'GR', factor: 1 });
    const issues = createIssueChecker(registry, portLookup(registry))(s.getState().doc);
    expect(issues.get('x')?.[0]?.message).toContain(
      'has no version 9.0.0 (known: 1.0.0, 1.1.0, 2.0.0)',
    );
    expect(issues.get(id)).toEqual([{ message: 'Input "in" is not connected.' }]);
  });
});

describe('operator upgrades', () => {
  it('offers, shows changes, migrates params, and undoes; never upgrades on its own', () => {
    const s = fresh();
    s.getState().loadPipeline({
      format: 'petroflow.pipeline',
      formatVersion: 1,
      id: pipelineId('p'),
      name: 'p',
      nodes: [{ id: nodeId('n'), op: 'test.scale', version: '1.0.0', params: { col: 'GR', k: 3 } }],
      edges: [],
    });
    const offer = s.getState().upgradeOffer('n');
    expect(offer).toEqual({
      from: '1.0.0',
      to: '1.1.0',
      steps: [{ version: '1.1.0', changes: '"k" is renamed "factor".' }],
    });
    expect(s.getState().doc.nodes[0]?.version).toBe('1.0.0');
    expect(s.getState().upgrade('n').ok).toBe(true);
    expect(s.getState().doc.nodes[0]).toMatchObject({
      version: '1.1.0',
      params: { col: 'GR', factor: 3 },
    });
    s.getState().setChannel('beta');
    expect(s.getState().upgradeOffer('n')?.to).toBe('2.0.0');
    s.getState().undo();
    expect(s.getState().doc.nodes[0]).toMatchObject({
      version: '1.0.0',
      params: { col: 'GR', k: 3 },
    });
    expect(
      s
        .getState()
        .upgradeOffer('n')
        ?.steps.map((x) => x.version),
    ).toEqual(['1.1.0', '2.0.0']);
  });
});

describe('clipboard and moves', () => {
  it('pastes copies with fresh ids and the edges among them', () => {
    const s = fresh();
    const a = s.getState().addNode('test.source', { x: 0, y: 0 }) as string;
    const b = s.getState().addNode('test.scale', { x: 0, y: 100 }) as string;
    s.getState().connect(edge(a, b));
    s.getState().select([a, b]);
    s.getState().copySelection();
    s.getState().paste();
    const ids = s.getState().doc.nodes.map((n) => n.id);
    expect(ids).toEqual(['source-1', 'scale-1', 'source-2', 'scale-2']);
    expect(s.getState().doc.edges.map((e) => `${e.from}>${e.to}`)).toEqual([
      'source-1>scale-1',
      'source-2>scale-2',
    ]);
    expect(s.getState().doc.nodes[2]?.position).toEqual({ x: 40, y: 40 });
    expect([...s.getState().selected]).toEqual(['source-2', 'scale-2']);
  });

  it('records a whole drag as one undo step', () => {
    const s = fresh();
    const a = s.getState().addNode('test.source', { x: 0, y: 0 }) as string;
    s.getState().beginMove();
    for (let i = 1; i <= 20; i++) s.getState().moveNodes(new Map([[a, { x: i, y: i }]]));
    s.getState().endMove();
    expect(s.getState().doc.nodes[0]?.position).toEqual({ x: 20, y: 20 });
    s.getState().undo();
    expect(s.getState().doc.nodes[0]?.position).toEqual({ x: 0, y: 0 });
    s.getState().redo();
    expect(s.getState().doc.nodes[0]?.position).toEqual({ x: 20, y: 20 });
  });
});

/** The invariants undo must never break. */
function checkInvariants(doc: GraphDoc) {
  const ports = portLookup(registry);
  const ids = new Set(doc.nodes.map((n) => n.id as string));
  expect(ids.size).toBe(doc.nodes.length);
  const inputs = new Set<string>();
  for (const e of doc.edges) {
    const from = doc.nodes.find((n) => n.id === e.from);
    const to = doc.nodes.find((n) => n.id === e.to);
    expect(from && to).toBeTruthy();
    if (!from || !to) return;
    expect(ports(from).outputs).toContain(e.fromPort);
    expect(ports(to).inputs).toContain(e.toPort);
    const key = `${e.to}:${e.toPort}`;
    expect(inputs.has(key)).toBe(false);
    inputs.add(key);
  }
  // no cycle: repeatedly remove nodes without incoming edges
  let edges = [...doc.edges];
  let left = new Set(ids);
  for (;;) {
    const roots = [...left].filter((n) => !edges.some((e) => e.to === n));
    if (roots.length === 0) break;
    left = new Set([...left].filter((n) => !roots.includes(n)));
    edges = edges.filter((e) => !roots.includes(e.from));
  }
  expect(left.size).toBe(0);
}

const opArb = fc.oneof(
  fc.record({
    t: fc.constant('add' as const),
    op: fc.constantFrom('test.source', 'test.scale', 'test.join'),
  }),
  fc.record({
    t: fc.constant('connect' as const),
    a: fc.nat(20),
    b: fc.nat(20),
    port: fc.constantFrom('in', 'a', 'b'),
  }),
  fc.record({ t: fc.constant('delete' as const), a: fc.nat(20) }),
  fc.record({ t: fc.constant('deleteEdge' as const), a: fc.nat(20) }),
  fc.record({
    t: fc.constant('move' as const),
    a: fc.nat(20),
    x: fc.integer({ min: -500, max: 500 }),
  }),
  fc.record({
    t: fc.constant('params' as const),
    a: fc.nat(20),
    v: fc.integer({ min: -5, max: 5 }),
  }),
  fc.record({ t: fc.constant('disable' as const), a: fc.nat(20) }),
  fc.record({ t: fc.constant('paste' as const), a: fc.nat(20) }),
  fc.record({ t: fc.constant('undo' as const) }),
  fc.record({ t: fc.constant('redo' as const) }),
);

describe('undo/redo property', () => {
  it('never corrupts the graph, and undoing everything returns to the start', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 60 }), (ops) => {
        const s = fresh();
        const st = () => s.getState();
        const pick = (i: number) => st().doc.nodes[i % Math.max(1, st().doc.nodes.length)]?.id;
        for (const o of ops) {
          const before = st().doc;
          const pastLen = st().past.length;
          switch (o.t) {
            case 'add':
              st().addNode(o.op);
              break;
            case 'connect': {
              const a = pick(o.a);
              const b = pick(o.b);
              if (a && b) st().connect({ from: a, fromPort: 'out', to: b, toPort: o.port });
              break;
            }
            case 'delete': {
              const a = pick(o.a);
              if (a) st().removeNodes([a]);
              break;
            }
            case 'deleteEdge': {
              const e = st().doc.edges[o.a % Math.max(1, st().doc.edges.length)];
              if (e) st().removeEdges([`${e.from}:${e.fromPort}->${e.to}:${e.toPort}`]);
              break;
            }
            case 'move': {
              const a = pick(o.a);
              if (a) {
                st().beginMove();
                st().moveNodes(new Map([[a, { x: o.x, y: o.x }]]));
                st().endMove();
              }
              break;
            }
            case 'params': {
              const a = pick(o.a);
              if (a) st().setParams(a, { col: 'GR', factor: o.v });
              break;
            }
            case 'disable': {
              const a = pick(o.a);
              if (a) st().toggleDisabled(a);
              break;
            }
            case 'paste': {
              const a = pick(o.a);
              if (a) {
                st().select([a]);
                st().copySelection();
                st().paste();
              }
              break;
            }
            case 'undo':
              st().undo();
              break;
            case 'redo':
              st().redo();
              break;
          }
          checkInvariants(st().doc);
          if (o.t !== 'undo' && o.t !== 'redo' && st().doc !== before) {
            expect(st().past.length).toBe(Math.min(pastLen + 1, 300));
            // undo then redo of this edit is exact
            const after = st().doc;
            st().undo();
            expect(st().doc).toBe(before);
            st().redo();
            expect(st().doc).toBe(after);
          }
        }
        while (st().past.length > 0) st().undo();
        expect(st().doc.nodes).toEqual([]);
        expect(st().doc.edges).toEqual([]);
        while (st().future.length > 0) {
          st().redo();
          checkInvariants(st().doc);
        }
      }),
      { numRuns: 200 },
    );
  });
});
