/** The contract between the bench harness (run.ts) and each benchmark module. */

/** How big a run is: `full` for the real figures, `smoke` for a test that only proves it works. */
export type BenchScale = 'full' | 'smoke';

/** One measured figure, e.g. `{ label: 'petroflow', value: 210.5, unit: 'MB/s' }`. */
export interface BenchRow {
  readonly label: string;
  readonly value: number;
  readonly unit: string;
}

/** A ratio against a baseline measured in the same run, with the target when it has one. */
export interface BenchRatio {
  readonly label: string;
  readonly value: number;
  /** The target value (e.g. 1.25 for "at most 1.25x"). */
  readonly target?: number;
  /** Which way is better (default `higher`); decides whether the target is met. */
  readonly better?: 'higher' | 'lower';
}

/** True/false when the ratio has a target, undefined otherwise. */
export function targetMet(r: BenchRatio): boolean | undefined {
  if (r.target === undefined) return undefined;
  return r.better === 'lower' ? r.value <= r.target : r.value >= r.target;
}

/** What a benchmark reports: its figures and the ratio(s) against a baseline measured in the same run. */
export interface BenchResult {
  readonly rows: readonly BenchRow[];
  /** e.g. `{ label: 'petroflow / las-js', value: 6.1 }` (higher is better unless `better` says). */
  readonly ratio?: BenchRatio;
  /** Further ratios, for benchmarks with several (e.g. 2 and 4 branches). */
  readonly ratios?: readonly BenchRatio[];
  /** Free text shown under the table (data size, caveats). */
  readonly notes?: readonly string[];
}

/** A benchmark module: bench/run.ts imports each and calls `run`. */
export interface Benchmark {
  readonly name: string;
  run(opts: { readonly scale: BenchScale }): Promise<BenchResult>;
}
