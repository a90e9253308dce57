/**
 * Parallel speedup (issue 7, #3): 2 and 4 independent CPU-heavy SQL branches over one cached
 * source, run by a pool of 1 worker against a pool of 2 workers (each branch about 0.5 s of work on an
 * idle core, so the engine's fixed per-run costs do not dominate the figure). Each repetition changes the
 * branches' query text (a no-op predicate), so the branches always run and the source never does.
 */
import { loadavg } from 'node:os';
import { createNodeEngine } from '../src/workers/node.ts';
import type { NodeEngine } from '../src/workers/node.ts';
import { benchCsvFile } from './csvData.ts';
import type { NodeSpec } from './kit.ts';
import { buildPipeline, bytesFiles, nodesRun, runChecked } from './kit.ts';
import { median } from './timing.ts';
import type { Benchmark, BenchRatio, BenchResult, BenchRow } from './types.ts';

function branchesPipeline(branches: number, repeat: number, rep: number) {
  const nodes: NodeSpec[] = [{ id: 'csv', op: 'source.csv', params: { file: 'logs.csv' } }];
  const edges: string[] = [];
  for (let b = 0; b < branches; b++) {
    const query = `SELECT count(*) AS n, sum(sin(GR * r.i / 97.0 + ${b}) * cos(RHOB * r.i)) AS s FROM input, range(0, ${repeat}) r(i) WHERE ${rep} >= 0`;
    nodes.push({ id: `heavy${b}`, op: 'sql', params: { query } });
    edges.push(`csv->heavy${b}:input`);
  }
  return buildPipeline(`parallel-${branches}`, nodes, edges);
}

/** The parallel-speedup benchmark (4 branches of about 1-2 s each on one core at full scale). */
export const parallelBenchmark: Benchmark = {
  name: 'Parallel speedup (independent branches, 1 vs 2 workers)',
  async run({ scale }): Promise<BenchResult> {
    const full = scale === 'full';
    const rows = full ? 50_000 : 2_000;
    const repeat = full ? 200 : 2;
    const reps = full ? 7 : 1;
    const files = bytesFiles();
    files.bind('logs.csv', benchCsvFile(full ? 'logs-50k.csv' : 'logs-smoke.csv', rows).bytes);
    const engines: Record<1 | 2, NodeEngine> = {
      1: await createNodeEngine({ workers: 1 }),
      2: await createNodeEngine({ workers: 2 }),
    };
    let rep = 0;
    // Mean time of one branch node (its span) in runs on 1 and on 2 workers: equal if the two
    // workers do not slow each other down (shared caches, memory bandwidth, a busy core).
    const branchMs: Record<1 | 2, number[]> = { 1: [], 2: [] };
    const timed = async (engine: NodeEngine, branches: number, warm = false): Promise<number> => {
      const pipeline = branchesPipeline(branches, repeat, rep++);
      const t0 = performance.now();
      const summary = await runChecked(engine, pipeline, files);
      const ms = performance.now() - t0;
      if (!warm)
        for (const sp of summary.spans)
          if (sp.nodeId.startsWith('heavy'))
            branchMs[engine === engines[1] ? 1 : 2].push(sp.end - sp.start);
      const expected = branches + (warm ? 1 : 0);
      if (nodesRun(summary) !== expected && !(warm && nodesRun(summary) === branches))
        throw new Error(`parallel: expected ${branches} branches to run, ${nodesRun(summary)} ran`);
      return ms;
    };
    try {
      // Warm-up: start DuckDB in every worker and cache the source.
      for (const w of [1, 2] as const) for (let i = 0; i < 2; i++) await timed(engines[w], 2, true);
      const rowsOut: BenchRow[] = [];
      const ratios: BenchRatio[] = [];
      // CPU time of this process (all its threads) per wall-clock ms during 2-worker runs.
      const cores: number[] = [];
      for (const branches of [2, 4]) {
        const t: Record<1 | 2, number[]> = { 1: [], 2: [] };
        for (let i = 0; i < reps; i++) {
          // Interleaved, so a change of load on the machine hits both alike.
          t[1].push(await timed(engines[1], branches));
          const cpu0 = process.cpuUsage();
          const ms = await timed(engines[2], branches);
          const cpu = process.cpuUsage(cpu0);
          t[2].push(ms);
          cores.push((cpu.user + cpu.system) / 1000 / ms);
        }
        const one = median(t[1]);
        const two = median(t[2]);
        rowsOut.push(
          { label: `${branches} branches, 1 worker`, value: one, unit: 'ms' },
          { label: `${branches} branches, 2 workers`, value: two, unit: 'ms' },
        );
        // The median of each repetition's own ratio (its 1- and 2-worker runs are next to each
        // other), so a change of load between repetitions cancels out.
        const paired = median(t[1].map((ms, i) => ms / (t[2][i] as number)));
        ratios.push({ label: `speedup, ${branches} branches`, value: paired, target: 1.8 });
      }
      const [main, ...rest] = ratios;
      const used = median(cores);
      rowsOut.push({
        label: 'cores busy during 2-worker runs (CPU time / wall time)',
        value: used,
        unit: 'cores',
      });
      const slower = median(branchMs[2]) / median(branchMs[1]);
      rowsOut.push(
        { label: 'one branch node, on a 1-worker pool', value: median(branchMs[1]), unit: 'ms' },
        { label: 'one branch node, on a 2-worker pool', value: median(branchMs[2]), unit: 'ms' },
      );
      rest.push({ label: 'branch node time, 2-worker pool / 1-worker pool', value: slower });
      const load = loadavg()[0] ?? 0;
      return {
        rows: rowsOut,
        ...(main ? { ratio: main } : {}),
        ratios: rest,
        notes: [
          `each branch: a sql node evaluating sin/cos over ${rows} rows x ${repeat}; ${reps} repetitions, 1- and 2-worker runs interleaved; times are medians, each speedup the median of the repetitions' own ratios`,
          `a branch node took ${slower.toFixed(2)}x as long on the 2-worker pool as alone on 1 worker: above 1, the two workers slow each other down (a second core shared with other jobs, shared caches), which caps the speedup at about 2 / that figure`,
          `the target assumes 2 idle cores; this process kept ${used.toFixed(2)} cores busy during the 2-worker runs while the machine's 1-minute load average was ${load.toFixed(1)} (other jobs share the 2 cores, so the second worker often has no core to run on)`,
        ],
      };
    } finally {
      await engines[1].dispose();
      await engines[2].dispose();
    }
  },
};
