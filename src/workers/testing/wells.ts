/**
 * Generated wells for long-run tests: deterministic LAS 2.0 files (DEPT, GR, RHOB) written to a
 * directory, a FileProvider reading them from disk, and the expected statistics computed straight
 * from the generated numbers (independently of the LAS reader and the operators).
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256Hex } from '../../engine/canonical.ts';
import type { FileProvider } from '../../engine/types.ts';

/** A small deterministic PRNG (mulberry32), so every run generates the same wells. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The values written for every well, in file order (numbers as written, 4 decimals). */
export interface GeneratedWells {
  readonly names: readonly string[];
  readonly gr: readonly number[];
  readonly rhob: readonly number[];
}

/** Writes `count` LAS files of `rows` depth steps each into `dir`. */
export function writeWells(dir: string, count: number, rows: number): GeneratedWells {
  mkdirSync(dir, { recursive: true });
  const rand = prng(20_240_601);
  const names: string[] = [];
  const gr: number[] = [];
  const rhob: number[] = [];
  for (let w = 0; w < count; w++) {
    const name = `well-${String(w).padStart(3, '0')}.las`;
    const lines = [
      '~VERSION INFORMATION',
      ' VERS.   2.0 : CWLS LOG ASCII STANDARD - VERSION 2.0',
      ' WRAP.   NO  : ONE LINE PER DEPTH STEP',
      '~WELL INFORMATION',
      ` STRT.M  1000.0 : START DEPTH`,
      ` STOP.M  ${(1000 + (rows - 1) * 0.5).toFixed(1)} : STOP DEPTH`,
      ' STEP.M  0.5 : STEP',
      ' NULL.   -999.25 : NULL VALUE',
      ` WELL.   W-${w} : WELL`,
      '~CURVE INFORMATION',
      ' DEPT.M     : depth',
      ' GR.GAPI    : gamma ray',
      ' RHOB.G/C3  : bulk density',
      '~A',
    ];
    for (let r = 0; r < rows; r++) {
      const g = Number((15 + rand() * 130).toFixed(4));
      const d = Number((2.0 + rand() * 0.7).toFixed(4));
      gr.push(g);
      rhob.push(d);
      lines.push(`${(1000 + r * 0.5).toFixed(1)} ${g.toFixed(4)} ${d.toFixed(4)}`);
    }
    writeFileSync(join(dir, name), `${lines.join('\n')}\n`);
    names.push(name);
  }
  return { names, gr, rhob };
}

/** The LAS files of `dir` as a FileProvider (read from disk on every call, as the CLI does). */
export function diskFiles(dir: string): FileProvider {
  const names = readdirSync(dir)
    .filter((n) => n.endsWith('.las'))
    .sort();
  const read = async (name: string): Promise<Uint8Array> => {
    if (!names.includes(name)) throw new Error(`no file '${name}'`);
    return new Uint8Array(await readFile(join(dir, name)));
  };
  return { names: () => names, read, hash: async (name) => sha256Hex(await read(name)) };
}

/** Mean of `values`. */
export function mean(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}
