import { describe, expect, it } from 'vitest';
import { memoryBenchmark } from './memory.ts';

describe('memory benchmark', () => {
  it('runs petroflow run on 3 MB of CSV and reads its peak RSS', { timeout: 300_000 }, async () => {
    const r = await memoryBenchmark.run({ scale: 'smoke' });
    const v = Object.fromEntries(r.rows.map((x) => [x.label, x.value]));
    // Node + tsx + a worker + DuckDB-WASM: far above a few MB, far below the machine's memory.
    expect(v['3 MB CSV: peak RSS']).toBeGreaterThan(50);
    expect(v['3 MB CSV: peak RSS']).toBeLessThan(8000);
    const floor = v['floor: bare Node + one DuckDB-WASM instance reading the 2 kB CSV (peak RSS)'];
    // DuckDB-WASM alone is well over 100 MB; the CLI's footprint is that plus tsx and a worker.
    expect(floor).toBeGreaterThan(100);
    expect(v['peak RSS on a 2 kB CSV (fixed footprint)']).toBeGreaterThan(floor ?? Infinity);
    expect(r.ratio).toMatchObject({
      label: '3 MB CSV: (peak - fixed footprint) / file size',
      target: 0.25,
      better: 'lower',
    });
    // Growth beyond the footprint is the peak less a positive footprint: below peak / file size.
    const whole = r.ratios?.find((x) => x.label === '3 MB CSV: peak RSS / file size');
    expect(whole?.target).toBeUndefined();
    expect(r.ratio?.value).toBeLessThan(whole?.value ?? -Infinity);
    expect(r.notes?.[1]).toMatch(/^3 MB: exit code 0 in/);
    expect(r.ratios?.map((x) => x.label)).toContain('3 MB CSV: floor alone / file size');
  });
});
