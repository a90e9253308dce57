/**
 * Comparing a user's threshold with values stored at less than double precision. A Parquet or
 * Arrow FLOAT column holds 0.08 as 0.0799999982 and 0.4 as 0.4000000060: the file says 0.08, but
 * a double comparison with the cutoff 0.08 the user typed says "below". Rounding the threshold to
 * the column's precision compares what the file says with what the user wrote; doubles, integers
 * and decimals are compared as they are, so their results do not change by a bit.
 */
import { DataType, Precision, util, type Schema } from 'apache-arrow';

/** How finely a column stores its values: half and single are Arrow's 16- and 32-bit floats. */
export type Stored = 'half' | 'single' | 'double';

/** The precision of column `name` of `schema` (anything but a 16- or 32-bit float: 'double'). */
export function storedAs(schema: Schema, name: string): Stored {
  const type = schema.fields.find((f) => f.name === name)?.type as DataType | undefined;
  if (type === undefined || !DataType.isFloat(type)) return 'double';
  return type.precision === Precision.HALF
    ? 'half'
    : type.precision === Precision.SINGLE
      ? 'single'
      : 'double';
}

/** The coarser of two precisions: two columns compared with each other meet at this one. */
export function coarser(a: Stored, b: Stored): Stored {
  return a === 'half' || b === 'half' ? 'half' : a === 'single' || b === 'single' ? 'single' : a;
}

/** `x` as a column stored at `s` holds it (nearest value); unchanged at 'double'. */
export function toStored(x: number, s: Stored): number {
  if (s === 'single') return Math.fround(x);
  return s === 'half' ? util.uint16ToFloat64(util.float64ToUint16(x)) : x;
}

/** Significant decimal digits that always survive a trip through the precision (C's FLT_DIG). */
const KEPT_DIGITS: Readonly<Record<Stored, number>> = { half: 3, single: 6, double: 15 };

/**
 * The decimal of at most `digits` significant digits that `s` stores as `x`, NaN when there is none.
 * Rounding `x` to `digits` digits finds it: it is the closest such decimal, and there is only one.
 */
function shortest(x: number, s: Stored, digits: number): number {
  if (x === 0) return x;
  const k = digits - 1 - Math.floor(Math.log10(Math.abs(x)));
  // An integer times or divided by an exact power of ten: the double nearest the decimal.
  const y = k >= 0 ? Math.round(x * 10 ** k) / 10 ** k : Math.round(x / 10 ** -k) * 10 ** -k;
  return toStored(y, s) === x ? y : NaN;
}

/**
 * A column stored at `s` read as the decimals the file shows (1480.1, not the Float32
 * 1480.0999755859375), so differences such as depth steps carry double noise, not 32-bit noise.
 * Only when every finite value has such a decimal of at most the digits `s` always keeps (6 for
 * Float32): then each is the decimal that was written. Otherwise, or at 'double', `values` itself
 * (Float32 cannot tell 2480.1524 from 2480.1523, so no decimal is sure to be the written one).
 */
export function asWritten(values: Float64Array, s: Stored): Float64Array {
  if (s === 'double') return values;
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    const y = Number.isFinite(x) ? shortest(x, s, KEPT_DIGITS[s]) : x;
    if (Number.isNaN(y) && !Number.isNaN(x)) return values;
    out[i] = y;
  }
  return out;
}
