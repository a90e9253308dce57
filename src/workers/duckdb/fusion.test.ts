/**
 * Fused chains (src/engine/fusion) against the same pipelines run node by node, on one real
 * DuckDB host: every node's output (schema, metadata, values, nulls, NaN), statuses, errors, the
 * cache, cancellation and the lock-down must be the same; only the SQL calls differ.
 */
import { tableFromIPC, type Table } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineWithCache } from '../../engine/engine.ts';
import { memoryFiles, testPipeline, type TestNode } from '../../engine/testing/fixtures.ts';
import type { RunSummary } from '../../engine/types.ts';
import { countingSql, fusionEngine, type SqlCalls } from './fusion-fixtures.ts';
import type { DuckDbHost } from './host.ts';
import { createNodeDuckDbHost } from './node.ts';

let host: DuckDbHost;
beforeAll(async () => {
  host = await createNodeDuckDbHost();
}, 60_000);
afterAll(async () => {
  await host.close();
});

const AGG =
  'SELECT count(*) AS n, sum(PHIE) AS s, min(LITH) AS l, max(PHID) AS m, sum(DEC1) AS d FROM input';

function chain(over: Partial<Record<string, Record<string, unknown>>> = {}): TestNode[] {
  const n = (id: string, op: string, params: Record<string, unknown>): TestNode => ({
    id,
    op,
    params: { ...params, ...over[id] },
  });
  return [
    n('logs', 'test.logs', { batches: 3, rows: 50 }),
    n('igr', 'math.expression', { expression: '(GR - 10) / 140', output: 'IGR' }),
    n('phid', 'math.expression', { expression: '(2.65 - RHOB) / 1.65', output: 'PHID' }),
    n('dec', 'math.expression', { expression: 'CAST(NPHI * 1000 AS INTEGER)', output: 'DEC' }),
    n('dec1', 'math.expression', { expression: 'DEC + 1', output: 'DEC1' }),
    n('zone', 'filter.depth', { index: 'DEPT', top: 1060, base: 1010 }),
    n('tag', 'math.expression', {
      expression: "CASE WHEN GR > 60 THEN 'hot' ELSE LITH END",
      output: 'TAG',
    }),
    n('zone2', 'filter.depth', { index: 'DEPT', top: 1020, base: 1070 }),
    n('nphi', 'math.expression', { expression: 'NPHI * 100', output: 'NPHI' }),
    n('phie', 'math.expression', {
      expression: '(PHID + NPHI / 100) / 2 * (1 - IGR)',
      output: 'PHIE',
    }),
    n('agg', 'sql', { query: AGG }),
  ];
}
const EDGES = [
  'logs->igr',
  'igr->phid',
  'phid->dec',
  'dec->dec1',
  'dec1->zone',
  'zone->tag',
  'tag->zone2',
  'zone2->nphi',
  'nphi->phie',
  'phie->agg:input',
];
const IDS = ['logs', 'igr', 'phid', 'dec', 'dec1', 'zone', 'tag', 'zone2', 'nphi', 'phie', 'agg'];

/** A table as comparable data: fields with types and metadata, values with NaN kept apart. */
function snapshot(t: Table): unknown {
  return {
    fields: t.schema.fields.map((f) => [f.name, String(f.type), [...f.metadata.entries()]]),
    columns: t.schema.fields.map((f) =>
      [...(t.getChild(f.name) ?? [])].map((v: unknown) =>
        typeof v === 'number' && Number.isNaN(v) ? 'NaN' : typeof v === 'bigint' ? String(v) : v,
      ),
    ),
  };
}

async function outputs(
  engine: EngineWithCache,
  ids: readonly string[],
): Promise<Map<string, unknown>> {
  const out = new Map<string, unknown>();
  for (const id of ids) {
    const bytes = await engine.output(id);
    out.set(id, bytes ? snapshot(tableFromIPC(bytes)) : undefined);
  }
  return out;
}

function statuses(s: RunSummary): Record<string, string> {
  return Object.fromEntries(Object.entries(s.nodes).map(([id, n]) => [id, n.status]));
}

async function both(nodes: TestNode[], edges = EDGES) {
  const files = memoryFiles();
  const fused = countingSql(host, true);
  const plain = countingSql(host, false);
  const ef = fusionEngine(fused.sql);
  const ep = fusionEngine(plain.sql);
  const sf = await ef.run(testPipeline(nodes, edges), files);
  const sp = await ep.run(testPipeline(nodes, edges), files);
  return { ef, ep, sf, sp, fused: fused.calls, plain: plain.calls, files };
}

async function userTables(): Promise<number> {
  const t = await host.query('SELECT count(*)::DOUBLE AS n FROM duckdb_tables()', {});
  return Number(t.getChild('n')?.get(0));
}

describe('fused chains', () => {
  it('give every node the same output as node-by-node runs, over several batches', async () => {
    const { ef, ep, sf, sp, fused, plain } = await both(chain());
    expect(statuses(sf)).toEqual(statuses(sp));
    expect(Object.values(statuses(sf)).every((s) => s === 'done')).toBe(true);
    const [a, b] = [await outputs(ef, IDS), await outputs(ep, IDS)];
    for (const id of IDS) expect(a.get(id), id).toEqual(b.get(id));
    for (const id of IDS) expect(sf.nodes[id]?.rows, id).toBe(sp.nodes[id]?.rows);
    const dec = tableFromIPC((await ef.output('dec1')) as Uint8Array);
    expect(String(dec.schema.fields.find((f) => f.name === 'DEC1')?.type)).toBe('Int32');
    // Fused: no per-node query; each of the 3 batches is staged once.
    const f: SqlCalls = fused;
    expect(f.query).toBe(0);
    expect(f.stageAppend).toBe(3);
    expect(f.stageQuery).toBe(1);
    expect(plain.query).toBeGreaterThan(20);
    expect(await userTables()).toBe(0);
  }, 60_000);

  it('runs a chain computing a DECIMAL unfused (its export rounds unlike a cast)', async () => {
    const dec = { expression: 'CAST(NPHI AS DECIMAL(6,3)) * 2', output: 'DEC' };
    const { ef, ep, fused } = await both(chain({ dec }));
    const [a, b] = [await outputs(ef, IDS), await outputs(ep, IDS)];
    for (const id of IDS) expect(a.get(id), id).toEqual(b.get(id));
    expect(fused.query).toBeGreaterThan(0);
    expect(fused.stageQuery).toBe(0);
  }, 60_000);

  it('fuses a chain without a sql tail, batch by batch', async () => {
    const nodes = chain().filter((n) => n.id !== 'agg');
    const { ef, ep, fused } = await both(nodes, EDGES.slice(0, -1));
    const ids = IDS.slice(0, -1);
    const [a, b] = [await outputs(ef, ids), await outputs(ep, ids)];
    for (const id of ids) expect(a.get(id), id).toEqual(b.get(id));
    expect(fused.query).toBe(0);
    expect(fused.stageSelect).toBeGreaterThanOrEqual(3);
  }, 60_000);

  it('keeps a FLOAT depth index fused, with the samples at the window bounds in both paths', async () => {
    // DEPT 1000.0 .. 1014.9 in 0.1 steps as 32-bit floats: every bound below is held as a float a
    // little off the typed value (1001.3 as 1001.2999877929688), yet the sample is inside.
    const nodes = chain({
      logs: { float32: 1 },
      zone: { top: 1001.3, base: 1012.7 },
      zone2: { top: 1002.1, base: 1013.9 },
    });
    const { ef, ep, sf, sp, fused } = await both(nodes);
    const [a, b] = [await outputs(ef, IDS), await outputs(ep, IDS)];
    for (const id of IDS) expect(a.get(id), id).toEqual(b.get(id));
    // zone keeps 1001.3 .. 1012.7 (115 samples), zone2 of those 1002.1 .. 1012.7 (107).
    expect(sf.nodes.zone?.rows).toBe(115);
    expect(sf.nodes.zone2?.rows).toBe(107);
    expect(sp.nodes.zone2?.rows).toBe(107);
    // The fused filter agrees with the operator, so the chain never falls back to node by node.
    expect(fused.query).toBe(0);
    expect(fused.stageQuery).toBe(1);
  }, 60_000);

  it('fails the middle node with its own error; upstream is done, downstream skipped', async () => {
    const bad = chain({ dec: { expression: 'ln(RHOB - 2.3)', output: 'DEC' } });
    const { ef, ep, sf, sp } = await both(bad);
    expect(statuses(sf)).toEqual(statuses(sp));
    expect(sf.nodes.dec?.status).toBe('failed');
    expect(sf.nodes.dec?.error?.nodeId).toBe('dec');
    expect(sf.nodes.dec?.error?.field).toBe('params.expression');
    expect(sf.nodes.dec?.error?.message).toBe(sp.nodes.dec?.error?.message);
    expect(sf.nodes.zone?.reason).toBe("upstream node 'dec' failed");
    expect(sf.nodes.agg?.status).toBe('skipped');
    for (const id of ['logs', 'igr', 'phid'])
      expect((await outputs(ef, [id])).get(id)).toEqual((await outputs(ep, [id])).get(id));
  }, 60_000);

  it('reports an aggregate in an expression as the node does', async () => {
    const { sf, sp } = await both(chain({ tag: { expression: 'avg(GR)', output: 'TAG' } }));
    expect(sf.nodes.tag?.status).toBe('failed');
    expect(sf.nodes.tag?.error?.message).toBe(sp.nodes.tag?.error?.message);
    expect(sf.nodes.tag?.error?.message).toMatch(/Aggregate functions/);
    expect(statuses(sf)).toEqual(statuses(sp));
  }, 60_000);

  it('keeps the lock-down and the sql error of the tail', async () => {
    const { sf, sp } = await both(
      chain({ agg: { query: "SELECT * FROM read_csv('/etc/passwd')" } }),
    );
    expect(sf.nodes.agg?.status).toBe('failed');
    expect(sf.nodes.agg?.error?.message).toBe(sp.nodes.agg?.error?.message);
    expect(sf.nodes.agg?.error?.message).toMatch(/Permission/i);
    expect(sf.nodes.phie?.status).toBe('done');
    expect(await userTables()).toBe(0);
  }, 60_000);

  it('gives a tail that can tell a view from a table (rowid) a real table', async () => {
    const q = 'SELECT count(*) AS n, max(rowid) AS r, sum(PHIE) AS s FROM input';
    const { ef, ep, fused } = await both(chain({ agg: { query: q } }));
    expect((await outputs(ef, ['agg'])).get('agg')).toEqual(
      (await outputs(ep, ['agg'])).get('agg'),
    );
    expect(fused.stageQuery).toBe(1);
  }, 60_000);

  it('serves the cache: a changed tail re-runs alone, a changed step re-runs from there', async () => {
    const files = memoryFiles();
    const { sql } = countingSql(host, true);
    const engine = fusionEngine(sql);
    const plain = fusionEngine(countingSql(host, false).sql);
    await engine.run(testPipeline(chain(), EDGES), files);
    const q2 = "SELECT count(*) AS n, avg(PHIE) AS a FROM input WHERE TAG = 'hot'";
    const leaf = chain({ agg: { query: q2 } });
    const s1 = await engine.run(testPipeline(leaf, EDGES), files);
    expect(
      Object.entries(statuses(s1))
        .filter(([, s]) => s === 'done')
        .map(([id]) => id),
    ).toEqual(['agg']);
    await plain.run(testPipeline(leaf, EDGES), files);
    expect((await outputs(engine, ['agg'])).get('agg')).toEqual(
      (await outputs(plain, ['agg'])).get('agg'),
    );
    const mid = chain({ agg: { query: q2 }, tag: { expression: 'upper(LITH)', output: 'TAG' } });
    const s2 = await engine.run(testPipeline(mid, EDGES), files);
    const ran = Object.entries(statuses(s2)).filter(([, s]) => s === 'done');
    expect(ran.map(([id]) => id)).toEqual(['tag', 'zone2', 'nphi', 'phie', 'agg']);
    await plain.run(testPipeline(mid, EDGES), files);
    const ids = ['tag', 'zone2', 'nphi', 'phie', 'agg'];
    const [a, b] = [await outputs(engine, ids), await outputs(plain, ids)];
    for (const id of ids) expect(a.get(id), id).toEqual(b.get(id));
  }, 60_000);

  it('cancels mid-chain: every chain node ends cancelled and DuckDB is left clean', async () => {
    const { sql } = countingSql(host, true);
    const engine = fusionEngine(sql);
    const ac = new AbortController();
    const nodes = chain({ logs: { batches: 6, rows: 50, ms: 150 } });
    const summary = await engine.run(testPipeline(nodes, EDGES), memoryFiles(), {
      signal: ac.signal,
      onEvent: (e) => {
        if (e.nodeId === 'phie' && e.status === 'running' && (e.rows ?? 0) > 0) ac.abort();
      },
    });
    expect(summary.status).toBe('cancelled');
    for (const id of IDS.slice(1)) {
      expect(summary.nodes[id]?.status, id).not.toBe('done');
      expect(summary.spans.find((s) => s.nodeId === id)?.status, id).toBe('cancelled');
    }
    expect(await userTables()).toBe(0);
    const again = await engine.run(testPipeline(chain(), EDGES), memoryFiles());
    expect(again.status).toBe('done');
  }, 60_000);
});
