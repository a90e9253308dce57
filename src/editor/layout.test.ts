import { describe, expect, it } from 'vitest';
import { layoutGraph } from './layout.ts';

describe('ELK auto layout', () => {
  it('places a chain top to bottom without overlap, using the measured sizes', async () => {
    const nodes = ['a', 'b', 'c'].map((id) => ({
      id,
      width: 200,
      height: 80,
      inputs: ['in'],
      outputs: ['out'],
    }));
    const edges = [
      { from: 'a', fromPort: 'out', to: 'b', toPort: 'in' },
      { from: 'b', fromPort: 'out', to: 'c', toPort: 'in' },
    ];
    const p = await layoutGraph(nodes, edges);
    const [a, b, c] = ['a', 'b', 'c'].map((id) => p.get(id) as { x: number; y: number });
    expect(b!.y).toBeGreaterThanOrEqual(a!.y + 80);
    expect(c!.y).toBeGreaterThanOrEqual(b!.y + 80);
  });

  it('puts the two inputs of a join side by side above it', async () => {
    const nodes = [
      { id: 'l', width: 180, height: 60, inputs: [], outputs: ['out'] },
      { id: 'r', width: 180, height: 60, inputs: [], outputs: ['out'] },
      { id: 'j', width: 220, height: 90, inputs: ['a', 'b'], outputs: ['out'] },
    ];
    const edges = [
      { from: 'l', fromPort: 'out', to: 'j', toPort: 'a' },
      { from: 'r', fromPort: 'out', to: 'j', toPort: 'b' },
    ];
    const p = await layoutGraph(nodes, edges);
    const l = p.get('l')!;
    const r = p.get('r')!;
    const j = p.get('j')!;
    expect(l.y).toBe(r.y);
    expect(Math.abs(l.x - r.x)).toBeGreaterThanOrEqual(180);
    expect(l.x).toBeLessThan(r.x); // port order a, b kept left to right
    expect(j.y).toBeGreaterThanOrEqual(l.y + 60);
  });
});
