/** Helpers shared by the LAS tests (not part of the public API). */
import type { Table } from 'apache-arrow';
import { readLasTable } from './reader.ts';
import type { LasInfo, LasWarning } from './types.ts';
import { formatLasWarning } from './warnings.ts';

/** A small LAS 2.0 file: the given curve lines and data lines, NULL -999.25 unless `nullLine`. */
export function lasText(
  curves: string[],
  data: string[],
  extra: { well?: string[]; version?: string[] } = {},
): string {
  return [
    '~VERSION INFORMATION',
    ...(extra.version ?? [
      ' VERS. 2.0 : CWLS LOG ASCII STANDARD - VERSION 2.0',
      ' WRAP. NO : ONE LINE PER DEPTH STEP',
    ]),
    '~WELL INFORMATION',
    ...(extra.well ?? [
      ' STRT.M 100 : START',
      ' STOP.M 102 : STOP',
      ' STEP.M 1 : STEP',
      ' NULL. -999.25 : NULL VALUE',
      ' WELL. W-1 : WELL',
    ]),
    '~CURVE INFORMATION',
    ...curves,
    '~A',
    ...data,
  ].join('\n');
}

/** A ~Well STRT/STOP/STEP that disagrees with the data (`indexCheck.ts`, tested in hunt3.test.ts). */
export const isRangeWarning = (w: LasWarning): boolean => /^(STRT|STOP|STEP) /.test(w.message);

/**
 * Reads text (or bytes) and fails the test when the file cannot be read. `lasText` declares STRT
 * 100, STOP 102, STEP 1 whatever the data, so the range warnings are left out unless `withRange`.
 */
export function readOk(
  input: string | Uint8Array,
  fileName = 'test.las',
  batchSize?: number,
  withRange = false,
): { info: LasInfo; table: Table; warnings: LasWarning[]; messages: string[] } {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const r = readLasTable(bytes, { fileName, ...(batchSize ? { batchSize } : {}) });
  if (!r.ok) throw new Error(`unexpected read error: line ${r.error.line}: ${r.error.message}`);
  const warnings = withRange
    ? r.value.warnings
    : r.value.warnings.filter((w) => !isRangeWarning(w));
  return { ...r.value, warnings, messages: warnings.map(formatLasWarning) };
}

/** Column values as plain JS (null for nulls). */
export function col(table: Table, name: string): unknown[] {
  const v = table.getChild(name);
  if (!v) throw new Error(`no column ${name}`);
  return Array.from({ length: v.length }, (_, i): unknown => v.get(i));
}
