/**
 * How the main data section is laid out, settled before streaming: the delimiter and WRAP the
 * header declares, corrected when the data clearly says otherwise (each correction warned), and
 * the final curves (kinds from a sample, unnamed curves for extra values).
 */
import { WELL_COLUMN } from './arrow.ts';
import type { DataPart, HeaderResult } from './header.ts';
import { looksWrapped, sampleData, settleCurves, type SampleResult } from './sample.ts';
import { sniffDelimiter } from './sniffDelimiter.ts';
import type { LasCurveInfo, LasDelimiter, LasWarning } from './types.ts';

/** The main table's layout. */
export interface MainLayout {
  readonly wrapped: boolean;
  readonly delimiter: LasDelimiter;
  readonly curves: LasCurveInfo[];
  /** Columns the data needs (declared curves, or more found on the first line). */
  readonly width: number;
}

type Decoder = (s: number, e: number) => string;

/** Columns a data section will have: declared curves, or more when its first line has more values. */
export function dataWidth(declared: number, sample: SampleResult, wrapped: boolean): number {
  return wrapped ? declared : Math.max(declared, sample.firstLineCount);
}

/** Settles delimiter, WRAP and curves of the main data section `main` (no curves beyond `maxCurves`). */
export function mainLayout(
  b: Uint8Array,
  decode: Decoder,
  h: HeaderResult,
  main: DataPart,
  warnings: LasWarning[],
  maxCurves: number,
): MainLayout {
  const s = main.section;
  const declared = main.curves.length;
  let delimiter = h.delimiter;
  const dlmDeclared = h.versionItems.some((i) => i.mnemonic.toUpperCase() === 'DLM');
  const sniffed = dlmDeclared ? null : sniffDelimiter(b, decode, s.start, s.end, declared);
  if (sniffed) {
    delimiter = sniffed;
    warnings.push({
      line: s.firstLine,
      message: `the data is ${sniffed === 'COMMA' ? 'comma' : 'tab'}-separated (one field per curve on every line) but ~Version declares no DLM; read with DLM ${sniffed} (add DLM. ${sniffed} : to ~Version)`,
    });
  }
  // Declared wrapping: values flow into records from the start (lineCounts do not depend on it).
  const flow = h.wrapped ? declared : 0;
  const sample = sampleData(b, decode, s.start, s.end, delimiter, h.nullValue, flow);
  let wrapped = h.wrapped;
  if (!wrapped && looksWrapped(sample.lineCounts, declared)) {
    wrapped = true;
    warnings.push({
      line: s.firstLine,
      message: `~Version says WRAP NO, but each depth is on a line of its own followed by lines that add up to the ${declared} curves; read as wrapped (set WRAP. YES in ~Version)`,
    });
  }
  if (sample.lineCounts.length === 0)
    warnings.push({
      line: s.line,
      message: `the data section ~${s.title} holds no values: the table has no rows (is the file cut short?)`,
    });
  const width = dataWidth(declared, sample, wrapped);
  // Too wide: the caller rejects the file; naming tens of thousands of curves would be wasted.
  if (width > maxCurves) return { wrapped, delimiter, curves: [], width };
  // Kinds of wrapped data come from values flowed into records, not from positions in a line.
  const kinds =
    wrapped && !h.wrapped
      ? sampleData(b, decode, s.start, s.end, delimiter, h.nullValue, declared)
      : sample;
  const settled = settleCurves(main.curves, kinds, wrapped, s.firstLine, [WELL_COLUMN]);
  if (settled.added > 0)
    warnings.push({
      line: s.firstLine,
      message: `the data has ${sample.firstLineCount} values per line but ${declared} curves are declared; ${settled.added} unnamed curves added`,
    });
  return { wrapped, delimiter, curves: settled.curves, width };
}
