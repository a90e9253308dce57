/**
 * `petro.cutoffs`: reservoir and pay flags. RES = 1 when VSH <= vshMax and PHI >= phiMin, else 0;
 * PAY = 1 when RES = 1 and SW <= swMax, else 0; a null input gives 0. Each cutoff is compared at
 * the precision of its column (precision.ts), so a FLOAT column's 0.08 meets a 0.08 cutoff.
 */
import type { Schema } from 'apache-arrow';
import { defineParams, num, text, type ParamsType } from '../params.ts';
import type { RowwiseOperator } from '../types.ts';
import { storedAs, toStored } from '../precision.ts';
import { defineRowwise } from './rowwise.ts';
import { phiParam, swParam, vshParam } from './saturation-params.ts';
import { outputParam, withDefaults } from './shared.ts';

const fraction = (title: string, description: string, value: number) =>
  num({ title, description, unit: 'v/v', default: value, minimum: 0, maximum: 1 });

const params = defineParams({
  vsh: vshParam,
  phi: phiParam,
  sw: swParam,
  vshMax: fraction(
    'Maximum shale volume',
    'Rows with VSH above this are not reservoir (v/v), typically 0.3-0.5.',
    0.4,
  ),
  phiMin: fraction(
    'Minimum porosity',
    'Rows with porosity below this are not reservoir (v/v), typically 0.05-0.12.',
    0.08,
  ),
  swMax: fraction(
    'Maximum water saturation',
    'Reservoir rows with SW above this are not pay (v/v), typically 0.5-0.7.',
    0.6,
  ),
  reservoirOutput: text({
    title: 'Reservoir flag column',
    description:
      'Name of the column that receives the reservoir flag RES (1 or 0); replaced if it exists.',
    default: 'RES',
    minLength: 1,
    maxLength: 256,
  }),
  output: outputParam('PAY', 'the pay flag PAY (1 or 0)'),
});

type Params = ParamsType<typeof params>;

const formula = defineRowwise({
  id: 'petro.cutoffs',
  title: 'Cutoffs (reservoir, pay)',
  description:
    'Reservoir and pay flags: RES = 1 when VSH <= vshMax and PHI >= phiMin, else 0; PAY = 1 when RES = 1 and SW <= swMax, else 0. A null input gives 0 (a null VSH or PHI gives RES = 0 and PAY = 0; a null SW gives PAY = 0). A cutoff is compared at the precision of its column: against a 32-bit (or 16-bit) float column, such as a Parquet FLOAT, it is first rounded to that precision, so a value the file holds as 0.08 meets the cutoff 0.08.',
  reference: 'Worthington & Cosentino 2005 (SPE REE 8(4))',
  params,
  columns: (p) => [
    ['vsh', p.vsh],
    ['phi', p.phi],
    ['sw', p.sw],
  ],
  quantities: { vsh: 'fraction', phi: 'fraction', sw: 'fraction' },
  check: (p) =>
    p.reservoirOutput === p.output
      ? [
          'output',
          `the pay column and the reservoir column are both named "${p.output}"; give them different names.`,
        ]
      : undefined,
  outputs: (p) => [
    { name: p.reservoirOutput, unit: 'flag', description: 'Reservoir flag (1 reservoir, 0 not)' },
    { name: p.output, unit: 'flag', description: 'Pay flag (1 pay, 0 not)' },
  ],
  compute(p, [vsh, phi, sw]) {
    const n = vsh!.length;
    const res = new Float64Array(n);
    const pay = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      // Comparisons with NaN (null) are false, so a null input gives 0.
      const r = vsh![i]! <= p.vshMax && phi![i]! >= p.phiMin ? 1 : 0;
      res[i] = r;
      pay[i] = r === 1 && sw![i]! <= p.swMax ? 1 : 0;
    }
    return [res, pay];
  },
});

/** The cutoffs of `raw` rounded to the precision of the columns they are compared with. */
function atColumnPrecision(schema: Schema, raw: Params): Params {
  const p = withDefaults(params, raw);
  return {
    ...raw,
    vshMax: toStored(p.vshMax, storedAs(schema, p.vsh)),
    phiMin: toStored(p.phiMin, storedAs(schema, p.phi)),
    swMax: toStored(p.swMax, storedAs(schema, p.sw)),
  };
}

/** `petro.cutoffs` 1.0.0 (two outputs: `reservoirOutput` then `output`, both Float64 0/1, never null). */
export const cutoffs: RowwiseOperator<Params> = {
  ...formula,
  bind: (schema, raw, ctx) => formula.bind(schema, atColumnPrecision(schema, raw), ctx),
};
