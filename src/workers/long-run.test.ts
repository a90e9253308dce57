/**
 * Long runs through the real Node engine: 100 generated wells (LAS files on disk) stacked by
 * `source.las`, then shale volume, density porosity and column statistics. The run must finish
 * with bounded memory and bounded channels; cancelling it at many moments must leave the engine
 * usable, report `cancelled` with no node still running, and never poison the cache.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC, type Table } from 'apache-arrow';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPipeline } from '../engine/testing/fixtures.ts';
import type { FileProvider, NodeEvent, RunSummary } from '../engine/types.ts';
import type { NodeEngine } from './node.ts';
import { createNodeEngine } from './node.ts';
import { diskFiles, mean, writeWells, type GeneratedWells } from './testing/wells.ts';

const WELLS = 100;
const ROWS = 2000;
const CAPACITY = 4;

const pipeline = testPipeline(
  [
    { id: 'logs', op: 'source.las', params: { file: '*.las' } },
    { id: 'vsh', op: 'petro.vshale', params: { grMin: 15, grMax: 145 } },
    { id: 'phid', op: 'petro.porosity.density', params: {} },
    { id: 'stats', op: 'stats.describe', params: {} },
  ],
  ['logs->vsh', 'vsh->phid', 'phid->stats'],
);

/** The `stats.describe` row of `column`, as plain values. */
function statsRow(t: Table, column: string): Record<string, unknown> {
  const names = t.getChild('column')?.toArray() as string[];
  const i = names.indexOf(column);
  expect(i).toBeGreaterThanOrEqual(0);
  return t.get(i)?.toJSON() ?? {};
}

describe('100 wells through the Node engine', () => {
  let dir: string;
  let wells: GeneratedWells;
  let files: FileProvider;
  let engine: NodeEngine;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'petroflow-wells-'));
    wells = writeWells(dir, WELLS, ROWS);
    files = diskFiles(dir);
    // A long grace lets a worker busy in a blocking step notice the cancel itself, so most cancels
    // need no worker restart (the pool tests cover termination after a short grace).
    engine = await createNodeEngine({ workers: 2, channelCapacity: CAPACITY, cancelGraceMs: 1500 });
    await engine.pool.ping();
  });
  afterAll(async () => {
    await engine.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('completes with correct statistics, bounded channels and bounded main-thread memory', async () => {
    const base = process.memoryUsage();
    // Arrow buffers live outside the V8 heap: count them with it.
    const js = (m: NodeJS.MemoryUsage): number => m.heapUsed + m.arrayBuffers;
    let peakJs = js(base);
    let peakRss = base.rss;
    const sample = (): void => {
      const m = process.memoryUsage();
      peakJs = Math.max(peakJs, js(m));
      peakRss = Math.max(peakRss, m.rss);
    };
    const timer = setInterval(sample, 20);
    let s: RunSummary;
    try {
      s = await engine.run(pipeline, files, { onEvent: sample });
    } finally {
      clearInterval(timer);
    }
    sample();
    expect(s.status).toBe('done');
    expect(s.nodes.logs).toMatchObject({ status: 'done', rows: WELLS * ROWS });
    expect(s.nodes.phid).toMatchObject({ status: 'done', rows: WELLS * ROWS });
    const edges = s.edges ?? [];
    expect(edges.map((e) => `${e.from}->${e.to}`).sort()).toEqual(['logs->vsh', 'vsh->phid']);
    for (const e of edges) {
      expect(e.capacity).toBe(CAPACITY);
      expect(e.maxOccupancy).toBeLessThanOrEqual(CAPACITY);
      expect(e.batches).toBeGreaterThan(0);
    }

    const t = tableFromIPC((await engine.output('stats')) as Uint8Array);
    const gr = statsRow(t, 'GR');
    expect(gr.count).toBe(WELLS * ROWS);
    expect(gr.mean).toBeCloseTo(mean(wells.gr), 9);
    const vsh = wells.gr.map((g) => Math.min(1, Math.max(0, (g - 15) / 130)));
    expect(statsRow(t, 'VSH').mean).toBeCloseTo(mean(vsh), 9);
    const phid = wells.rhob.map((d) => Math.min(1, Math.max(0, (2.65 - d) / 1.65)));
    expect(statsRow(t, 'PHID').mean).toBeCloseTo(mean(phid), 9);

    // Four outputs of 200 000 rows are cached on the main thread (about 20 MB of Arrow); the
    // rest must not grow with the data. Generous bounds: several times what was measured.
    const jsGrowth = (peakJs - js(base)) / 2 ** 20;
    const rssGrowth = (peakRss - base.rss) / 2 ** 20;
    const occupancy = edges.map((e) => `${e.from}->${e.to} ${e.maxOccupancy}/${e.capacity}`);
    console.info(
      `long run: heap+buffers +${jsGrowth.toFixed(0)} MiB, rss +${rssGrowth.toFixed(0)} MiB, ${occupancy.join(', ')}`,
    );
    expect(jsGrowth).toBeLessThan(200);
    expect(rssGrowth).toBeLessThan(400);
  });

  it('cancelled at random moments: reports cancelled, leaves no node running, then reruns identically', async () => {
    engine.cache.clear();
    // Milestones (queued, started, done; not the timed progress reports) are the same every run.
    const milestone = (e: NodeEvent): boolean => e.status !== 'running' || e.attempt !== undefined;
    let total = 0;
    const full = await engine.run(pipeline, files, {
      onEvent: (e) => void (total += +milestone(e)),
    });
    expect(full.status).toBe('done');
    const reference = (await engine.output('stats')) as Uint8Array;
    const moment = fc.tuple(
      fc.integer({ min: 1, max: total - 1 }),
      fc.integer({ min: 0, max: 300 }),
    );
    await fc.assert(
      fc.asyncProperty(moment, async ([k, delayMs]) => {
        engine.cache.clear();
        const ac = new AbortController();
        let timer: ReturnType<typeof setTimeout> | undefined;
        let seen = 0;
        const onEvent = (e: NodeEvent): void => {
          if (!milestone(e) || ++seen !== k) return;
          if (delayMs === 0) ac.abort();
          else timer = setTimeout(() => ac.abort(), delayMs);
        };
        const cancelled = await engine.run(pipeline, files, { signal: ac.signal, onEvent });
        clearTimeout(timer);
        const where = `cancel ${delayMs} ms after milestone ${k} of ${total}`;
        if (!ac.signal.aborted) expect(cancelled.status, where).toBe('done');
        else expect(cancelled.status, where).toBe('cancelled');
        for (const [id, n] of Object.entries(cancelled.nodes)) {
          expect(['running', 'queued'], `${where}: node ${id}`).not.toContain(n.status);
          if (n.status === 'failed') expect(n.error?.code, where).toBe('CANCELLED');
        }
        expect(cancelled.spans.every((x) => x.status !== 'failed')).toBe(true);
        expect(await engine.pool.ping()).toHaveLength(2);
        const again = await engine.run(pipeline, files);
        expect(again.status).toBe('done');
        expect(await engine.output('stats')).toEqual(reference);
      }),
      {
        numRuns: 3,
        examples: [[[1, 0]], [[total - 1, 0]]],
        endOnFailure: true,
      },
    );
  });
});
