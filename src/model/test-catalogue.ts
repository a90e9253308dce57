/**
 * A small operator catalogue for tests of src/model (which may not import src/operators): params
 * schemas are plain JSON in the shape `defineParams` makes, annotation keywords included.
 */
import type { CatalogueEntry, CataloguePort } from './catalogue.ts';
import type { ListableCatalogue } from './validate-nodes.ts';

const port = (name: string): CataloguePort => ({ name });

function entry(
  id: string,
  version: string,
  properties: Record<string, Record<string, unknown>>,
  required: string[],
  inputs: readonly string[] | ((p: Readonly<Record<string, unknown>>) => readonly string[]),
): CatalogueEntry {
  return {
    id,
    version,
    paramsSchema: { type: 'object', properties, required, additionalProperties: false },
    inputs: (p) => (typeof inputs === 'function' ? inputs(p) : inputs).map(port),
    outputs: [port('out')],
  };
}

const column = (title: string, def: string) => ({
  type: 'string',
  title,
  description: `${title} column`,
  minLength: 1,
  maxLength: 256,
  'x-widget': 'column',
  default: def,
});
const gr = (title: string) => ({
  type: 'number',
  title,
  description: title,
  minimum: 0,
  maximum: 1000,
  'x-unit': 'API',
});
const vshaleProps = {
  gr: column('Gamma ray', 'GR'),
  grMin: gr('Clean sand GR'),
  grMax: gr('Shale GR'),
  method: {
    type: 'string',
    title: 'Method',
    description: 'Method',
    enum: ['linear', 'larionov-tertiary', 'larionov-older', 'stieber', 'clavier'],
    default: 'linear',
  },
  output: {
    type: 'string',
    title: 'Output',
    description: 'Output',
    maxLength: 100,
    default: 'VSH',
  },
};
const sqlInputs = (p: Readonly<Record<string, unknown>>): string[] =>
  Array.isArray(p.inputs) ? p.inputs.map(String) : ['input'];

const entries: CatalogueEntry[] = [
  entry(
    'source.las',
    '1.0.0',
    {
      file: {
        type: 'string',
        title: 'File',
        description: 'File',
        minLength: 1,
        'x-widget': 'file',
      },
    },
    ['file'],
    [],
  ),
  entry('petro.vshale', '1.0.0', vshaleProps, ['grMin', 'grMax'], ['in']),
  entry('petro.vshale', '1.1.0', vshaleProps, ['grMin', 'grMax'], ['in']),
  entry(
    'petro.cutoffs',
    '1.0.0',
    {
      vshMax: {
        type: 'number',
        title: 'Max VSH',
        description: 'x',
        exclusiveMinimum: 0,
        maximum: 1,
        default: 0.4,
        'x-unit': 'v/v',
      },
    },
    [],
    ['in'],
  ),
  entry(
    'sql',
    '1.0.0',
    {
      query: {
        type: 'string',
        title: 'Query',
        description: 'SQL',
        maxLength: 100000,
        'x-widget': 'sql',
      },
      inputs: {
        type: 'array',
        title: 'Inputs',
        description: 'Ports',
        items: { type: 'string', pattern: '^[a-z]+$' },
        minItems: 1,
        maxItems: 64,
        uniqueItems: true,
        default: ['input'],
      },
    },
    ['query'],
    sqlInputs,
  ),
  entry('zones.assign', '1.0.0', { index: column('Index', 'DEPT') }, [], ['logs', 'tops']),
];

/** The test catalogue: source.las, petro.vshale (1.0.0, 1.1.0), petro.cutoffs, sql, zones.assign. */
export const testCatalogue: ListableCatalogue = {
  get: (id, version) => entries.find((e) => e.id === id && e.version === version),
  versions: (id) => entries.filter((e) => e.id === id).map((e) => e.version),
  ids: () => [...new Set(entries.map((e) => e.id))],
};

/** A valid pipeline document (plain JSON) using the test catalogue. */
export function samplePipeline(): Record<string, unknown> {
  return {
    format: 'petroflow.pipeline',
    formatVersion: 1,
    id: '6f1c0a52-0d1b-4d0e-9d55-2f6c1f3f3c9a',
    name: 'Net pay, Archie',
    nodes: [
      {
        id: 'logs',
        op: 'source.las',
        version: '1.0.0',
        params: { file: '*.las' },
        label: 'Wells',
        position: { x: 0, y: 0 },
      },
      {
        id: 'vsh',
        op: 'petro.vshale',
        version: '1.0.0',
        params: { gr: 'GR', grMin: 20, grMax: 120 },
      },
    ],
    edges: [{ from: 'logs', fromPort: 'out', to: 'vsh', toPort: 'in' }],
  };
}
