// The store with the real built-in operators and the real LAS reader on a shipped example file.
import { readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createBuiltinRegistry } from '../operators/index.ts';
import { createAppStore } from './store.ts';
import { summariseFile } from '../formats/library/summary.ts';
import { inputColumns } from './columns.ts';
import { createIssueChecker } from './validate.ts';
import { portLookup } from './ports.ts';
import { nodeId } from '../model/ids.ts';

const example = 'public/examples/well-1.las';

describe.skipIf(!existsSync(example))('built-in operators in the editor store', () => {
  it('offers the LAS curves as columns and flags GR shale below GR clean on its field', async () => {
    const registry = createBuiltinRegistry();
    const s = createAppStore({ registry, summarise: summariseFile });
    await s
      .getState()
      .addFiles([{ name: 'well-1.las', bytes: new Uint8Array(readFileSync(example)) }]);
    const f = s.getState().files[0];
    expect(f?.summary.depth).toEqual({ min: 1480, max: 1590, unit: 'M' });
    expect(f?.summary.rows).toBe(1101);
    const src = s.getState().addNode('source.las') as string;
    s.getState().setParams(src, { file: 'well-1.las' });
    const vsh = s.getState().addNode('petro.vshale') as string;
    s.getState().connect({ from: nodeId(src), fromPort: 'out', to: nodeId(vsh), toPort: 'in' });
    const ctx = () => ({ files: s.getState().files, outputColumns: {} });
    expect(inputColumns(registry, { doc: s.getState().doc, ...ctx() }, vsh).in).toEqual([
      'DEPT',
      'GR',
      'RHOB',
      'NPHI',
      'DT',
      'ILD',
      'CALI',
      'WELL',
    ]);
    const check = createIssueChecker(registry, portLookup(registry));
    expect(
      check(s.getState().doc, ctx())
        .get(vsh)
        ?.map((i) => i.field),
    ).toEqual(['grMin', 'grMax']);
    const params = s.getState().doc.nodes[1]?.params ?? {};
    s.getState().setParams(vsh, { ...params, grMin: 20, grMax: 10 });
    const issue = check(s.getState().doc, ctx()).get(vsh)?.[0];
    expect(issue?.field).toBe('grMax');
    expect(issue?.message).toContain('must be greater than GR clean');
    s.getState().setParams(vsh, { ...params, grMin: 20, grMax: 120 });
    expect(check(s.getState().doc, ctx()).has(vsh)).toBe(false);
  });

  it('reports an unreadable file with its line, and keeps the other files', async () => {
    const s = createAppStore({ registry: createBuiltinRegistry(), summarise: summariseFile });
    await s.getState().addFiles([
      { name: 'bad.las', bytes: new TextEncoder().encode('not a LAS file\n') },
      { name: 'well-1.las', bytes: new Uint8Array(readFileSync(example)) },
    ]);
    expect(s.getState().files.map((f) => f.name)).toEqual(['bad.las', 'well-1.las']);
    expect(s.getState().files[0]?.summary.error?.line).toBe(1);
    expect(s.getState().files[1]?.summary.error).toBeUndefined();
    expect(s.getState().notice?.message).toMatch(/"bad.las" cannot be read \(line 1\)/);
  });
});
