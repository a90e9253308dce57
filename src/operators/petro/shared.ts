/** Small pieces shared by the petrophysics operators: defaults, clamping, kernels, output params. */
import { text, type ParamsDefinition } from '../params.ts';
import type { PortSpec } from '../types.ts';

/** `params` with every schema default filled in (the engine fills them on load; tests may not). */
export function withDefaults<P>(def: ParamsDefinition<P>, params: P): Required<P> {
  const out: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(def.schema.properties)) {
    if (schema.default !== undefined) out[name] = schema.default;
  }
  return { ...out, ...(params as Record<string, unknown>) } as Required<P>;
}

/** Clamps to [0, 1]; NaN (a null) stays NaN. */
export function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/** Applies a one-input formula to every row (NaN encodes null). */
export function map1(a: Float64Array, f: (a: number) => number): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = f(a[i]!);
  return out;
}

/** Applies a two-input formula to every row (NaN encodes null). */
export function map2(
  a: Float64Array,
  b: Float64Array,
  f: (a: number, b: number) => number,
): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = f(a[i]!, b[i]!);
  return out;
}

/** Applies a three-input formula to every row (NaN encodes null). */
export function map3(
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  f: (a: number, b: number, c: number) => number,
): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = f(a[i]!, b[i]!, c[i]!);
  return out;
}

/** The `output` parameter of a row-wise operator: the name of the column it writes. */
export function outputParam(defaultName: string, what: string) {
  return text({
    title: 'Output column',
    description: `Name of the column that receives ${what}; an existing column of that name is replaced.`,
    default: defaultName,
    minLength: 1,
    maxLength: 256,
  });
}

/** The single input port of row-wise operators. */
export const inPort: readonly PortSpec[] = [{ name: 'in', description: 'Table of log samples.' }];

/** The single output port of row-wise operators. */
export const outPort: readonly PortSpec[] = [
  { name: 'out', description: 'The input table with the computed column(s) added.' },
];
