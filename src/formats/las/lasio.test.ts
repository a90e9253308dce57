/**
 * Our reading of lasio's 91 example files against lasio's own (tests/fixtures/lasio, copied from
 * ../shared/fixtures/las/lasio; MIT, see LICENSE-lasio). Wherever lasio reads a file we give the same
 * curves in the same order, units, row count, null count per curve and first/last/min/max (1e-9
 * relative). Names are compared through the original mnemonic, case-insensitively: lasio
 * upper-cases mnemonics and names duplicates `GR:1, GR:2` where we keep the file's case and name
 * them `GR, GR:2`. Where lasio's reading is a known quirk or lasio fails, a named test below pins
 * our better reading or our clear error.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLas } from './reader.ts';
import { summarizeLas, type LasCurveSummary, type LasSummary } from './summary.ts';
import type { LasInfo } from './types.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..', 'tests', 'fixtures', 'lasio');

interface ExpectedCurve {
  mnemonic: string;
  original_mnemonic: string;
  unit: string;
  n_null: number;
  first_non_null: number | string | null;
  last_non_null: number | string | null;
  min: number | string | null;
  max: number | string | null;
}
interface Expected {
  ok: boolean;
  las_version: number | null;
  wrapped: boolean | null;
  null_value: number | null;
  dlm: string | null;
  n_rows: number;
  curves: ExpectedCurve[];
  exception?: { class: string; message: string };
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const files = existsSync(ROOT)
  ? walk(join(ROOT, 'files'))
      .map((f) => relative(join(ROOT, 'files'), f))
      .sort()
  : [];

function expected(rel: string): Expected {
  return JSON.parse(readFileSync(join(ROOT, 'expected', `${rel}.json`), 'utf8')) as Expected;
}

function read(rel: string): { info: LasInfo; summary: LasSummary } {
  const opened = openLas(new Uint8Array(readFileSync(join(ROOT, 'files', rel))), { fileName: rel });
  if (!opened.ok) throw new Error(`${rel}: line ${opened.error.line}: ${opened.error.message}`);
  return { info: opened.value.info, summary: summarizeLas(opened.value) };
}

function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number')
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  return a === b;
}

/** Compares one curve's statistics; `trimText` drops trailing blanks lasio keeps in delimited text. */
function expectCurve(
  ours: LasCurveSummary,
  theirs: ExpectedCurve,
  rows: number,
  trimText = false,
): void {
  const label = `${theirs.mnemonic}`;
  expect(ours.unit, label).toBe(theirs.unit);
  if (rows === 0) return;
  expect(ours.nulls, label).toBe(theirs.n_null);
  const fix = (v: unknown) => (trimText && typeof v === 'string' ? v.trimEnd() : v);
  expect(
    same(ours.first, fix(theirs.first_non_null)),
    `${label} first ${ours.first} vs ${theirs.first_non_null}`,
  ).toBe(true);
  expect(
    same(ours.last, fix(theirs.last_non_null)),
    `${label} last ${ours.last} vs ${theirs.last_non_null}`,
  ).toBe(true);
  if (typeof ours.first !== 'string') {
    expect(same(ours.min, theirs.min), `${label} min`).toBe(true);
    expect(same(ours.max, theirs.max), `${label} max`).toBe(true);
  }
}

/** Files where lasio's reading is a known quirk or lasio fails; each has its own test below. */
const DIFFERENT = new Set([
  'null_policy_ERR.las',
  'null_policy_dashes.las',
  'null_policy_ind.las',
  'issue79.las',
  '3.0/sample_3.0.las',
  '3.0/sample_3.0_tab_dlm.las',
  '3.0/Curve-Param Unknown #1(SS).las',
  '3.0/Curve-Param Unknown #2 (SS).LAS',
  'barebones.las',
  'missing_wrap.las',
  ...files.filter((f) => f.startsWith('3.0/Curve-Param Error')),
  ...files.filter((f) => existsSync(ROOT) && !expected(f).ok),
]);

describe.skipIf(files.length === 0)('lasio examples read as lasio reads them', () => {
  it('has all 91 files and their expected JSON', () => {
    expect(files).toHaveLength(91);
  });

  for (const rel of files.filter((f) => !DIFFERENT.has(f))) {
    it(rel, () => {
      const exp = expected(rel);
      const { info, summary } = read(rel);
      expect(summary.rows).toBe(exp.n_rows);
      if (exp.las_version !== null) expect(info.version).toBe(exp.las_version);
      expect(info.wrapped).toBe(exp.wrapped);
      expect(info.nullValue).toBe(exp.null_value);
      expect(info.delimiter).toBe(exp.dlm ?? 'SPACE');
      expect(info.curves.map((c) => c.originalMnemonic.toUpperCase())).toEqual(
        exp.curves.map((c) => c.original_mnemonic.toUpperCase()),
      );
      exp.curves.forEach((c, i) => expectCurve(summary.curves[i]!, c, exp.n_rows));
    });
  }
});

/** Non-empty, non-comment lines after the first data section title (independent of the reader). */
function dataLines(rel: string, title: (t: string) => boolean): number {
  const lines = readFileSync(join(ROOT, 'files', rel), 'latin1').split(/\r\n|\r|\n/);
  const start = lines.findIndex((l) => l.trim().startsWith('~') && title(l.trim()));
  let n = 0;
  for (let i = start + 1; i < lines.length && !lines[i]!.trim().startsWith('~'); i++)
    if (lines[i]!.trim() !== '' && !lines[i]!.trim().startsWith('#')) n++;
  return n;
}

describe.skipIf(files.length === 0)('lasio quirks: where we read better (or fail clearly)', () => {
  it('null_policy_ERR / null_policy_dashes: one bad token (ERR, -, --) makes a null, not a text curve', () => {
    for (const rel of ['null_policy_ERR.las', 'null_policy_dashes.las']) {
      const { info, summary } = read(rel);
      const rhob = summary.curves.find((c) => c.mnemonic === 'RHOB')!;
      expect(info.curves[2]!.kind).toBe('number');
      expect(typeof rhob.first).toBe('number');
      expect(rhob.nulls).toBe(rel === 'null_policy_ERR.las' ? 1 : 2);
      expect(summary.warnings.some((w) => w.includes('in curve RHOB read as null'))).toBe(true);
      // Every other curve is exactly lasio's.
      const exp = expected(rel);
      exp.curves.forEach(
        (c, i) => c.mnemonic !== 'RHOB' && expectCurve(summary.curves[i]!, c, exp.n_rows),
      );
    }
  });

  it('null_policy_ind: -1.#IND0000 is a null, not -1 (lasio cuts the token at #)', () => {
    const { summary } = read('null_policy_ind.las');
    const cn = summary.curves.find((c) => c.mnemonic === 'CN')!;
    expect(cn).toMatchObject({ nulls: 10, first: null, min: null });
    expect(expected('null_policy_ind.las').curves[2]!.first_non_null).toBe(-1);
  });

  it('issue79: a data section titled "~   DEPTH ..." is read (2 rows) where lasio reads none', () => {
    const { summary } = read('issue79.las');
    expect(summary.rows).toBe(2);
    expect(summary.curves[0]).toMatchObject({
      mnemonic: 'DEPT',
      first: 1088.1737,
      last: 1088.6737,
    });
    expect(summary.warnings[0]).toMatch(/has no name but is followed by numbers/);
  });

  it('LAS 3.0 samples: comma/tab text fields are trimmed ("LOST INTERVAL", lasio keeps trailing blanks)', () => {
    for (const rel of ['3.0/sample_3.0.las', '3.0/sample_3.0_tab_dlm.las']) {
      const exp = expected(rel);
      const { summary, info } = read(rel);
      expect(summary.rows).toBe(exp.n_rows);
      exp.curves.forEach((c, i) => expectCurve(summary.curves[i]!, c, exp.n_rows, true));
      expect(info.dataSets.map((d) => d.rows.length)).toEqual([2, 3, 3, 7, 3, 3, 3]);
      expect(info.dataSets[1]!.rows[0]).toEqual([545.5, 550.6, 'Long cylindrical hunk of rock']);
    }
  });

  it('Curve-Param Unknown: the ~Drilling_Definition names the curves that lasio calls UNKNOWN; values match', () => {
    for (const rel of [
      '3.0/Curve-Param Unknown #1(SS).las',
      '3.0/Curve-Param Unknown #2 (SS).LAS',
    ]) {
      const exp = expected(rel);
      const { summary, info } = read(rel);
      expect(summary.rows).toBe(exp.n_rows);
      expect(info.curves[0]!.mnemonic).toBe('ETIM');
      expect(exp.curves[0]!.mnemonic).toBe('UNKNOWN:1');
      exp.curves.forEach((c, i) =>
        expectCurve(summary.curves[i]!, { ...c, unit: summary.curves[i]!.unit }, exp.n_rows),
      );
    }
  });

  it('Curve-Param Error files: LAS 3.0 data sets are read (lasio reads 0 rows from them)', () => {
    for (const rel of files.filter((f) => f.startsWith('3.0/Curve-Param Error'))) {
      expect(expected(rel).n_rows).toBe(0);
      const { summary, info } = read(rel);
      const rows = dataLines(rel, (t) => t.includes('|') || /_data/i.test(t));
      expect(summary.rows, rel).toBe(rows);
      expect(info.curves.length, rel).toBeGreaterThan(0);
      expect(summary.curves.every((c) => c.count + c.nulls === rows)).toBe(true);
    }
  });

  it('barebones: no ~Version and no NULL are reported as such, not filled with defaults', () => {
    const { info, summary } = read('barebones.las');
    expect(info.nullValue).toBeNull();
    expect(expected('barebones.las').null_value).toBe(-9999.25);
    expect(summary.rows).toBe(2);
    expect(summary.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/no VERS item/),
        expect.stringMatching(/no NULL item/),
      ]),
    );
  });

  it('missing_wrap: a file without WRAP is read as unwrapped (lasio reports wrapped: null)', () => {
    const { info, summary } = read('missing_wrap.las');
    expect(info.wrapped).toBe(false);
    expect(summary.rows).toBe(expected('missing_wrap.las').n_rows);
  });

  it('0-d Array #2/#3: several ~Curve/~Ascii pairs: the first is the table, the others data sets', () => {
    for (const rel of ['3.0/0-d Array #2 (MS).las', '3.0/0-d Array #3 (MS).las']) {
      expect(expected(rel).ok).toBe(false);
      const { info, summary } = read(rel);
      expect(summary.rows).toBe(dataLines(rel, (t) => t.toUpperCase().startsWith('~A')));
      expect(info.dataSets.length).toBeGreaterThan(3);
      expect(summary.warnings.some((w) => w.includes('read as an extra data set'))).toBe(true);
    }
  });

  it('Reshape Error #2: TAB-delimited dates with a space stay one field (lasio splits them and fails)', () => {
    const { summary } = read('3.0/Reshape Error #2 (SS).las');
    const date = summary.curves.find((c) => c.mnemonic === 'Recording_date')!;
    expect(summary.rows).toBe(93);
    expect(date.first).toBe('02/28/2021 08:22:54');
  });

  it('dodgy_param_sect: a stray column-title line in ~P is skipped with a warning (lasio raises)', () => {
    const { summary } = read('dodgy_param_sect.las');
    expect(summary.rows).toBe(3);
    expect(summary.warnings[0]).toMatch(/^line 31: .* is not a header item/);
  });

  it('sample_lastcolblanked: a fused overflow field ("****") is a null and the short row is reported', () => {
    const { summary } = read('sample_lastcolblanked.las');
    expect(summary.rows).toBe(3);
    expect(summary.curves.find((c) => c.mnemonic === 'ILD')!.nulls).toBe(1);
    expect(summary.warnings).toContain(
      'line 45: 7 values where 8 curves were declared; missing values read as null',
    );
  });

  it('sample_las3.0_spec: "~TEST | TEST_Definition" and friends are data sets; the log has 3 rows', () => {
    const { summary, info } = read('standards/3.0/sample_las3.0_spec.las');
    expect(summary.rows).toBe(3);
    expect(info.dataSets.find((d) => d.title.startsWith('TEST'))!.rows[0]).toEqual([
      1,
      1500,
      1505,
      'TSTM',
      13243,
      'Weak Blow',
    ]);
  });

  it('not_a_las_file: a clear error with the line', () => {
    const r = openLas(new Uint8Array(readFileSync(join(ROOT, 'files', 'not_a_las_file.las'))), {
      fileName: 'n.las',
    });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect([r.error.file, r.error.line, /not a LAS file/.test(r.error.message)]).toEqual([
        'n.las',
        1,
        true,
      ]);
  });
});
