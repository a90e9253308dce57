/** The three example wells: their depth grids, models, synthetic logs (smoothed, noisy, with nulls). */
import { propertiesAt, responses, wellModel, type WellModel } from './earth.ts';
import type { LasCurve, LasDocument } from './las-text.ts';
import { Prng } from './prng.ts';

/** How one example well is laid out. */
interface WellSpec {
  readonly name: string;
  readonly file: string;
  readonly unit: 'M' | 'F';
  readonly start: number;
  readonly step: number;
  readonly samples: number;
  readonly wrapped: boolean;
  readonly seed: number;
  /** Reservoir (UPPER) top and cap shale above it, in metres. */
  readonly top: number;
  readonly cap: number;
  readonly curves: readonly string[];
}

const FT = 0.3048;

const specs: readonly WellSpec[] = [
  {
    name: 'WELL-1',
    file: 'well-1.las',
    unit: 'M',
    start: 1480,
    step: 0.1,
    samples: 1101,
    wrapped: false,
    seed: 11,
    top: 1495,
    cap: 15,
    curves: ['GR', 'RHOB', 'NPHI', 'DT', 'ILD', 'CALI'],
  },
  {
    name: 'WELL-2',
    file: 'well-2.las',
    unit: 'F',
    start: 5250,
    step: 0.5,
    samples: 741,
    wrapped: false,
    seed: 22,
    top: 1612,
    cap: 12,
    curves: ['GR', 'RHOB', 'NPHI', 'DT', 'ILD', 'CALI'],
  },
  {
    name: 'WELL-3',
    file: 'well-3.las',
    unit: 'M',
    start: 1530,
    step: 0.125,
    samples: 881,
    wrapped: true,
    seed: 33,
    top: 1544,
    cap: 14,
    curves: ['GR', 'RHOB', 'NPHI', 'DT', 'ILD', 'CALI', 'SP', 'ILM', 'SFLU', 'PEF'],
  },
];

const curveInfo: Record<
  string,
  { unit: string; description: string; decimals: number; sd: number }
> = {
  GR: { unit: 'GAPI', description: 'GAMMA RAY', decimals: 2, sd: 3 },
  RHOB: { unit: 'G/C3', description: 'BULK DENSITY', decimals: 4, sd: 0.012 },
  NPHI: { unit: 'V/V', description: 'NEUTRON POROSITY (SANDSTONE MATRIX)', decimals: 4, sd: 0.008 },
  DT: { unit: 'US/F', description: 'COMPRESSIONAL SONIC SLOWNESS', decimals: 2, sd: 1 },
  ILD: { unit: 'OHMM', description: 'DEEP INDUCTION RESISTIVITY', decimals: 4, sd: 0.03 },
  CALI: { unit: 'IN', description: 'CALIPER', decimals: 3, sd: 0.05 },
  SP: { unit: 'MV', description: 'SPONTANEOUS POTENTIAL', decimals: 2, sd: 1 },
  ILM: { unit: 'OHMM', description: 'MEDIUM INDUCTION RESISTIVITY', decimals: 4, sd: 0.03 },
  SFLU: { unit: 'OHMM', description: 'SHALLOW FOCUSED RESISTIVITY', decimals: 4, sd: 0.04 },
  PEF: { unit: 'B/E', description: 'PHOTOELECTRIC FACTOR', decimals: 3, sd: 0.08 },
};

const logScale = new Set(['ILD', 'ILM', 'SFLU']);

/** Tool response: a 5-sample triangular filter (renormalised at the ends). */
function smooth(values: readonly number[]): number[] {
  const w = [1, 2, 3, 2, 1];
  return values.map((_, i) => {
    let sum = 0;
    let weight = 0;
    for (let k = -2; k <= 2; k++) {
      const v = values[i + k];
      if (v === undefined) continue;
      sum += v * w[k + 2]!;
      weight += w[k + 2]!;
    }
    return sum / weight;
  });
}

/** One generated example well: its LAS document and formation tops in metres (whatever the file's unit). */
export interface ExampleWell {
  readonly file: string;
  readonly name: string;
  readonly doc: LasDocument;
  readonly tops: readonly { zone: string; depth: number }[];
  readonly model: WellModel;
}

function build(spec: WellSpec): ExampleWell {
  const rng = new Prng(spec.seed);
  const model = wellModel(rng, spec.top, spec.cap);
  const toM = spec.unit === 'F' ? FT : 1;
  const depths = Array.from({ length: spec.samples }, (_, i) =>
    Number((spec.start + i * spec.step).toFixed(4)),
  );
  const rocks = depths.map((d) => responses(propertiesAt(model, d * toM, rng)));
  const gapTop = depths[depths.length - 1]! * toM - 6; // in the deep shale below the reservoir
  const curves: LasCurve[] = [
    { mnemonic: 'DEPT', unit: spec.unit, description: 'DEPTH', decimals: 4, values: depths },
  ];
  for (const name of spec.curves) {
    const info = curveInfo[name]!;
    const log = logScale.has(name);
    const raw = smooth(rocks.map((r) => (log ? Math.log10(r[name]!) : r[name]!)));
    const values = raw.map((v, i): number | null => {
      const noisy = v + rng.normal(0, info.sd);
      const dm = depths[i]! * toM;
      if (dm >= gapTop && dm < gapTop + 2.5) return null; // a logging gap: every curve null
      if (name === 'DT' && i < 40) return null; // the sonic started lower
      return log ? 10 ** noisy : noisy;
    });
    if (name === 'RHOB')
      for (let k = 0; k < 4; k++) values[Math.floor(rng.uniform(100, spec.samples - 100))] = null;
    curves.push({
      mnemonic: name,
      unit: info.unit,
      description: info.description,
      decimals: info.decimals,
      values,
    });
  }
  // In metres for every well: the templates stack the wells with source.las 1.1.0, which converts
  // WELL-2's depths from feet to metres, and zones.assign compares depths with these tops.
  const tops = model.tops.map((t) => ({ zone: t.zone, depth: Number(t.depth.toFixed(2)) }));
  const doc: LasDocument = {
    well: spec.name,
    uwi: `PF-EX-${spec.name.slice(-1).padStart(4, '0')}`,
    depthUnit: spec.unit,
    wrapped: spec.wrapped,
    comment: [
      `Synthetic well generated by scripts/gen-examples.ts (seed ${spec.seed}) from a layered earth model.`,
      'Formation water resistivity 0.05 ohm.m, shale resistivity 3 ohm.m, Archie a = 1, m = n = 2.',
    ],
    params: [
      { mnemonic: 'BHT', unit: 'DEGC', value: '85.0', description: 'BOTTOM HOLE TEMPERATURE' },
      { mnemonic: 'RMF', unit: 'OHMM', value: '0.30', description: 'MUD FILTRATE RESISTIVITY' },
      { mnemonic: 'BS', unit: 'IN', value: '8.5', description: 'BIT SIZE' },
    ],
    curves,
  };
  return { file: spec.file, name: spec.name, doc, tops, model };
}

/** The three example wells (WELL-1 and WELL-3 in metres, WELL-2 in feet; WELL-3 wrapped). */
export function exampleWells(): ExampleWell[] {
  return specs.map(build);
}
