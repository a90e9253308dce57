/**
 * A check under DuckDB's delimiter detection. DuckDB's sniffer (1.4, with `null_padding=true`)
 * reads a European CSV such as `DEPT;GR\n1000,5;45,2` as comma-separated: the header becomes one
 * column and every value is cut at its decimal comma. When exactly one of the usual delimiters
 * splits every record of the file's head into the same number (two or more) of values, that is the
 * file's delimiter and it is given to DuckDB; otherwise DuckDB's detection stands. With decimal
 * commas the delimiter is not a comma: a semicolon unless one other delimiter fits. Excel's
 * delimiter line (`sep=;` as the first line, which Excel writes and honours) names the delimiter
 * and is skipped (`excelSepLine`).
 */
import { csvShape } from './csv-shape.ts';

/** Delimiters tried, as DuckDB's sniffer tries them. */
const CANDIDATES = [',', ';', '\t', '|'] as const;

/** Bytes of the head looked at (cut after its last line break). */
export const HEAD_BYTES = 64 * 1024;

/** The head of `b`: whole when short, else up to its last line break within `HEAD_BYTES`. */
function head(b: Uint8Array): Uint8Array {
  if (b.length <= HEAD_BYTES) return b;
  const end = b.subarray(0, HEAD_BYTES).lastIndexOf(0x0a);
  return end > 0 ? b.subarray(0, end + 1) : b.subarray(0, HEAD_BYTES);
}

/**
 * The one delimiter giving every record of the head the same value count (at least 2), or
 * undefined when none or several do (quoted values respected, blank lines ignored).
 */
export function consistentDelimiter(
  b: Uint8Array,
  candidates: readonly string[] = CANDIDATES,
): string | undefined {
  const h = head(b);
  const fits = candidates.filter((d) => {
    const s = csvShape(h, d);
    return s !== null && s.expected >= 2 && s.short === 0 && s.long === 0;
  });
  return fits.length === 1 ? fits[0] : undefined;
}

/** Excel's first line `sep=X`: the delimiter it names and its bytes (line break included). */
export interface ExcelSepLine {
  readonly delimiter: string;
  readonly bytes: number;
}

/**
 * Excel's delimiter line when `b` starts with one (`sep=` and one character, any case, then a line
 * break or the end): DuckDB would read it as the header, every value below as text.
 */
export function excelSepLine(b: Uint8Array): ExcelSepLine | undefined {
  const lower = (i: number): number => (b[i] ?? 0) | 0x20;
  if (lower(0) !== 0x73 || lower(1) !== 0x65 || lower(2) !== 0x70 || b[3] !== 0x3d) return;
  const d = b[4] ?? 0;
  // A tab or a visible ASCII character other than the quote.
  if (d !== 0x09 && (d <= 0x20 || d >= 0x7f || d === 0x22)) return undefined;
  let end = 5;
  if (b[end] === 0x0d) end++;
  if (b[end] === 0x0a) end++;
  if (end === 5 && end < b.length) return undefined;
  return { delimiter: String.fromCharCode(d), bytes: end };
}

/** The delimiter a read with delimiter `auto` is given (`auto`: DuckDB's detection decides). */
export function autoDelimiter(b: Uint8Array, decimal: '.' | ',' | undefined): string {
  const sep = excelSepLine(b);
  if (sep) return sep.delimiter;
  if (decimal !== ',') return consistentDelimiter(b) ?? 'auto';
  return (
    consistentDelimiter(
      b,
      CANDIDATES.filter((d) => d !== ','),
    ) ?? ';'
  );
}
