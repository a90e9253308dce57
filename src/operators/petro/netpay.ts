/**
 * `summary.netpay` 1.0.0: net pay per group (well, zone). With h = the median of the steps between
 * neighbouring distinct depths of the group, per well (netpay-steps.ts): gross = h rows, net = h (rows with
 * PAY = 1), ntg = net/gross; over PAY = 1 rows: phi_avg = mean PHI, sw_avg = sum(PHI SW)/sum(PHI),
 * hcpv = h sum(PHI (1 - SW)). Kept unchanged so saved pipelines pinning 1.0.0 keep their figures;
 * 1.1.0 (netpay-v1-1.ts) rounds h, gross and net.
 */
import { defineParams } from '../params.ts';
import { netpayColumnParams, netpayOperator } from './netpay-core.ts';

const params = defineParams(netpayColumnParams);

/** The shared part of every version's description (groups, formulas, nulls). */
export const NETPAY_DESCRIPTION =
  'One row per group (default WELL, plus ZONE when present), sorted by the group columns (nulls last): gross = h x rows, net = h x rows with PAY = 1, ntg = net/gross, and over the PAY = 1 rows phi_avg = sum(PHI)/count, sw_avg = sum(PHI SW)/sum(PHI), hcpv = h x sum(PHI (1 - SW)), where h is the median of the steps between neighbouring depths of the group: the depths of each well (column WELL when the input has it) are sorted, a repeated depth is no step (a warning counts the rows that repeat one), and a step never joins the depths of two wells, so rows in any order give the sampling of the log. A 32-bit float index (such as a Parquet FLOAT) whose values all have at most 6 significant digits is read as those decimals (1480.1, not 1480.0999755859375), so its steps are those the file shows. Pay rows with a null PHI are left out of phi_avg, sw_avg and hcpv (and rows with a null SW out of sw_avg and hcpv); a group without pay has net 0, hcpv 0 and null averages; a group with fewer than two distinct index values in any one well has a null h, so null gross, net, ntg and hcpv.';

/** `summary.netpay` 1.0.0 (no rounding: h carries the float noise of the depth steps). */
export const netpay = netpayOperator({
  version: '1.0.0',
  description: NETPAY_DESCRIPTION,
  params,
  decimals: () => undefined,
});
