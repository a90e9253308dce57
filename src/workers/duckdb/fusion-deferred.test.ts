/**
 * Deferred fused chains (src/engine/fusion/deferred.ts): a run that keeps only the tail's output
 * (`retain: 'requested'`, as `petroflow run`) stages the chain's input and computes the steps'
 * values only in one checking query at the end. Every status, row count, error and the tail's
 * result must be those of the node-by-node run (and of the eager fused run).
 */
import { tableFromIPC, type Table } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryFiles, testPipeline, type TestNode } from '../../engine/testing/fixtures.ts';
import type { RunSummary } from '../../engine/types.ts';
import { countingSql, fusionEngine } from './fusion-fixtures.ts';
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
  'SELECT count(*) AS n, sum(PHIE) AS s, min(TAG) AS t, max(PHID) AS m, sum(DEC) AS d FROM input';
const n = (id: string, op: string, params: Record<string, unknown>): TestNode => ({
  id,
  op,
  params,
});

function chain(over: Partial<Record<string, Record<string, unknown>>> = {}): TestNode[] {
  const list = [
    n('logs', 'test.logs', { batches: 3, rows: 60 }),
    n('igr', 'math.expression', { expression: '(GR - 10) / 140', output: 'IGR' }),
    n('phid', 'math.expression', { expression: '(2.65 - RHOB) / 1.65', output: 'PHID' }),
    n('zone', 'filter.depth', { index: 'DEPT', top: 1015, base: 1070 }),
    n('dec', 'math.expression', { expression: 'CAST(NPHI * 1000 AS INTEGER)', output: 'DEC' }),
    n('tag', 'math.expression', {
      expression: "CASE WHEN GR > 60 THEN 'hot' ELSE LITH END",
      output: 'TAG',
    }),
    n('zone2', 'filter.depth', { index: 'DEPT', top: 1020, base: 1080 }),
    n('phie', 'math.expression', { expression: '(PHID + NPHI) / 2 * (1 - IGR)', output: 'PHIE' }),
    n('agg', 'sql', { query: AGG }),
  ];
  return list.map((x) => ({ ...x, params: { ...x.params, ...over[x.id] } }));
}
const IDS = ['logs', 'igr', 'phid', 'zone', 'dec', 'tag', 'zone2', 'phie', 'agg'];
const EDGES = IDS.slice(1).map((id, i) => `${IDS[i]}->${id}${id === 'agg' ? ':input' : ''}`);

function snapshot(t: Table): unknown {
  return {
    fields: t.schema.fields.map((f) => [f.name, String(f.type), [...f.metadata.entries()]]),
    rows: t
      .toArray()
      .map((r: unknown) =>
        JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)),
      ),
  };
}

function outcome(s: RunSummary) {
  return Object.fromEntries(
    Object.entries(s.nodes).map(([id, x]) => [
      id,
      { status: x.status, rows: x.rows, error: x.error?.message, field: x.error?.field },
    ]),
  );
}

/** The chain run three ways: deferred (requested), eager fused (all), node by node (all). */
async function threeWays(nodes: TestNode[]) {
  const files = memoryFiles();
  const d = countingSql(host, true);
  const deferred = fusionEngine(d.sql, 'requested');
  const eager = fusionEngine(countingSql(host, true).sql);
  const plain = fusionEngine(countingSql(host, false).sql);
  const p = testPipeline(nodes, EDGES);
  const [sd, se, sp] = [
    await deferred.run(p, files),
    await eager.run(p, files),
    await plain.run(p, files),
  ];
  const agg = async (e: typeof plain) => {
    const b = await e.output('agg');
    return b ? snapshot(tableFromIPC(b)) : undefined;
  };
  return {
    sd,
    se,
    sp,
    calls: d.calls,
    tails: [await agg(deferred), await agg(eager), await agg(plain)],
  };
}

describe('deferred fused chains (only the tail kept)', () => {
  it('give the tail, every status and every row count of the node-by-node run', async () => {
    const { sd, se, sp, calls, tails } = await threeWays(chain());
    expect(outcome(sd)).toEqual(outcome(sp));
    expect(outcome(se)).toEqual(outcome(sp));
    expect(Object.values(sd.nodes).every((x) => x.status === 'done')).toBe(true);
    expect(tails[0]).toEqual(tails[2]);
    expect(tails[1]).toEqual(tails[2]);
    // Rows really filtered: 180 in, fewer after each filter.
    expect(sd.nodes.igr?.rows).toBe(180);
    expect(sd.nodes.zone?.rows).toBeLessThan(180);
    expect(sd.nodes.zone2?.rows).toBeLessThan(sd.nodes.zone?.rows as number);
    // Staged once per batch; the types' DESCRIBE and one checking query, no values query.
    expect(calls.stageAppend).toBe(3);
    expect(calls.stageSelect).toBe(2);
    expect(calls.stageQuery).toBe(1);
    expect(calls.query).toBe(0);
  }, 60_000);

  it('fails the node whose values raise an error, with its own message, as node by node', async () => {
    const { sd, sp } = await threeWays(chain({ dec: { expression: 'ln(RHOB - 2.3)' } }));
    expect(sd.nodes.dec?.status).toBe('failed');
    expect(outcome(sd)).toEqual(outcome(sp));
    expect(sd.nodes.agg?.status).toBe('skipped');
  }, 60_000);

  it('reports an aggregate in an expression as the node does', async () => {
    const { sd, sp } = await threeWays(chain({ tag: { expression: 'avg(GR)' } }));
    expect(sd.nodes.tag?.status).toBe('failed');
    expect(sd.nodes.tag?.error?.message).toMatch(/Aggregate functions/);
    expect(outcome(sd)).toEqual(outcome(sp));
  }, 60_000);

  it('keeps the tail error of the node-by-node run (its query fails on the stage too)', async () => {
    const bad = chain({ agg: { query: 'SELECT no_such_column FROM input' } });
    const { sd, sp } = await threeWays(bad);
    expect(sd.nodes.agg?.status).toBe('failed');
    expect(outcome(sd)).toEqual(outcome(sp));
    expect(sd.nodes.phie?.status).toBe('done');
  }, 60_000);

  it('runs eagerly when a filter reads a column an expression of the chain wrote', async () => {
    const nodes = chain({
      phid: { expression: 'DEPT + 5', output: 'DEPT' },
      phie: { expression: 'NPHI / 2 * (1 - IGR)' },
      agg: { query: 'SELECT count(*) AS n, sum(PHIE) AS s, max(DEPT) AS d FROM input' },
    });
    const { sd, sp, calls, tails } = await threeWays(nodes);
    expect(outcome(sd)).toEqual(outcome(sp));
    expect(Object.values(sd.nodes).every((x) => x.status === 'done')).toBe(true);
    expect(tails[0]).toEqual(tails[2]);
    // Staged, found not deferrable, staged again the eager way: one values query per batch.
    expect(calls.stageAppend).toBe(6);
    expect(calls.stageSelect).toBe(4);
  }, 60_000);

  it('cancels while staging: every chain node ends cancelled and DuckDB is left clean', async () => {
    const engine = fusionEngine(countingSql(host, true).sql, 'requested');
    const ac = new AbortController();
    const nodes = chain({ logs: { batches: 6, rows: 60, ms: 150 } });
    const summary = await engine.run(testPipeline(nodes, EDGES), memoryFiles(), {
      signal: ac.signal,
      onEvent: (e) => {
        if (e.nodeId === 'igr' && e.status === 'running' && (e.rows ?? 0) > 0) ac.abort();
      },
    });
    expect(summary.status).toBe('cancelled');
    for (const id of IDS.slice(1)) expect(summary.nodes[id]?.status, id).not.toBe('done');
    const tables = await host.query('SELECT count(*)::DOUBLE AS n FROM duckdb_tables()', {});
    expect(Number(tables.getChild('n')?.get(0))).toBe(0);
    const again = await engine.run(testPipeline(chain(), EDGES), memoryFiles());
    expect(again.status).toBe('done');
  }, 60_000);

  it('gives null for non-finite values, as node by node, also to later steps and the tail', async () => {
    // IGR overflows to +Infinity on every row; the node makes it null (the project's rule), so a
    // later step sees null and the tail counts no IGR values.
    const { sd, se, sp, tails } = await threeWays(
      chain({
        igr: { expression: 'GR * 1e308 * 1e308' },
        tag: { expression: "CASE WHEN IGR IS NULL THEN 'none' ELSE 'some' END" },
        agg: { query: 'SELECT count(*) AS n, count(IGR) AS k, min(TAG) AS t FROM input' },
      }),
    );
    expect(outcome(sd)).toEqual(outcome(sp));
    expect(outcome(se)).toEqual(outcome(sp));
    expect(tails[2]).toMatchObject({ rows: [expect.stringContaining('"k":"0"')] });
    expect(tails[2]).toMatchObject({ rows: [expect.stringContaining('"t":"none"')] });
    expect(tails[0]).toEqual(tails[2]);
    expect(tails[1]).toEqual(tails[2]);
  }, 60_000);

  it('gives an empty result when every row is filtered out, as node by node', async () => {
    const { sd, sp, tails } = await threeWays(chain({ zone: { top: 5000, base: 6000 } }));
    expect(outcome(sd)).toEqual(outcome(sp));
    expect(tails[0]).toEqual(tails[2]);
    expect(sd.nodes.zone?.rows).toBe(0);
  }, 60_000);
});
