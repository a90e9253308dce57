import { describe, expect, it } from 'vitest';
import { lasBenchmark } from './las.ts';
import { report } from './run.ts';
import { generateLas, mulberry32 } from './lasData.ts';

describe('LAS benchmark', () => {
  it('runs at smoke scale and reports both readers with a ratio', async () => {
    const result = await lasBenchmark.run({ scale: 'smoke' });
    const labels = result.rows.map((r) => r.label);
    expect(labels).toContain('petroflow openLas + all batches');
    expect(labels).toContain('las-js Las.data() (baseline)');
    for (const r of result.rows) expect(r.value).toBeGreaterThan(0);
    expect(result.ratio?.value).toBeGreaterThan(0);
    const md = report([{ name: lasBenchmark.name, result }], 'smoke');
    expect(md).toContain('Node v');
    expect(md).toContain('petroflow / las-js');
  });

  it('generates the same file for the same seed', () => {
    expect(generateLas(50, 7)).toBe(generateLas(50, 7));
    expect(generateLas(50, 7)).not.toBe(generateLas(50, 8));
    const r = mulberry32(1);
    const xs = Array.from({ length: 1000 }, r);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
  });
});
