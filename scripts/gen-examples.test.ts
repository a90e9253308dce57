import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validatePipeline } from '../src/model/validate.ts';
import { createBuiltinRegistry } from '../src/operators/index.ts';
import { examplesDir, generateExamples } from './gen-examples.ts';
import { parseExampleLas } from './examples/chain-reference.ts';

function committed(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? committed(join(dir, e.name)) : [relative(examplesDir, join(dir, e.name))],
  );
}

describe('gen-examples', () => {
  const files = generateExamples();

  it('is deterministic: the same bytes twice', () => {
    expect([...generateExamples()]).toEqual([...files]);
  });

  it('matches the committed public/examples/ (run `npx tsx scripts/gen-examples.ts` after a change)', () => {
    expect(committed(examplesDir).sort()).toEqual([...files.keys()].sort());
    for (const [path, text] of files)
      expect(readFileSync(join(examplesDir, path), 'utf8'), path).toBe(text);
  });

  it('writes three wells (one in feet, one wrapped) with nulls and a gap, and tops per well', () => {
    const wells = ['well-1.las', 'well-2.las', 'well-3.las'].map((f) => files.get(f)!);
    expect(wells.map((t) => /STRT\.(\w)/.exec(t)?.[1])).toEqual(['M', 'F', 'M']);
    expect(wells.map((t) => /WRAP\.\s+(\w+)/.exec(t)?.[1])).toEqual(['NO', 'NO', 'YES']);
    for (const text of wells) {
      const las = parseExampleLas(text);
      const gr = las.curves.get('GR')!;
      expect(gr.length).toBeGreaterThan(500);
      expect(gr.some((v) => v === null)).toBe(true);
      expect(las.curves.get('ILD')!.filter((v) => v !== null && v > 20).length).toBeGreaterThan(50);
      expect(las.curves.get('ILD')!.filter((v) => v !== null && v < 2).length).toBeGreaterThan(50);
    }
    const tops = files.get('tops.csv')!.trim().split('\n');
    expect(tops[0]).toBe('WELL,TOP,ZONE');
    expect(tops).toHaveLength(10);
  });

  it('lists every file and template in index.json', () => {
    const index = JSON.parse(files.get('index.json')!) as {
      files: { file: string }[];
      templates: { name: string; file: string }[];
    };
    for (const entry of [...index.files, ...index.templates])
      expect(files.has(entry.file), entry.file).toBe(true);
    expect(index.templates.map((t) => t.name)).toEqual([
      'Net pay, Archie',
      'Shaly sand, Simandoux vs Indonesia',
    ]);
  });

  const registry = createBuiltinRegistry();
  const tableOps = ['source.las', 'source.csv', 'math.expression', 'stats.describe'];
  const ready = tableOps.every((id) => registry.versions(id).includes('1.0.0'));
  it.skipIf(!ready)(
    'templates validate against the built-in registry (skipped until the table operators are registered)',
    () => {
      for (const path of [...files.keys()].filter((p) => p.startsWith('pipelines/'))) {
        const r = validatePipeline(JSON.parse(files.get(path)!), registry);
        expect(r.ok ? [] : r.error.map((e) => e.message), path).toEqual([]);
      }
    },
  );

  it('templates use registered petrophysics operators with known parameters only', () => {
    for (const path of [...files.keys()].filter((p) => p.startsWith('pipelines/'))) {
      const doc = JSON.parse(files.get(path)!) as {
        nodes: { op: string; version: string; params: Record<string, unknown> }[];
      };
      for (const n of doc.nodes.filter((x) => !tableOps.includes(x.op))) {
        const op = registry.operator(n.op, n.version);
        expect(op, `${path}: ${n.op}@${n.version}`).toBeDefined();
        const { properties, required } = op!.params.schema;
        for (const key of Object.keys(n.params))
          expect(properties, `${path}: ${n.op}.${key}`).toHaveProperty(key);
        for (const key of required)
          expect(n.params, `${path}: ${n.op} needs ${key}`).toHaveProperty(key);
      }
    }
  });
});
