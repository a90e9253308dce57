/** A tiny operator catalogue for CLI tests, with params schemas made by the real `defineParams`. */
import type { CatalogueEntry } from '../../model/catalogue.ts';
import type { ListableCatalogue } from '../../model/validate-nodes.ts';
import { column, defineParams, num, oneOf, text } from '../../operators/params.ts';

/** Real `defineParams` schemas (with x-unit / x-widget annotations) behind a tiny catalogue. */
const vshale = defineParams({
  gr: column({ title: 'Gamma ray', description: 'GR column', default: 'GR' }),
  grMin: num({
    title: 'Clean GR',
    description: 'GR of clean sand',
    minimum: 0,
    maximum: 1000,
    unit: 'API',
  }),
  grMax: num({
    title: 'Shale GR',
    description: 'GR of shale',
    minimum: 0,
    maximum: 1000,
    unit: 'API',
  }),
  method: oneOf(['linear', 'stieber'] as const, {
    title: 'Method',
    description: 'Method',
    default: 'linear',
  }),
});
const las = defineParams({
  file: text({ title: 'File', description: 'LAS file', widget: 'file', minLength: 1 }),
});
const entries: CatalogueEntry[] = [
  {
    id: 'source.las',
    version: '1.0.0',
    paramsSchema: las.schema as unknown as Record<string, unknown>,
    inputs: () => [],
    outputs: [{ name: 'out' }],
  },
  {
    id: 'petro.vshale',
    version: '1.0.0',
    paramsSchema: vshale.schema as unknown as Record<string, unknown>,
    inputs: () => [{ name: 'in' }],
    outputs: [{ name: 'out' }],
  },
];
/** The catalogue the CLI tests validate against. */
export const cliCatalogue: ListableCatalogue = {
  get: (id, v) => entries.find((e) => e.id === id && e.version === v),
  versions: (id) => entries.filter((e) => e.id === id).map((e) => e.version),
  ids: () => entries.map((e) => e.id),
};

/** A valid pipeline file over `cliCatalogue`, optionally with a different vshale node. */
export function pipelineText(vsh: Record<string, unknown> = { grMin: 20, grMax: 120 }): string {
  return JSON.stringify({
    format: 'petroflow.pipeline',
    formatVersion: 1,
    id: 'p1',
    name: 'Test',
    nodes: [
      { id: 'logs', op: 'source.las', version: '1.0.0', params: { file: '*.las' } },
      { id: 'vsh', op: 'petro.vshale', version: '1.0.0', params: vsh },
    ],
    edges: [{ from: 'logs', fromPort: 'out', to: 'vsh', toPort: 'in' }],
  });
}
