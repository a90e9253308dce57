/** The contract between the bench harness (run.ts) and each benchmark module. */

/** How big a run is: `full` for the real figures, `smoke` for a test that only proves it works. */
export type BenchScale = 'full' | 'smoke';

/** One measured figure, e.g. `{ label: 'petroflow', value: 210.5, unit: 'MB/s' }`. */
export interface BenchRow {
  readonly label: string;
  readonly value: number;
  readonly unit: string;
}

/** What a benchmark reports: its figures and the ratio against a baseline measured in the same run. */
export interface BenchResult {
  readonly rows: readonly BenchRow[];
  /** e.g. `{ label: 'petroflow / las-js', value: 6.1 }` (higher is better). */
  readonly ratio?: { readonly label: string; readonly value: number };
  /** Free text shown under the table (data size, caveats). */
  readonly notes?: readonly string[];
}

/** A benchmark module: bench/run.ts imports each and calls `run`. */
export interface Benchmark {
  readonly name: string;
  run(opts: { readonly scale: BenchScale }): Promise<BenchResult>;
}
