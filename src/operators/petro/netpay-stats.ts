/** The per-group arithmetic of `summary.netpay` (NaN stands for null in and out). */
import { groupSteps, type GroupSteps } from './netpay-steps.ts';

/** Net pay figures of one group; NaN where a figure is undefined. */
export interface GroupStats {
  readonly gross: number;
  readonly net: number;
  readonly ntg: number;
  readonly phiAvg: number;
  readonly swAvg: number;
  readonly hcpv: number;
}

/** Median of a non-empty list (mean of the two middle values for an even count); NaN when empty. */
export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const s = values.sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * `x` rounded to `decimals` decimal places (the double nearest the decimal result, so 29.7 prints
 * as 29.7); NaN stays NaN. Exists to strip the float noise of depth steps such as 1480.1 - 1480.
 */
export function roundTo(x: number, decimals: number): number {
  return Number.isFinite(x) ? Number(x.toFixed(decimals)) : x;
}

/** Whole-table columns a group's figures are computed from (`wells`: well key per row, if any). */
export interface NetpayColumnsData {
  readonly index: Float64Array;
  readonly phi: Float64Array;
  readonly sw: Float64Array;
  readonly pay: Float64Array;
  readonly wells?: readonly string[] | undefined;
}

/**
 * Figures of the group made of `rows` (table order) over whole-table columns; h is the median of the
 * group's depth steps (see `groupSteps`). With `decimals` (version 1.1.0), h is rounded to that many
 * places before use and gross and net after.
 */
export function groupStats(
  rows: readonly number[],
  c: NetpayColumnsData,
  decimals?: number,
): GroupStats & { readonly steps: GroupSteps } {
  const round = (x: number) => (decimals === undefined ? x : roundTo(x, decimals));
  const steps = groupSteps(rows, c.index, c.wells);
  const h = round(median(steps.steps));
  let payRows = 0;
  let phiCount = 0;
  let phiSum = 0;
  let pvSum = 0;
  let pvSwSum = 0;
  let hcSum = 0;
  for (const i of rows) {
    if (c.pay[i] !== 1) continue;
    payRows++;
    const phi = c.phi[i]!;
    if (Number.isNaN(phi)) continue;
    phiCount++;
    phiSum += phi;
    const sw = c.sw[i]!;
    if (Number.isNaN(sw)) continue;
    pvSum += phi;
    pvSwSum += phi * sw;
    hcSum += phi * (1 - sw);
  }
  const gross = round(h * rows.length);
  const net = round(h * payRows);
  return {
    gross,
    net,
    ntg: gross > 0 ? net / gross : NaN,
    phiAvg: phiCount > 0 ? phiSum / phiCount : NaN,
    swAvg: pvSum > 0 ? pvSwSum / pvSum : NaN,
    hcpv: h * hcSum,
    steps,
  };
}
