/**
 * Writes the example data and template pipelines into public/examples/ (deterministic: a seeded
 * generator, so the same bytes every run): `npx tsx scripts/gen-examples.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lasText } from './examples/las-text.ts';
import { templates } from './examples/templates.ts';
import { exampleWells } from './examples/wells.ts';

/** Where the examples live, relative to the repository root. */
export const examplesDir = fileURLToPath(new URL('../public/examples/', import.meta.url));

/** Every example file: path relative to public/examples/ -> text content. */
export function generateExamples(): Map<string, string> {
  const files = new Map<string, string>();
  const wells = exampleWells();
  for (const w of wells) files.set(w.file, lasText(w.doc));
  const tops = [
    'WELL,TOP,ZONE',
    ...wells.flatMap((w) => w.tops.map((t) => `${w.name},${t.depth.toFixed(2)},${t.zone}`)),
  ];
  files.set('tops.csv', `${tops.join('\n')}\n`);
  const list = templates();
  for (const t of list) files.set(`pipelines/${t.file}`, t.text);
  const index = {
    files: [
      ...wells.map((w) => ({
        name: w.name,
        description: `LAS 2.0, depth in ${w.doc.depthUnit === 'F' ? 'feet' : 'metres'}${w.doc.wrapped ? ', wrapped' : ''}: ${w.doc.curves.map((c) => c.mnemonic).join(', ')}; ${w.doc.curves[0]!.values.length} samples with -999.25 nulls and a logging gap.`,
        file: w.file,
      })),
      {
        name: 'Formation tops',
        description:
          'Tops of zones UPPER, MIDDLE and LOWER per well (columns WELL, TOP, ZONE), in metres for every well, WELL-2 included (it is logged in feet: stack the wells with source.las 1.1.0 or later, which converts its depths to metres, before matching them with these tops).',
        file: 'tops.csv',
      },
    ],
    templates: list.map((t) => ({
      name: t.name,
      description: t.description,
      file: `pipelines/${t.file}`,
    })),
  };
  files.set('index.json', `${JSON.stringify(index, null, 2)}\n`);
  return files;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [path, text] of generateExamples()) {
    const target = join(examplesDir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
    console.log(`wrote ${target}`);
  }
}
