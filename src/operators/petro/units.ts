/**
 * Unit checks of the petrophysics inputs. The formulas assume g/cc densities, us/ft slowness and
 * fractional (v/v) porosity, saturation and shale volume. LAS files often carry other units (the
 * LAS 2.0 sample file has RHOB in K/M3 and DT in US/M; neutron porosity is often in %, "PU"), and
 * the formulas' clamping would turn those into plausible-looking nonsense (PHID = 0 everywhere).
 * A column whose `unit` metadata names a known other unit is refused, with the conversion to make;
 * a column without such a unit whose values cannot be in the expected unit gets a warning.
 */
import type { Schema } from 'apache-arrow';
import { petroflowError, type PetroflowError } from '../../model/errors.ts';

/** What an input column measures, which fixes the unit a formula expects. */
export type Quantity = 'density' | 'slowness' | 'fraction' | 'gamma';

interface QuantityRule {
  /** The unit the formulas expect, as the messages name it. */
  readonly expected: string;
  /** Other units (upper case, spaces and brackets removed) and the SQL that converts them. */
  readonly others: Readonly<Record<string, string>>;
  /** Values above this cannot be in the expected unit (a warning names the likely unit). */
  readonly plausibleMax: number;
  readonly likely: string;
  readonly likelyConversion: string;
}

const RULES: Readonly<Record<Quantity, QuantityRule>> = {
  // Densest common minerals are below 7.5 g/cc (galena); density logs read 1-3.2 g/cc.
  density: {
    expected: 'g/cc',
    others: { 'K/M3': '/ 1000', 'KG/M3': '/ 1000', 'K/M': '/ 1000', 'KG/M^3': '/ 1000' },
    plausibleMax: 10,
    likely: 'kg/m3',
    likelyConversion: '/ 1000',
  },
  // us/m and us/ft ranges overlap (40-200 us/ft is 130-650 us/m), so only the unit is checked;
  // 1 ft = 0.3048 m, so us/ft = us/m x 0.3048.
  slowness: {
    expected: 'us/ft',
    others: { 'US/M': '* 0.3048', 'USEC/M': '* 0.3048', 'MS/KM': '* 0.3048' },
    plausibleMax: Infinity,
    likely: '',
    likelyConversion: '',
  },
  // Gamma ray in API units; no other unit is in use, so only "no value" markers are checked.
  gamma: {
    expected: 'API',
    others: {},
    plausibleMax: Infinity,
    likely: '',
    likelyConversion: '',
  },
  // Porosity, saturation and shale volume are fractions; percent values run to 100.
  fraction: {
    expected: 'v/v (a fraction)',
    others: { '%': '/ 100', PU: '/ 100', 'P.U.': '/ 100', PERCENT: '/ 100', PCT: '/ 100' },
    plausibleMax: 1.5,
    likely: 'percent',
    likelyConversion: '/ 100',
  },
};

/** The `unit` metadata of a column, normalised for lookup (upper case, no spaces or brackets). */
function unitKey(unit: string): string {
  return unit.toUpperCase().replace(/[\s[\]]/g, '');
}

/** The SQL expression that converts `column` (quoted as an identifier) with `operation`. */
function conversion(column: string, operation: string): string {
  return `"${column.replace(/"/g, '""')}" ${operation}`;
}

/**
 * A BAD_PARAMS error when column `name` (read by parameter `param`) states a unit other than the one
 * the formula expects for `quantity`, or undefined when its unit is the expected one or unknown.
 */
export function unitProblem(
  schema: Schema,
  param: string,
  name: string,
  quantity: Quantity,
  where: { readonly op: string },
): PetroflowError | undefined {
  const unit = schema.fields.find((f) => f.name === name)?.metadata.get('unit') ?? '';
  const rule = RULES[quantity];
  const operation = rule.others[unitKey(unit)];
  if (operation === undefined) return undefined;
  return petroflowError(
    'BAD_PARAMS',
    `Parameter "${param}": column "${name}" is in ${unit.trim()}, but ${where.op} expects ${rule.expected}, so every result would be wrong. Convert it first with a math.expression node (expression ${conversion(name, operation)}, output "${name}"), or choose a column in ${rule.expected}.`,
    { ...where, field: `params.${param}` },
  );
}

/**
 * Values at or below this are "no value" markers (LAS NULL -999.25, -999, -9999) read as numbers:
 * no density, slowness, gamma ray or fraction log reads them.
 */
export const NO_VALUE_MARK = -999;

/** What a quantity is called in the "no value" warning, with the wrong result it would give. */
const EFFECT: Readonly<Record<Quantity, string>> = {
  density: 'a RHOB of -999.25 gives a density porosity of 1',
  slowness: 'a DT of -999.25 gives a Wyllie porosity of 0',
  fraction:
    'a VSH or SW of -999.25 passes a maximum cutoff, and a porosity of -999.25 wrecks any average',
  gamma: 'a GR of -999.25 gives VSH 0, clean rock',
};

/**
 * A warning when a column holds "no value" markers read as numbers (values <= -999), or, for a
 * column without a stated unit, values that cannot be in the expected unit (density above 10 g/cc,
 * a fraction above 1.5); undefined when the values look right.
 */
export function valueProblem(
  values: Float64Array,
  param: string,
  name: string,
  quantity: Quantity,
  op: string,
): string | undefined {
  const rule = RULES[quantity];
  let max = -Infinity;
  let marks = 0;
  let first = NaN;
  for (const v of values) {
    if (v > max) max = v;
    if (v <= NO_VALUE_MARK) {
      if (marks === 0) first = v;
      marks++;
    }
  }
  if (marks > 0) {
    const expression = `CASE WHEN ${conversion(name, `<= ${NO_VALUE_MARK} THEN NULL ELSE`)} "${name.replace(/"/g, '""')}" END`;
    return `Parameter "${param}": column "${name}" holds ${marks} ${marks === 1 ? 'value' : 'values'} of ${NO_VALUE_MARK} or less (the first is ${first}), which no log in ${rule.expected} reads: ${marks === 1 ? 'it looks' : 'they look'} like a "no value" marker (the LAS NULL, such as -999.25) read as a number, and ${op} computes with ${marks === 1 ? 'it' : 'them'} (${EFFECT[quantity]}). Make ${marks === 1 ? 'it' : 'them'} null first: declare the marker where the file is read (the LAS NULL line, or source.csv's "Missing value"), or add a math.expression node (expression ${expression}, output "${name}").`;
  }
  if (!(max > rule.plausibleMax)) return undefined;
  return `Parameter "${param}": column "${name}" has values up to ${max}, impossible in ${rule.expected}: it looks like ${rule.likely}, and ${op} expects ${rule.expected}, so its results are wrong. Convert it first with a math.expression node (expression ${conversion(name, rule.likelyConversion)}, output "${name}").`;
}
