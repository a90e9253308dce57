/** Seeded synthetic LAS 2.0 files for benchmarks, cached in `.bench-data/` (gitignored). */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where generated benchmark inputs live. */
export const BENCH_DATA_DIR = join(import.meta.dirname, '..', '.bench-data');

/** Deterministic PRNG (mulberry32): same seed, same file, on every machine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CURVES: readonly [string, string, number, number, number][] = [
  // mnemonic, unit, min, max, decimals
  ['GR', 'GAPI', 0, 150, 4],
  ['RHOB', 'G/C3', 1.95, 2.95, 4],
  ['NPHI', 'V/V', 0, 0.45, 4],
  ['DT', 'US/F', 40, 140, 3],
  ['ILD', 'OHMM', 0.2, 2000, 4],
  ['ILM', 'OHMM', 0.2, 2000, 4],
  ['SFLU', 'OHMM', 0.2, 2000, 4],
  ['SP', 'MV', -80, 20, 3],
  ['CALI', 'IN', 6, 16, 4],
  ['PEF', 'B/E', 1.5, 6, 4],
];

/** A LAS 2.0 text: DEPT + 10 curves, `rows` rows, about 1% nulls (-999.25). */
export function generateLas(rows: number, seed = 42): string {
  const rnd = mulberry32(seed);
  const head = [
    '~VERSION INFORMATION',
    ' VERS.   2.0 : CWLS LOG ASCII STANDARD - VERSION 2.0',
    ' WRAP.   NO  : ONE LINE PER DEPTH STEP',
    '~WELL INFORMATION',
    ' STRT.M  1000.0000 : START DEPTH',
    ` STOP.M  ${(1000 + (rows - 1) * 0.125).toFixed(4)} : STOP DEPTH`,
    ' STEP.M  0.1250 : STEP',
    ' NULL.   -999.25 : NULL VALUE',
    ' WELL.   BENCH 1 : WELL',
    '~CURVE INFORMATION',
    ' DEPT.M : DEPTH',
    ...CURVES.map(([m, u]) => ` ${m}.${u} : ${m}`),
    '~A',
  ];
  const out: string[] = [head.join('\n')];
  for (let r = 0; r < rows; r++) {
    let line = (1000 + r * 0.125).toFixed(4).padStart(12);
    for (const [, , lo, hi, dec] of CURVES) {
      const v = rnd() < 0.01 ? '-999.25' : (lo + rnd() * (hi - lo)).toFixed(dec);
      line += v.padStart(12);
    }
    out.push(line);
  }
  return out.join('\n') + '\n';
}

/** Returns the bytes of a cached generated file, creating it on first use. */
export function benchLasFile(name: string, rows: number): { path: string; bytes: Uint8Array } {
  mkdirSync(BENCH_DATA_DIR, { recursive: true });
  const path = join(BENCH_DATA_DIR, name);
  if (!existsSync(path)) writeFileSync(path, generateLas(rows));
  return { path, bytes: new Uint8Array(readFileSync(path)) };
}
