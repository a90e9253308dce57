import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePipelineText } from '../src/model/parse.ts';
import { builtinRegistry } from '../src/operators/index.ts';
import { CHROMIUM, editorBenchmark, editorRatios, generatedPipeline } from './editor.ts';
import { report } from './run.ts';

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`editor benchmark smoke test skipped: no Chromium at ${CHROMIUM}`);

describe('editor benchmark', () => {
  it('generates valid pipelines of the asked size, every node reachable from the source', () => {
    for (const n of [20, 100, 1000]) {
      const parsed = parsePipelineText(generatedPipeline(n), builtinRegistry);
      if (!parsed.ok) throw new Error(parsed.error.map((e) => e.message).join('; '));
      expect(parsed.value.nodes).toHaveLength(n);
      expect(parsed.value.edges).toHaveLength(n - 1);
      const targets = new Set(parsed.value.edges.map((e) => e.to));
      expect(targets.size).toBe(n - 1);
      expect(targets.has(parsed.value.nodes[0]!.id)).toBe(false);
    }
  });

  it('reports ratios of each size against the baseline, lower being better', () => {
    const f = (nodes: number, layoutMs: number, frameMs: number) => ({
      nodes,
      layoutMs,
      settledMs: layoutMs + 200,
      frameMs,
      frameP95Ms: frameMs * 2,
    });
    const ratios = editorRatios([f(100, 50, 16), f(300, 150, 20), f(1000, 600, 40)], 100);
    expect(ratios.map((r) => [r.label, r.value, r.better])).toEqual([
      ['layout 300 / 100 nodes', 3, 'lower'],
      ['drag frame 300 / 100 nodes', 1.25, 'lower'],
      ['layout 1000 / 100 nodes', 12, 'lower'],
      ['drag frame 1000 / 100 nodes', 2.5, 'lower'],
    ]);
    expect(editorRatios([f(300, 1, 1)], 100)).toEqual([]);
  });

  it.skipIf(!hasChromium)(
    'runs at smoke scale in Chromium (20 nodes, once) and measures layout and drag',
    async () => {
      const result = await editorBenchmark.run({ scale: 'smoke' });
      const byLabel = Object.fromEntries(result.rows.map((r) => [r.label, r.value]));
      expect(byLabel['20 nodes: auto layout drawn']).toBeGreaterThan(0);
      expect(byLabel['20 nodes: auto layout settled']).toBeGreaterThanOrEqual(
        byLabel['20 nodes: auto layout drawn']!,
      );
      expect(byLabel['20 nodes: drag frame (mean)']).toBeGreaterThan(0);
      const md = report([{ name: editorBenchmark.name, result }], 'smoke');
      expect(md).toContain('20 nodes: auto layout drawn');
    },
    600_000,
  );
});
