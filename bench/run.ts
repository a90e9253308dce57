/**
 * `npm run bench`: runs every benchmark module, prints a table and writes bench/RESULTS.md with the
 * machine (CPU model, cores, Node version) and date. `--smoke` runs tiny inputs (used by tests);
 * `--only NAME` runs the benchmarks whose name contains NAME. Add a benchmark by adding its module
 * to `benchmarks` below.
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lasBenchmark } from './las.ts';
import { overheadBenchmark } from './overhead.ts';
import { parallelBenchmark } from './parallel.ts';
import { handoffBenchmark } from './handoff.ts';
import { cachedBenchmark } from './cached.ts';
import { memoryBenchmark } from './memory.ts';
import { editorBenchmark } from './editor.ts';
import type { Benchmark, BenchRatio, BenchResult, BenchScale } from './types.ts';
import { targetMet } from './types.ts';

/** Every benchmark `npm run bench` runs, in order. */
export const benchmarks: readonly Benchmark[] = [
  lasBenchmark,
  overheadBenchmark,
  parallelBenchmark,
  handoffBenchmark,
  cachedBenchmark,
  memoryBenchmark,
  editorBenchmark,
];

/** The machine facts printed with the results. */
export function machine(): string {
  const list = cpus();
  return `${list[0]?.model.trim() ?? 'unknown CPU'}, ${list.length} cores, Node ${process.version}, ${process.platform}/${process.arch}`;
}

/** Every ratio of a result, the main one first. */
export function ratiosOf(result: BenchResult): BenchRatio[] {
  return [...(result.ratio ? [result.ratio] : []), ...(result.ratios ?? [])];
}

function targetText(r: BenchRatio): string {
  const met = targetMet(r);
  if (met === undefined) return '-';
  return `target ${r.better === 'lower' ? '<=' : '>='} ${r.target}: ${met ? 'met' : '**not met**'}`;
}

/** A ratio: three decimals below 1 (so 0.101 does not read as a met 0.10 target), else two. */
export function formatRatio(v: number): string {
  return v < 1 ? v.toFixed(3) : v.toFixed(2);
}

/** One decimal, or more for small values (milliseconds of a transfer). */
function formatValue(v: number): string {
  return Math.abs(v) >= 10 || v === 0 ? v.toFixed(1) : v.toPrecision(3);
}

/** Formats results as a Markdown report. */
export function report(
  results: readonly { name: string; result: BenchResult }[],
  scale: BenchScale,
): string {
  const lines = [
    '# Benchmark results',
    '',
    `Machine: ${machine()}`,
    `Date: ${new Date().toISOString()}`,
    `Load average at the end (1/5/15 min): ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' / ')}`,
    `Scale: ${scale} (medians of several repetitions; other load on the machine skews figures)`,
    '',
  ];
  lines.push(
    '## Summary',
    '',
    '| benchmark | ratio | value | target |',
    '| --- | --- | ---: | --- |',
  );
  for (const { name, result } of results)
    for (const r of ratiosOf(result))
      lines.push(`| ${name} | ${r.label} | ${formatRatio(r.value)} x | ${targetText(r)} |`);
  lines.push('');
  for (const { name, result } of results) {
    lines.push(`## ${name}`, '', '| measure | value | unit |', '| --- | ---: | --- |');
    for (const r of result.rows) lines.push(`| ${r.label} | ${formatValue(r.value)} | ${r.unit} |`);
    for (const r of ratiosOf(result))
      lines.push(
        `| **${r.label}** | **${formatRatio(r.value)}** | x${r.target === undefined ? '' : ` (${targetText(r)})`} |`,
      );
    lines.push('', ...(result.notes ?? []).map((n) => `- ${n}`), '');
  }
  return lines.join('\n');
}

/** Runs the selected benchmarks and returns their results. */
export async function runAll(
  scale: BenchScale,
  only?: string,
): Promise<{ name: string; result: BenchResult }[]> {
  const out: { name: string; result: BenchResult }[] = [];
  for (const b of benchmarks) {
    if (only && !b.name.toLowerCase().includes(only.toLowerCase())) continue;
    console.log(`running ${b.name} (${scale})...`);
    out.push({ name: b.name, result: await b.run({ scale }) });
  }
  return out;
}

async function cli(): Promise<void> {
  const args = process.argv.slice(2);
  const scale: BenchScale = args.includes('--smoke') ? 'smoke' : 'full';
  const onlyAt = args.indexOf('--only');
  const results = await runAll(scale, onlyAt >= 0 ? args[onlyAt + 1] : undefined);
  const md = report(results, scale);
  console.log(`\n${md}`);
  // A partial run (--only) must not replace the full report.
  if (scale === 'full' && onlyAt < 0) {
    writeFileSync(join(import.meta.dirname, 'RESULTS.md'), md);
    console.log('written bench/RESULTS.md');
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await cli();
