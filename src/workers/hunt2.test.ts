/**
 * Adversarial checks of the Node engine (second hunt): random pipelines give byte-identical
 * outputs with 1, 2 and 4 workers; a cancelled wide fan-out stops at once without running its
 * queued nodes; 100 cancelled runs leave the pool whole and memory bounded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { memoryFiles, testPipeline } from '../engine/testing/fixtures.ts';
import type { TestNode } from '../engine/testing/fixtures.ts';
import type { Pipeline } from '../model/pipeline.ts';
import type { NodeEngine } from './node.ts';
import { createNodeEngine } from './node.ts';

const testOps = new URL('../engine/testing/test-operators.ts', import.meta.url).href;

/** A CSV log of `rows` depth samples with a seeded pattern. */
function csv(rows: number, seed: number): string {
  const lines = ['DEPT,GR,RT'];
  for (let i = 0; i < rows; i++) {
    const gr = ((i * 37 + seed * 11) % 150) + 0.25;
    const rt = (((i * 13 + seed) % 90) + 1) / 4;
    lines.push(`${1000 + i * 0.5 + seed},${gr},${rt}`);
  }
  return lines.join('\n');
}

const files = () => memoryFiles({ 'a.csv': csv(60, 1), 'b.csv': csv(45, 2), 'c.csv': csv(30, 3) });

/** A random DAG of real operators: CSV sources, expressions, depth filters, SQL joins/unions. */
function randomPipeline(seed: number): Pipeline {
  let s = seed;
  const rnd = (n: number): number => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % n;
  };
  const nodes: TestNode[] = [];
  const edges: string[] = [];
  const pick = (): string => (nodes[rnd(nodes.length)] as TestNode).id;
  const sources = ['a.csv', 'b.csv', 'c.csv', '*.csv'];
  for (let i = 0; i < 2 + rnd(2); i++)
    nodes.push({ id: `s${i}`, op: 'source.csv', params: { file: sources[rnd(4)] } });
  for (let i = 0; i < 10; i++) {
    const id = `n${i}`;
    const kind = rnd(4);
    const [a, b] = [pick(), pick()];
    if (kind === 0) {
      nodes.push({
        id,
        op: 'math.expression',
        params: { expression: `GR * ${i + 1} + RT`, output: `e${i}` },
      });
      edges.push(`${a}->${id}`);
    } else if (kind === 1) {
      const top = 1000 + rnd(20);
      nodes.push({ id, op: 'filter.depth', params: { top, base: top + 10 + rnd(20) } });
      edges.push(`${a}->${id}`);
    } else {
      const query =
        kind === 2
          ? 'SELECT DEPT, GR, RT FROM a UNION ALL SELECT DEPT, GR, RT FROM b'
          : 'SELECT a.DEPT, a.GR, b.RT FROM a JOIN b ON a.DEPT = b.DEPT ORDER BY 1, 2, 3 LIMIT 400';
      nodes.push({ id, op: 'sql', params: { query, inputs: ['a', 'b'] } });
      edges.push(`${a}->${id}:a`, `${b}->${id}:b`);
    }
  }
  return testPipeline(nodes, edges);
}

/** Every node's output bytes, as hex digests of the IPC stream. */
async function outputs(engine: NodeEngine, p: Pipeline): Promise<Record<string, string>> {
  const s = await engine.run(p, files());
  const bad = Object.entries(s.nodes).filter(([, n]) => n.status !== 'done');
  expect(bad.map(([id, n]) => `${id}: ${n.error?.message ?? n.reason ?? n.status}`)).toEqual([]);
  const out: Record<string, string> = {};
  for (const n of p.nodes) {
    const bytes = await engine.output(n.id);
    expect(bytes, n.id).toBeDefined();
    const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
    out[n.id] = Buffer.from(digest).toString('hex');
  }
  // Every pipeline is computed afresh (nodes with the same fingerprint would be cache hits).
  engine.cache.clear();
  return out;
}

describe('determinism across pool sizes', () => {
  it('gives byte-identical outputs of every node with 1, 2 and 4 workers', async () => {
    const seeds = [11, 47, 101];
    const results: Record<string, Record<string, string>>[] = [];
    for (const workers of [1, 2, 4]) {
      const engine = await createNodeEngine({ workers });
      try {
        const byPipeline: Record<string, Record<string, string>> = {};
        for (const seed of seeds) byPipeline[seed] = await outputs(engine, randomPipeline(seed));
        results.push(byPipeline);
      } finally {
        await engine.dispose();
      }
    }
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
  }, 240_000);
});

/** A source feeding `width` blocking consumers of `ms` each. */
function fanOut(width: number, ms: number): Pipeline {
  const nodes: TestNode[] = [{ id: 'src', op: 'test.numbers', params: { batches: 1, rows: 10 } }];
  const edges: string[] = [];
  for (let i = 0; i < width; i++) {
    nodes.push({ id: `g${i}`, op: 'test.gather', params: { ms } });
    edges.push(`src->g${i}:a`);
  }
  return testPipeline(nodes, edges);
}

describe('cancelling the Node engine', () => {
  let one: NodeEngine;
  beforeAll(async () => {
    one = await createNodeEngine({ workers: 1, operatorModules: [testOps], deadlineMs: 5000 });
    await one.pool.ping();
  });
  afterAll(async () => {
    await one.dispose();
  });

  it('ends a cancelled wide fan-out at once; queued nodes never run', async () => {
    const ac = new AbortController();
    let cancelledAt = 0;
    const s = await one.run(fanOut(40, 300), memoryFiles(), {
      signal: ac.signal,
      onEvent: (e) => {
        if (e.nodeId === 'g0' && e.status === 'running' && cancelledAt === 0) {
          cancelledAt = Date.now();
          ac.abort();
        }
      },
    });
    expect(s.status).toBe('cancelled');
    expect(Date.now() - cancelledAt).toBeLessThan(1500);
    const done = Object.entries(s.nodes).filter(([, n]) => n.status === 'done');
    expect(done.map(([id]) => id).filter((id) => id !== 'src').length).toBeLessThanOrEqual(1);
    expect(s.nodes.g39).toMatchObject({ status: 'skipped', reason: 'cancelled' });
    expect(await one.pool.ping()).toHaveLength(1);
  }, 60_000);

  it('stays whole after 100 runs cancelled at random moments; memory stays bounded', async () => {
    const p = testPipeline(
      [
        { id: 'src', op: 'test.numbers', params: { batches: 20, rows: 2000 } },
        { id: 'slow', op: 'test.step', params: { ms: 5 } },
        { id: 'g', op: 'test.gather', params: { ms: 5 } },
      ],
      ['src->slow', 'slow->g:a'],
    );
    const reference = await one.run(p, memoryFiles());
    expect(reference.nodes.g).toMatchObject({ status: 'done', rows: 40_000 });
    const expected = await one.output('g');
    one.cache.clear();
    const before = process.memoryUsage().heapUsed;
    const delays = fc.sample(fc.integer({ min: 0, max: 250 }), { numRuns: 100, seed: 7 });
    for (const delay of delays) {
      const ac = new AbortController();
      setTimeout(() => ac.abort(), delay);
      const s = await one.run(p, memoryFiles(), { signal: ac.signal });
      expect(['cancelled', 'done']).toContain(s.status);
      for (const n of Object.values(s.nodes)) expect(n.status).not.toBe('running');
      one.cache.clear();
    }
    const grown = process.memoryUsage().heapUsed - before;
    expect(grown).toBeLessThan(100 * 1024 * 1024);
    expect(await one.pool.ping()).toHaveLength(1);
    const again = await one.run(p, memoryFiles());
    expect(again.status).toBe('done');
    expect(await one.output('g')).toEqual(expected);
  }, 180_000);
});
