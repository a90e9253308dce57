/**
 * LAS reading speed: Petroflow's reader (all values parsed to numbers, every batch consumed)
 * against the npm package las-js (baseline only, a dev dependency) on the same generated file.
 */
import { Las } from 'las-js';
import { openLas } from '../src/formats/las/index.ts';
import { benchLasFile } from './lasData.ts';
import { medianMs } from './timing.ts';
import type { Benchmark, BenchResult } from './types.ts';

function readOurs(bytes: Uint8Array): number {
  const opened = openLas(bytes, { fileName: 'bench.las' });
  if (!opened.ok) throw new Error(opened.error.message);
  let rows = 0;
  for (const batch of opened.value.batches()) rows += batch.numRows;
  return rows;
}

async function readLasJs(text: string): Promise<number> {
  const las = new Las(text, { loadFile: false });
  const data = await las.data();
  return data.length;
}

/** The LAS benchmark (about 50 MB at full scale, 2 000 rows at smoke scale). */
export const lasBenchmark: Benchmark = {
  name: 'LAS 2.0 read',
  async run({ scale }): Promise<BenchResult> {
    const full = scale === 'full';
    const rows = full ? 390_000 : 2_000;
    const { bytes } = benchLasFile(full ? 'las-50mb.las' : 'las-smoke.las', rows);
    const text = new TextDecoder().decode(bytes);
    const mb = bytes.length / 1e6;
    const ourRows = readOurs(bytes);
    const theirRows = await readLasJs(text);
    if (ourRows !== rows || theirRows !== rows)
      throw new Error(
        `row counts differ: petroflow ${ourRows}, las-js ${theirRows}, expected ${rows}`,
      );
    const ours = await medianMs(() => readOurs(bytes), full ? 5 : 2);
    const theirs = await medianMs(() => readLasJs(text), full ? 3 : 2);
    const oursMBs = mb / (ours / 1000);
    const theirsMBs = mb / (theirs / 1000);
    return {
      rows: [
        { label: 'petroflow openLas + all batches', value: oursMBs, unit: 'MB/s' },
        { label: 'las-js Las.data() (baseline)', value: theirsMBs, unit: 'MB/s' },
        { label: 'petroflow median time', value: ours, unit: 'ms' },
        { label: 'las-js median time', value: theirs, unit: 'ms' },
      ],
      ratio: { label: 'petroflow / las-js', value: oursMBs / theirsMBs },
      notes: [
        `${mb.toFixed(1)} MB, ${rows} rows x 11 curves, ~1% nulls; las-js is given the decoded string (its decode time not counted)`,
      ],
    };
  },
};
