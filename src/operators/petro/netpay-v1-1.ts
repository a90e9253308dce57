/**
 * `summary.netpay` 1.1.0: as 1.0.0, but the sample thickness h is rounded to `decimals` places
 * before it is multiplied, and gross and net are rounded to `decimals` places. Depth steps read
 * from text carry float noise (1480.1 - 1480 = 0.10000000000013642), which 1.0.0 multiplies into
 * figures such as net = 29.699999999972988; 1.1.0 gives 29.7.
 */
import { defineParams, int } from '../params.ts';
import type { ParamMigration } from '../types.ts';
import { netpayColumnParams, netpayOperator } from './netpay-core.ts';
import { NETPAY_DESCRIPTION } from './netpay.ts';

/** Decimal places of h, gross and net unless the user chooses otherwise. */
export const NETPAY_DEFAULT_DECIMALS = 6;

const params = defineParams({
  ...netpayColumnParams,
  decimals: int({
    title: 'Decimals',
    description:
      'Decimal places to which the sample thickness h is rounded before it is multiplied, and to which gross and net are rounded (removes float noise of the depth steps). Keep at least as many as the depth step has (0.1524 needs 4).',
    minimum: 0,
    maximum: 12,
    default: NETPAY_DEFAULT_DECIMALS,
  }),
});

/** The migration from 1.0.0: adds `decimals` (6); what changes is said in `changes`. */
export const netpayMigration110: ParamMigration = {
  from: '1.0.0',
  changes:
    'Adds the parameter "decimals" (set to 6). The sample thickness h is rounded to 6 decimal places before it is multiplied, and gross and net are rounded to 6 decimal places, so float noise of the depth steps disappears (net = 29.699999999972988 becomes 29.7). hcpv uses the rounded h, so it may change in its last digits; ntg is net/gross of the rounded figures; phi_avg and sw_avg do not change. Output columns stay the same.',
  migrate: (p) => ({ ...p, decimals: NETPAY_DEFAULT_DECIMALS }),
};

/** `summary.netpay` 1.1.0 on the stable channel. */
export const netpayV110 = netpayOperator({
  version: '1.1.0',
  description: `${NETPAY_DESCRIPTION} Version 1.1.0: h is rounded to "decimals" decimal places (default 6) before it is multiplied, and gross and net are rounded to "decimals" places; ntg, phi_avg, sw_avg and hcpv are not rounded (hcpv uses the rounded h).`,
  params,
  decimals: (p) => p.decimals,
  migration: netpayMigration110,
});
