/**
 * A small LAS 2.0 text writer for the example files: unwrapped (one line per depth) or wrapped
 * (the depth alone on a line, then the other values on lines of at most 80 characters).
 */

/** One curve: mnemonic, unit, description, decimals, and values (null = the LAS null value). */
export interface LasCurve {
  readonly mnemonic: string;
  readonly unit: string;
  readonly description: string;
  readonly decimals: number;
  readonly values: readonly (number | null)[];
}

/** Everything the writer needs for one file. */
export interface LasDocument {
  readonly well: string;
  readonly uwi: string;
  readonly depthUnit: string;
  readonly wrapped: boolean;
  readonly comment: readonly string[];
  readonly params: readonly {
    mnemonic: string;
    unit: string;
    value: string;
    description: string;
  }[];
  /** The index curve first. */
  readonly curves: readonly LasCurve[];
}

/** The LAS null value of the example files. */
export const LAS_NULL = -999.25;

const item = (mnemonic: string, unit: string, value: string, description: string): string =>
  ` ${`${mnemonic.padEnd(4)}.${unit}`.padEnd(14)} ${value.padStart(22)} : ${description}`;

const cell = (c: LasCurve, i: number): string => {
  const v = c.values[i];
  return (v === null || v === undefined ? LAS_NULL.toFixed(4) : v.toFixed(c.decimals)).padStart(11);
};

/** The text of a LAS 2.0 file (lines end with LF). */
export function lasText(doc: LasDocument): string {
  const index = doc.curves[0]!;
  const n = index.values.length;
  const first = index.values[0] ?? 0;
  const last = index.values[n - 1] ?? 0;
  const lines = [
    '~VERSION INFORMATION',
    item('VERS', '', '2.0', 'CWLS LOG ASCII STANDARD - VERSION 2.0'),
    item(
      'WRAP',
      '',
      doc.wrapped ? 'YES' : 'NO',
      doc.wrapped ? 'MULTIPLE LINES PER DEPTH STEP' : 'ONE LINE PER DEPTH STEP',
    ),
    '~WELL INFORMATION',
    '#MNEM.UNIT                       DATA : DESCRIPTION',
    item('STRT', doc.depthUnit, first.toFixed(index.decimals), 'START DEPTH'),
    item('STOP', doc.depthUnit, last.toFixed(index.decimals), 'STOP DEPTH'),
    item('STEP', doc.depthUnit, ((last - first) / (n - 1)).toFixed(index.decimals), 'STEP'),
    item('NULL', '', LAS_NULL.toFixed(2), 'NULL VALUE'),
    item('COMP', '', 'PETROFLOW EXAMPLES', 'COMPANY'),
    item('WELL', '', doc.well, 'WELL'),
    item('FLD', '', 'SYNTHETIC FIELD', 'FIELD'),
    item('LOC', '', 'LAYERED EARTH MODEL', 'LOCATION'),
    item('SRVC', '', 'NONE', 'SERVICE COMPANY'),
    item('DATE', '', '2024-01-15', 'LOG DATE'),
    item('UWI', '', doc.uwi, 'UNIQUE WELL ID'),
    '~CURVE INFORMATION',
    ...doc.curves.map((c) => item(c.mnemonic, c.unit, '', c.description)),
    '~PARAMETER INFORMATION',
    ...doc.params.map((p) => item(p.mnemonic, p.unit, p.value, p.description)),
    '~OTHER',
    ...doc.comment,
    `~A  ${doc.curves.map((c) => c.mnemonic).join('  ')}`,
  ];
  for (let i = 0; i < n; i++) {
    if (!doc.wrapped) {
      lines.push(doc.curves.map((c) => cell(c, i)).join(''));
      continue;
    }
    lines.push(cell(index, i).trim());
    const rest = doc.curves.slice(1).map((c) => cell(c, i));
    for (let k = 0; k < rest.length; k += 7) lines.push(rest.slice(k, k + 7).join(''));
  }
  return `${lines.join('\n')}\n`;
}
