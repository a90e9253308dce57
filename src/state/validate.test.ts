// All of a node's problems at once: schema issues and the operator's own checks, one per field.
import { describe, expect, it } from 'vitest';
import { createBuiltinRegistry } from '../operators/index.ts';
import { nodeId } from '../model/ids.ts';
import { createAppStore } from './store.ts';
import { createIssueChecker } from './validate.ts';
import { portLookup } from './ports.ts';

const registry = createBuiltinRegistry();
const check = createIssueChecker(registry, portLookup(registry));

/** A store with `op` fed by source nodes whose last outputs had `columns` (one source per port). */
function chain(op: string, columns: Readonly<Record<string, readonly string[]>>) {
  const s = createAppStore({ registry });
  const target = s.getState().addNode(op) as string;
  const outputColumns: Record<string, readonly string[]> = {};
  for (const [port, names] of Object.entries(columns)) {
    const src = s.getState().addNode('source.las') as string;
    s.getState().setParams(src, { file: `${port}.las` });
    s.getState().connect({ from: nodeId(src), fromPort: 'out', to: nodeId(target), toPort: port });
    outputColumns[src] = names;
  }
  const params = () => s.getState().doc.nodes.find((n) => n.id === target)?.params ?? {};
  return {
    issues: () => check(s.getState().doc, { files: [], outputColumns }).get(target) ?? [],
    set: (p: Record<string, unknown>) => s.getState().setParams(target, { ...params(), ...p }),
  };
}

describe('node issues shown at once', () => {
  it('shows an empty Rw and a missing RT column together, each on its field', () => {
    const n = chain('petro.sw.archie', { in: ['DEPT', 'GR', 'PHIE'] });
    const issues = n.issues();
    expect(issues.map((i) => i.field)).toEqual(['rw', 'rt']);
    expect(issues[0]?.message).toBe('Water resistivity is required.');
    expect(issues[1]?.message).toContain('column "RT" is not in the input');
  });

  it('keeps only the schema issue on a field that has one (no duplicate)', () => {
    const n = chain('petro.sw.archie', { in: ['DEPT', 'PHIE'] });
    n.set({ rw: 0.05, rt: '' });
    const issues = n.issues();
    expect(issues).toHaveLength(1);
    expect(issues[0]?.field).toBe('rt');
    expect(issues[0]?.message).not.toContain('is not in the input');
  });

  it('is clean once Rw is set and the columns exist', () => {
    const n = chain('petro.sw.archie', { in: ['DEPT', 'RT', 'PHIE'] });
    n.set({ rw: 0.05 });
    expect(n.issues()).toEqual([]);
  });

  it('does not raise a second alarm from an invalid value on another field', () => {
    const n = chain('petro.vshale', { in: ['DEPT', 'GR'] });
    n.set({ grMin: 'forty', grMax: 120 });
    expect(n.issues().map((i) => i.field)).toEqual(['grMin']);
  });

  it('does not flag the optional well column of zones.assign', () => {
    const n = chain('zones.assign', { logs: ['DEPT', 'GR'], tops: ['TOP', 'NAME'] });
    n.set({ output: '' });
    const issues = n.issues();
    expect(issues.map((i) => i.field)).toEqual(['output', 'zoneColumn']);
    expect(issues[1]?.message).toContain('"ZONE"');
    expect(issues.some((i) => /WELL/.test(i.message))).toBe(false);
  });
});
