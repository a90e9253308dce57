/**
 * The template pipelines shipped with the examples (pipeline format v1, written with the model's
 * stable serialiser). Parameters of the petrophysics operators are written with every default
 * filled in, as loading would fill them, so a loaded template re-serialises to the same text.
 */
import { nodeId, pipelineId } from '../../src/model/ids.ts';
import type { Pipeline, PipelineEdge, PipelineNode } from '../../src/model/pipeline.ts';
import { serializePipeline } from '../../src/model/serialize.ts';
import { petroOperators } from '../../src/operators/petro/index.ts';

type NodeSpec = readonly [id: string, op: string, params: Record<string, unknown>, label: string];
type EdgeSpec = readonly [from: string, to: string, toPort?: string];

/**
 * Operator versions the templates pin where not 1.0.0: source.las 1.2.0 (from 1.1.0 on, WELL-2's
 * depths, logged in feet, are converted to metres when the wells are stacked, so every depth, and
 * tops.csv, is in metres; 1.2.0 also stacks index curves named differently under one name);
 * source.csv 1.1.0 (decimal ".") so the tops node offers no upgrade; summary.netpay 1.1.0 (figures
 * rounded to 6 decimals: 1.0.0 shows net = 29.699999999972988 for 29.7 m). A new user's first
 * template offers no upgrade; the upgrade journey is tested on a copy pinned at 1.0.0.
 */
const PINNED: Readonly<Record<string, string>> = {
  'source.las': '1.2.0',
  'source.csv': '1.1.0',
  'summary.netpay': '1.1.0',
};

/** Parameters with the operator's schema defaults filled in (for operators of this build). */
function filled(op: string, params: Record<string, unknown>): Record<string, unknown> {
  const def = petroOperators.find((o) => o.id === op && o.version === (PINNED[op] ?? '1.0.0'));
  if (!def) return params;
  const out: Record<string, unknown> = {};
  for (const [name, p] of Object.entries(def.params.schema.properties)) {
    if (p.default !== undefined) out[name] = p.default;
  }
  return { ...out, ...params };
}

function pipeline(
  id: string,
  name: string,
  description: string,
  nodes: readonly NodeSpec[],
  edges: readonly EdgeSpec[],
): string {
  const list: PipelineNode[] = nodes.map(([nid, op, params, label], k) => ({
    id: nodeId(nid),
    op,
    version: PINNED[op] ?? '1.0.0',
    params: filled(op, params),
    label,
    position: { x: 280 * k, y: op === 'source.csv' ? 160 : 0 },
  }));
  const links: PipelineEdge[] = edges.map(([from, to, toPort]) => ({
    from: nodeId(from),
    fromPort: 'out',
    to: nodeId(to),
    toPort: toPort ?? 'in',
  }));
  const p: Pipeline = {
    format: 'petroflow.pipeline',
    formatVersion: 1,
    id: pipelineId(id),
    name,
    description,
    nodes: list,
    edges: links,
  };
  return serializePipeline(p);
}

/** Shared first steps: wells -> shale volume -> density porosity -> effective porosity. */
const porosityChain: readonly NodeSpec[] = [
  ['logs', 'source.las', { file: '*.las' }, 'Wells'],
  [
    'vsh',
    'petro.vshale',
    { gr: 'GR', grMin: 25, grMax: 120, method: 'linear', output: 'VSH' },
    'Shale volume',
  ],
  ['phid', 'petro.porosity.density', { rhob: 'RHOB', output: 'PHID' }, 'Density porosity'],
  [
    'phie',
    'petro.porosity.effective',
    { phi: 'PHID', vsh: 'VSH', method: 'shale-porosity', phiShale: 0.09, output: 'PHIE' },
    'Effective porosity',
  ],
];

/** Each template: file name (under pipelines/), name, description and JSON text. */
export function templates(): { file: string; name: string; description: string; text: string }[] {
  const netPayDescription =
    'Shale volume from GR, density porosity, effective porosity, Archie water saturation (rw 0.05 ohm.m on ILD), cutoffs, zones from tops.csv and net pay per well and zone. Depths are in metres: the LAS source converts WELL-2 (logged in feet) when stacking, and tops.csv is in metres.';
  const shalyDescription =
    'Simandoux and Indonesia water saturation side by side (rw 0.05, rsh 3 ohm.m), their difference, and statistics of both.';
  return [
    {
      file: 'net-pay-archie.json',
      name: 'Net pay, Archie',
      description: netPayDescription,
      text: pipeline(
        '5d1f3a62-8c4e-4b7a-9f10-3e2b7c9d0a01',
        'Net pay, Archie',
        netPayDescription,
        [
          ...porosityChain,
          [
            'sw',
            'petro.sw.archie',
            { rt: 'ILD', phi: 'PHIE', rw: 0.05, a: 1, m: 2, n: 2, output: 'SW' },
            'Water saturation',
          ],
          ['cut', 'petro.cutoffs', { vsh: 'VSH', phi: 'PHIE', sw: 'SW' }, 'Cutoffs'],
          [
            'tops',
            'source.csv',
            { file: 'tops.csv', delimiter: 'auto', header: true, decimal: '.' },
            'Formation tops',
          ],
          [
            'zones',
            'zones.assign',
            {
              index: 'DEPT',
              topColumn: 'TOP',
              zoneColumn: 'ZONE',
              wellColumn: 'WELL',
              output: 'ZONE',
            },
            'Zones',
          ],
          [
            'netpay',
            'summary.netpay',
            { index: 'DEPT', phi: 'PHIE', sw: 'SW', pay: 'PAY', groupBy: ['WELL', 'ZONE'] },
            'Net pay',
          ],
        ],
        [
          ['logs', 'vsh'],
          ['vsh', 'phid'],
          ['phid', 'phie'],
          ['phie', 'sw'],
          ['sw', 'cut'],
          ['cut', 'zones', 'logs'],
          ['tops', 'zones', 'tops'],
          ['zones', 'netpay'],
        ],
      ),
    },
    {
      file: 'shaly-sand-simandoux-indonesia.json',
      name: 'Shaly sand, Simandoux vs Indonesia',
      description: shalyDescription,
      text: pipeline(
        '5d1f3a62-8c4e-4b7a-9f10-3e2b7c9d0a02',
        'Shaly sand, Simandoux vs Indonesia',
        shalyDescription,
        [
          ...porosityChain,
          [
            'sim',
            'petro.sw.simandoux',
            { rt: 'ILD', phi: 'PHIE', vsh: 'VSH', rw: 0.05, rsh: 3, output: 'SW_SIM' },
            'SW Simandoux',
          ],
          [
            'ind',
            'petro.sw.indonesia',
            { rt: 'ILD', phi: 'PHIE', vsh: 'VSH', rw: 0.05, rsh: 3, output: 'SW_IND' },
            'SW Indonesia',
          ],
          [
            'diff',
            'math.expression',
            { expression: 'SW_SIM - SW_IND', output: 'SW_DIFF' },
            'Difference',
          ],
          [
            'stats',
            'stats.describe',
            { columns: ['VSH', 'PHIE', 'SW_SIM', 'SW_IND', 'SW_DIFF'] },
            'Comparison',
          ],
        ],
        [
          ['logs', 'vsh'],
          ['vsh', 'phid'],
          ['phid', 'phie'],
          ['phie', 'sim'],
          ['sim', 'ind'],
          ['ind', 'diff'],
          ['diff', 'stats'],
        ],
      ),
    },
  ];
}
