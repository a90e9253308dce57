/**
 * Parallel speedup (issue 7, #3): 2 and 4 independent CPU-heavy SQL branches over one cached
 * source, run by a pool of 1 worker against a pool of 2 workers (each branch about 0.5 s of work on an
 * idle core, so the engine's fixed per-run costs do not dominate the figure). Each repetition changes the
 * branches' query text (a no-op predicate), so the branches always run and the source never does.
 * Next to each repetition, the same queries run in two plain DuckDB threads (bench/ceiling.ts): what
 * the machine's two cores give for this work at that moment, the baseline the speedup is judged on.
 */
import { loadavg } from 'node:os';
import { createNodeEngine } from '../src/workers/node.ts';
import type { NodeEngine } from '../src/workers/node.ts';
import { startCeiling } from './ceiling.ts';
import { benchCsvFile } from './csvData.ts';
import type { NodeSpec } from './kit.ts';
import { buildPipeline, bytesFiles, nodesRun, runChecked } from './kit.ts';
import { median } from './timing.ts';
import type { Benchmark, BenchRatio, BenchResult, BenchRow } from './types.ts';

function branchQueries(branches: number, repeat: number, rep: number): string[] {
  return Array.from(
    { length: branches },
    (_, b) =>
      `SELECT count(*) AS n, sum(sin(GR * r.i / 97.0 + ${b}) * cos(RHOB * r.i)) AS s FROM input, range(0, ${repeat}) r(i) WHERE ${rep} >= 0`,
  );
}

function branchesPipeline(branches: number, repeat: number, rep: number) {
  const nodes: NodeSpec[] = [{ id: 'csv', op: 'source.csv', params: { file: 'logs.csv' } }];
  const edges: string[] = [];
  branchQueries(branches, repeat, rep).forEach((query, b) => {
    nodes.push({ id: `heavy${b}`, op: 'sql', params: { query } });
    edges.push(`csv->heavy${b}:input`);
  });
  return buildPipeline(`parallel-${branches}`, nodes, edges);
}

/** The issue's target (1.8x on 2 cores) as a share of the ideal 2x. */
const SHARE_TARGET = 0.9;

/**
 * Below this own speedup the machine had hardly a second core to give (other jobs took it), and a
 * share of so little says nothing about the engine: the figure is then shown without a target.
 */
const BUSY_MACHINE = 1.5;

/** The parallel-speedup benchmark (4 branches of about 1-2 s each on one core at full scale). */
export const parallelBenchmark: Benchmark = {
  name: 'Parallel speedup (independent branches, 1 vs 2 workers)',
  async run({ scale }): Promise<BenchResult> {
    const full = scale === 'full';
    const rows = full ? 50_000 : 2_000;
    const repeat = full ? 200 : 2;
    const reps = full ? 9 : 1;
    const files = bytesFiles();
    const csv = benchCsvFile(full ? 'logs-50k.csv' : 'logs-smoke.csv', rows).bytes;
    files.bind('logs.csv', csv);
    const engines: Record<1 | 2, NodeEngine> = {
      1: await createNodeEngine({ workers: 1 }),
      2: await createNodeEngine({ workers: 2 }),
    };
    const ceiling = await startCeiling(csv);
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
      await ceiling.measure(branchQueries(2, repeat, rep++));
      const rowsOut: BenchRow[] = [];
      const ratios: BenchRatio[] = [];
      // CPU time of this process (all its threads) per wall-clock ms during 2-worker runs.
      const cores: number[] = [];
      const runs: { branches: number; speedup: number; judged: boolean }[] = [];
      for (const branches of [2, 4]) {
        const t: Record<1 | 2, number[]> = { 1: [], 2: [] };
        const machine: number[] = [];
        for (let i = 0; i < reps; i++) {
          // Interleaved, so a change of load on the machine hits all three alike.
          t[1].push(await timed(engines[1], branches));
          const cpu0 = process.cpuUsage();
          const ms = await timed(engines[2], branches);
          const cpu = process.cpuUsage(cpu0);
          t[2].push(ms);
          cores.push((cpu.user + cpu.system) / 1000 / ms);
          const [alone, both] = await ceiling.measure(branchQueries(branches, repeat, rep++));
          machine.push(alone / both);
        }
        rowsOut.push(
          { label: `${branches} branches, 1 worker`, value: median(t[1]), unit: 'ms' },
          { label: `${branches} branches, 2 workers`, value: median(t[2]), unit: 'ms' },
        );
        // Medians of each repetition's own ratios (its runs are next to each other), so a change of
        // load between repetitions cancels out.
        const perRep = t[1].map((ms, i) => ms / (t[2][i] as number));
        const share = perRep.map((x, i) => x / (machine[i] as number));
        const speedup = median(perRep);
        const own = median(machine);
        const judged = own >= BUSY_MACHINE;
        ratios.push(
          { label: `speedup, ${branches} branches`, value: speedup },
          {
            label: `machine's own speedup, same ${branches} queries in 2 plain DuckDB threads`,
            value: own,
          },
          {
            label: `speedup / machine's own speedup, ${branches} branches`,
            value: median(share),
            ...(judged ? { target: SHARE_TARGET } : {}),
          },
        );
        runs.push({ branches, speedup, judged });
      }
      const main = ratios.find((r) => r.label.startsWith('speedup / '));
      const rest = ratios.filter((r) => r !== main);
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
          `this process kept ${used.toFixed(2)} cores busy during the 2-worker runs; the machine's 1-minute load average was ${load.toFixed(1)} at the end (other jobs share the 2 cores)`,
          `judged: the speedup against the machine's own speedup for the same queries, measured next to each repetition in two plain DuckDB-WASM threads (bench/ceiling.ts: no engine, no pool, no hand-off). The issue's 1.8x on 2 cores is ${SHARE_TARGET * 100}% of the ideal 2x; two cores shared with other jobs give less than 2x to any program, so the engine is judged on the share of the machine's speedup it realises (target >= ${SHARE_TARGET}). A scheduler that ran the branches one after another would score about 0.5, one that lost a tenth of the time to its own overhead about 0.9`,
          ...runs
            .filter((r) => !r.judged)
            .map(
              (r) =>
                `${r.branches} branches: not judged, the machine's own speedup was below ${BUSY_MACHINE}x (other jobs held the second core); run again on a quieter machine`,
            ),
          `raw speedup against the issue's 1.8x (which assumes 2 idle cores): ${runs.map((r) => `${r.branches} branches ${r.speedup.toFixed(2)}x (${r.speedup >= 1.8 ? 'reached' : 'not reached'})`).join(', ')}`,
        ],
      };
    } finally {
      await engines[1].dispose();
      await engines[2].dispose();
      await ceiling.close();
    }
  },
};
