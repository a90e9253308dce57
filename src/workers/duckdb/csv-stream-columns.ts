/**
 * The column rules of a whole read (csv-columns.ts) kept in the later parts of a streamed CSV, so
 * every chunk agrees: Windows NaN/infinity marks in a DOUBLE column are read as NaN and infinity
 * (`markedPartSql`) and named in a warning, as are ids of 20 digits or more in a DOUBLE column (read
 * as DOUBLE in every chunk, as a whole read does); both warnings come from one text scan of the
 * part, only when it has a candidate. Hex ids in a later part make the column text in pass 1
 * (csv-stream-probe.ts), as a whole read keeps them, and are named as a whole read names them.
 */
import type { Table } from 'apache-arrow';
import type { CsvDialect } from '../../operators/types.ts';
import { isIntegerType, type RunSql } from './csv.ts';
import { wideIntegerCheck } from './csv-column-hints.ts';
import { hexColumnsCheck, hexIdWarning, hexTest, holdsHexPrefix } from './csv-hex-ids.ts';
import { ROW, runTextChecks, type TextCheck } from './csv-text-checks.ts';
import {
  holdsWindowsMark,
  markOrNumber,
  markTest,
  windowsMarkSql,
  windowsMarkWarning,
} from './csv-windows-marks.ts';

/** The DOUBLE columns of `d` (positions and names) when the part may hold a Windows mark. */
function markCandidates(holds: PartHolds, d: CsvDialect): { i: number; name: string }[] {
  if (!holds.marks) return [];
  return d.columns.flatMap((c, i) => (c.type === 'DOUBLE' ? [{ i, name: c.name }] : []));
}

/**
 * The read of a later part (`read(d)`: its `read_csv` with the columns of `d`), its DOUBLE columns
 * read as text and made numbers by `markDouble` when the part may hold a Windows mark (`holds`).
 */
export function markedPartSql(
  holds: PartHolds,
  d: CsvDialect,
  read: (d: CsvDialect) => string,
): string {
  const doubles = markCandidates(holds, d);
  if (doubles.length === 0) return read(d);
  const columns = d.columns.map((c) => (c.type === 'DOUBLE' ? { ...c, type: 'VARCHAR' } : c));
  const names = doubles.map((c) => c.name);
  return windowsMarkSql(read({ ...d, columns }), names, d.decimal);
}

/** The text check naming the DOUBLE columns of a part holding a Windows mark, and its first. */
function markCheck(
  fileName: string,
  holds: PartHolds,
  d: CsvDialect,
  rowsBefore: number,
): TextCheck | undefined {
  const doubles = markCandidates(holds, d);
  if (doubles.length === 0) return undefined;
  const tests = doubles.flatMap(({ i }, k) => [
    `min(${ROW}) FILTER (WHERE ${markTest(`c${i}`)})::DOUBLE AS mr${k}`,
    `arg_min(trim(c${i}), ${ROW}) FILTER (WHERE ${markTest(`c${i}`)}) AS mv${k}`,
  ]);
  const answer = (t: Table): string[] => {
    const found = doubles.flatMap(({ name }, k) => {
      const row: unknown = t.getChild(`mr${k}`)?.get(0);
      const mark: unknown = t.getChild(`mv${k}`)?.get(0);
      if (typeof row !== 'number' || typeof mark !== 'string') return [];
      return [{ name, marks: [mark], row: row + rowsBefore }];
    });
    return found.length > 0 ? [windowsMarkWarning(fileName, found)] : [];
  };
  return { tests, answer };
}

/**
 * The warnings of a later part read as `table` (see the module comment); `holds` is what its bytes
 * may hold, `textRead` reads the part with every column text, `rowsBefore` data rows of the file
 * come before it.
 */
export async function laterPartWarnings(
  run: RunSql,
  fileName: string,
  holds: PartHolds,
  part: { readonly dialect: CsvDialect; readonly rowsBefore: number },
  table: Table,
  textRead: () => string,
): Promise<string[]> {
  const { dialect, rowsBefore } = part;
  const text = dialect.columns.flatMap((c, i) =>
    c.type === 'VARCHAR' ? [{ i, name: c.name }] : [],
  );
  const hex = text.length > 0 && holds.hex ? hexColumnsCheck(text, true, rowsBefore) : undefined;
  const checks = [
    wideIntegerCheck(fileName, table, rowsBefore),
    markCheck(fileName, holds, dialect, rowsBefore),
    hex,
  ];
  const warnings = await runTextChecks(run, textRead, dialect.columns.length, checks);
  if (hex && hex.found.length > 0) warnings.push(hexIdWarning(fileName, hex.found));
  return warnings;
}

/** What a part's bytes may hold, for the column rules of its probes (a cheap look at the bytes). */
export interface PartHolds {
  readonly marks: boolean;
  readonly hex: boolean;
}

/** What `bytes` may hold (see `PartHolds`). */
export function partHolds(bytes: Uint8Array): PartHolds {
  return { marks: holdsWindowsMark(bytes), hex: holdsHexPrefix(bytes) };
}

/**
 * The types of a probed chunk's columns after the column rules of a whole read, from the sniffer's
 * `detected` types and the value counts `n`: a text column of numbers and Windows marks is DOUBLE,
 * an integer column holding a hex id is text. One scan of `read` (every column text, renamed c0,
 * c1...) when the chunk may hold either.
 */
export async function detectedByRules(
  run: RunSql,
  read: string,
  d: CsvDialect,
  holds: PartHolds,
  detected: readonly string[],
  n: readonly number[],
): Promise<string[]> {
  const at = detected.flatMap((t, i) => {
    if ((n[i] ?? 0) === 0) return [];
    if (holds.marks && t === 'VARCHAR') return [{ i, to: 'DOUBLE' }];
    return holds.hex && isIntegerType(t) ? [{ i, to: 'VARCHAR' }] : [];
  });
  if (at.length === 0) return [...detected];
  const tests = at.flatMap(({ i, to }) => {
    const c = `c${i}`;
    if (to === 'VARCHAR') return [`count_if(${hexTest(c)}) > 0`];
    return [
      `count_if(${markOrNumber(c, d.decimal)}) = ${n[i] ?? 0} AND count_if(${markTest(c)}) > 0`,
    ];
  });
  const names = d.columns.map((_c, i) => `c${i}`).join(', ');
  const t = await run(`SELECT ${tests.join(', ')} FROM (${read}) AS t(${names})`);
  const out = [...detected];
  at.forEach(({ i, to }, k) => {
    if (t.getChildAt(k)?.get(0) === true) out[i] = to;
  });
  return out;
}
