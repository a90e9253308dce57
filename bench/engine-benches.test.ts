import { describe, expect, it } from 'vitest';
import { cachedBenchmark } from './cached.ts';
import { generateCsv } from './csvData.ts';
import { overheadBenchmark } from './overhead.ts';
import { parallelBenchmark } from './parallel.ts';
import { report } from './run.ts';
import type { BenchResult } from './types.ts';

function expectFigures(result: BenchResult, labels: readonly string[]): void {
  expect(result.rows.map((r) => r.label)).toEqual(expect.arrayContaining([...labels]));
  for (const r of result.rows) expect(Number.isFinite(r.value), r.label).toBe(true);
  expect(result.ratio?.value).toBeGreaterThan(0);
}

// Each benchmark once on tiny data (they start worker pools and DuckDB: slow on a loaded machine).
describe('engine benchmarks at smoke scale', { timeout: 240_000 }, () => {
  it('engine overhead: the pipeline and the single query agree and both are timed', async () => {
    const r = await overheadBenchmark.run({ scale: 'smoke' });
    expectFigures(r, [
      'pipeline as `petroflow run` (only the result kept)',
      "pipeline in the editor (every node's output kept)",
      'one DuckDB query (baseline)',
    ]);
    expect(r.ratio).toMatchObject({
      label: 'pipeline / query, as `petroflow run`',
      target: 1.25,
      better: 'lower',
    });
    expect(r.ratios?.map((x) => x.label)).toEqual([
      'pipeline / query, in the editor (all 6 outputs kept)',
      'CPU time: pipeline / query, as `petroflow run`',
    ]);
    for (const x of r.ratios ?? []) expect(x.value).toBeGreaterThan(0);
  });

  it('parallel speedup: 2 and 4 branches with 1 and 2 workers', async () => {
    const r = await parallelBenchmark.run({ scale: 'smoke' });
    expectFigures(r, ['2 branches, 1 worker', '2 branches, 2 workers', '4 branches, 2 workers']);
    expect(r.ratio?.label).toBe("speedup / machine's own speedup, 2 branches");
    // Judged only when the machine gave a second core (its own speedup at least 1.5).
    const own = r.ratios?.[1]?.value as number;
    expect(r.ratio?.target).toBe(own >= 1.5 ? 0.9 : undefined);
    expect(r.ratios?.map((x) => x.label)).toEqual([
      'speedup, 2 branches',
      "machine's own speedup, same 2 queries in 2 plain DuckDB threads",
      'speedup, 4 branches',
      "machine's own speedup, same 4 queries in 2 plain DuckDB threads",
      "speedup / machine's own speedup, 4 branches",
      'branch node time, 2-worker pool / 1-worker pool',
    ]);
    for (const x of r.ratios ?? []) expect(x.value).toBeGreaterThan(0);
  });

  it('cached re-run: only the changed leaf runs, timed against a full run', async () => {
    const r = await cachedBenchmark.run({ scale: 'smoke' });
    expectFigures(r, ['full run (10 nodes)']);
    const [full, leaf] = r.rows.map((x) => x.value);
    expect(leaf).toBeLessThan(full as number);
    const md = report([{ name: cachedBenchmark.name, result: r }], 'smoke');
    expect(md).toMatch(
      /\| Cached re-run .* \| re-run \/ full run \| \d+\.\d{2,3} x \| target <= 0\.1: /,
    );
  });
});

describe('generated CSV', () => {
  it('is the same for the same seed, with the header and one line per row', () => {
    const a = generateCsv(100);
    expect(a).toBe(generateCsv(100));
    expect(a).not.toBe(generateCsv(100, 8));
    const lines = a.trimEnd().split('\n');
    expect(lines[0]).toBe('DEPT,GR,RHOB,NPHI,RT');
    expect(lines).toHaveLength(101);
    expect(lines[2]?.startsWith('1000.125,')).toBe(true);
  });
});
