/**
 * Helpers of the second QA hunt (e2e/qa2-*.spec.ts): previewing a library file, exporting the
 * previewed table in any format, generating big or odd tables, and reading the grid's cells.
 */
import { readFileSync } from 'node:fs';
import { expect, type Locator } from '@playwright/test';
import type { EditorPage, TestFile } from './pages/editor.ts';

/** Menu labels of the table export formats. */
export type ExportLabel = 'CSV' | 'Parquet' | 'LAS 2.0';

/** Adds files and waits until each is listed without an error. */
export async function addFiles(app: EditorPage, files: readonly TestFile[]): Promise<void> {
  await app.addFilesWithInput(files);
  for (const f of files) await expect(app.file(f.name)).toContainText(/rows/);
}

/** Shows a library file in the preview grid. */
export async function previewFile(app: EditorPage, name: string): Promise<void> {
  await app.tab('Files');
  await app.file(name).getByRole('button', { name: 'Preview' }).click();
  await expect(app.page.getByRole('heading', { name: `File ${name}` })).toBeVisible();
  await expect(app.grid()).toBeVisible();
}

/** Exports the previewed table; returns every downloaded file (name and text). */
export async function exportPreview(
  app: EditorPage,
  label: ExportLabel,
  count = 1,
): Promise<{ name: string; text: string }[]> {
  const got: { name: string; text: string }[] = [];
  const done = new Promise<void>((resolve) => {
    app.page.on('download', (d) => {
      void d.path().then((p) => {
        got.push({ name: d.suggestedFilename(), text: readFileSync(p, 'utf8') });
        if (got.length === count) resolve();
      });
    });
  });
  await app.command('Export');
  await app.page.getByRole('menuitem', { name: `Table as ${label}` }).click();
  await done;
  return got.sort((a, b) => a.name.localeCompare(b.name));
}

/** The text of each cell of the grid's row `rowIndex` (1-based, as shown in the # column). */
export async function gridRow(app: EditorPage, rowIndex: number): Promise<string[]> {
  const row: Locator = app
    .grid()
    .getByRole('row')
    .filter({ has: app.page.getByRole('rowheader', { name: String(rowIndex), exact: true }) });
  await expect(row).toHaveCount(1);
  return row.getByRole('gridcell').allInnerTexts();
}

/** A LAS 2.0 file with the given curves (first is depth) and rows; -999.25 is the null. */
export function lasFile(
  name: string,
  curves: readonly (readonly [string, string])[],
  rows: readonly (readonly (number | string)[])[],
  well = 'QA2-WELL',
): TestFile {
  const depth = rows.map((r) => Number(r[0]));
  const lines = [
    '~Version',
    ' VERS.   2.0 : CWLS LOG ASCII STANDARD - VERSION 2.0',
    ' WRAP.   NO  : One line per depth step',
    '~Well',
    ` STRT.M  ${depth[0] ?? 0} : START DEPTH`,
    ` STOP.M  ${depth[depth.length - 1] ?? 0} : STOP DEPTH`,
    ` STEP.M  ${depth.length > 1 ? (depth[1] ?? 0) - (depth[0] ?? 0) : 0} : STEP`,
    ' NULL.   -999.25 : NULL VALUE',
    ` WELL.   ${well} : WELL`,
    '~Curve',
    ...curves.map(([n, u]) => ` ${n}.${u} : ${n}`),
    '~A',
    ...rows.map((r) => r.join(' ')),
    '',
  ];
  return { name, content: lines.join('\n') };
}

/** Opens the example files and the "Net pay, Archie" template (it reads *.las and tops.csv). */
export async function openNetPayTemplate(app: EditorPage): Promise<void> {
  await app.tab('Files');
  await app.page.getByRole('button', { name: 'Add example files' }).click();
  await expect(app.file('tops.csv')).toContainText(/rows/);
  await app.tab('Pipelines');
  await app.page.getByRole('button', { name: /^Net pay, Archie/ }).click();
  await expect(app.page.getByLabel('Pipeline name')).toHaveValue('Net pay, Archie');
}

/** Every canvas node's id and run status, e.g. `{ logs: 'done', vsh: 'failed' }`. */
export async function nodeStatuses(app: EditorPage): Promise<Record<string, string>> {
  const pairs = await app.page
    .locator('.react-flow__node [data-status]')
    .evaluateAll((els): [string, string][] =>
      els.map((e) => [
        (e.getAttribute('data-testid') ?? '').replace(/^node-/, ''),
        e.getAttribute('data-status') ?? '',
      ]),
    );
  return Object.fromEntries(pairs);
}

/**
 * The share of the chart canvas's width that has bar colour (bluish pixels) in some row: a
 * histogram of one value should be one narrow bar, not a band across the whole axis.
 */
export async function barWidthShare(app: EditorPage): Promise<number> {
  return app.page.locator('.chart-panel canvas').evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const ctx = c.getContext('2d');
    if (!ctx) return -1;
    const { data, width, height } = ctx.getImageData(0, 0, c.width, c.height);
    let cols = 0;
    for (let x = 0; x < width; x++) {
      for (let y = 0; y < height; y++) {
        const i = (y * width + x) * 4;
        if ((data[i + 3] ?? 0) > 0 && (data[i + 2] ?? 0) - (data[i] ?? 0) > 30) {
          cols++;
          break;
        }
      }
    }
    return cols / width;
  });
}
