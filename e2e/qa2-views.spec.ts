/**
 * QA hunt 2: the result views on big and odd tables — a 200,000-row grid, a 300-column grid, log
 * tracks with nulls and non-positive resistivity, and histograms of degenerate columns.
 */
import { expect, test, type Page } from '@playwright/test';
import { EditorPage } from './pages/editor.ts';
import { watchConsole } from './qa-kit.ts';
import { addFiles, barWidthShare, gridRow, lasFile, previewFile } from './qa2-kit.ts';

test.use({ viewport: { width: 1600, height: 1000 } });
test.setTimeout(180_000);

/** DEPT, GR (nulls every 20th row), ILD (0, -5 or positive), RHOB (all null), NPHI (all 7). */
function oddLas() {
  const rows: number[][] = [];
  for (let i = 0; i < 200; i++) {
    const ild = i % 3 === 0 ? 0 : i % 3 === 1 ? -5 : 10 + i;
    rows.push([1000 + i * 0.5, i % 20 === 0 ? -999.25 : 50 + (i % 40), ild, -999.25, 7]);
  }
  const curves = [
    ['DEPT', 'M'],
    ['GR', 'GAPI'],
    ['ILD', 'OHMM'],
    ['RHOB', 'G/C3'],
    ['NPHI', 'V/V'],
  ] as const;
  return lasFile('odd.las', curves, rows);
}

async function histogramOf(page: Page, column: string) {
  await page.getByRole('tab', { name: 'Histogram' }).click();
  await page.locator('.chart-panel .plot-toolbar select').first().selectOption(column);
  await page.waitForTimeout(400);
}

test('fine: a 200,000-row grid scrolls to its last row; a 300-column grid to its last column', async ({
  page,
}) => {
  const logs = watchConsole(page);
  const app = new EditorPage(page);
  await app.open();
  const lines = ['DEPT,GR,NOTE'];
  for (let i = 0; i < 200_000; i++) lines.push(`${(1000 + i * 0.1).toFixed(1)},${i % 150},r${i}`);
  const wide = [Array.from({ length: 300 }, (_, i) => `C${i}`).join(',')];
  for (let r = 0; r < 50; r++)
    wide.push(Array.from({ length: 300 }, (_, i) => r * 1000 + i).join(','));
  await addFiles(app, [
    { name: 'big.csv', content: `${lines.join('\n')}\n` },
    { name: 'wide.csv', content: `${wide.join('\n')}\n` },
  ]);
  await previewFile(app, 'big.csv');
  await expect(page.getByText('200,000 rows × 3 columns')).toBeVisible();
  await app.grid().evaluate((el) => (el.scrollTop = el.scrollHeight));
  expect(await gridRow(app, 200_000)).toEqual(['20999.9', String(199_999 % 150), 'r199999']);
  await app.grid().evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
  expect((await gridRow(app, 100_001))[2]).toBe('r100000');

  await previewFile(app, 'wide.csv');
  await expect(page.getByText('50 rows × 300 columns')).toBeVisible();
  await expect(app.grid().getByRole('columnheader')).toHaveCount(301);
  await app.grid().evaluate((el) => {
    el.scrollLeft = el.scrollWidth;
    el.scrollTop = el.scrollHeight;
  });
  expect((await gridRow(app, 50)).slice(-2)).toEqual(['49298', '49299']);
  await expect(app.grid().getByRole('columnheader', { name: 'C299' })).toBeInViewport();
  expect(logs).toEqual([]);
});

test('fine: log tracks with null GR, zero/negative resistivity and an all-null curve draw without errors', async ({
  page,
}) => {
  const logs = watchConsole(page);
  const app = new EditorPage(page);
  await app.open();
  await addFiles(app, [oddLas()]);
  await previewFile(app, 'odd.las');
  await page.getByRole('tab', { name: 'Log tracks' }).click();
  await expect(page.getByTestId('depth-range')).toContainText('Depth 1000–1099.5 M');
  await expect(page.getByTestId('log-tracks')).toContainText('Resistivity');
  // Fixed: the depth track's header showed a bare number (videx-wellog's visible span, "100"),
  // read as a depth. It now names the index with its unit and shows the depth range in view.
  const header = page.getByTestId('log-tracks').locator('.depth-legend');
  await expect(header.locator('.depth-title')).toHaveText('DEPT (M)');
  await expect(header.locator('.depth-view')).toHaveText('1000–1099.5');
  await expect(page.getByTestId('log-tracks').locator('.scale-legend')).toHaveCount(0);
  await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
  await expect(header.locator('.depth-view')).toHaveText('1024.9–1074.6');
  await page.getByRole('button', { name: 'Reset depth' }).click();
  await expect(header.locator('.depth-view')).toHaveText('1000–1099.5');
  expect(logs).toEqual([]);
});

// Fixed: a histogram of a column holding one value (NPHI = 7 on every row) drew a single bar as
// wide as the whole plot, over an x axis from 0 to 14. Now the lone value gets a nominal bin
// (src/ui/plotData.ts `histogram()`) and an x range around it.
test('fixed: a histogram of a one-value column is one narrow bar', async ({ page }) => {
  const app = new EditorPage(page);
  await app.open();
  await addFiles(app, [oddLas()]);
  await previewFile(app, 'odd.las');
  await histogramOf(page, 'GR');
  expect(await barWidthShare(app)).toBeGreaterThan(0.5); // control: 40 bins fill the axis
  await histogramOf(page, 'NPHI');
  expect(await barWidthShare(app)).toBeLessThan(0.2);
});

// Fixed: a histogram of a column with no value (RHOB all -999.25, read as null) was an empty
// panel with no word of why; the crossplot said only "0 points". Both now say so.
test('fixed: a histogram or crossplot of an all-null column says it has no values', async ({
  page,
}) => {
  const app = new EditorPage(page);
  await app.open();
  await addFiles(app, [oddLas()]);
  await previewFile(app, 'odd.las');
  await histogramOf(page, 'RHOB');
  const panel = page.locator('.chart-panel');
  await expect(panel).toContainText('RHOB has no values to plot (all 200 rows are null)', {
    timeout: 3000,
  });
  await expect(panel.locator('canvas')).toHaveCount(0);
  await page.getByRole('tab', { name: 'Crossplot' }).click();
  await panel.getByLabel('X', { exact: true }).selectOption('GR');
  await panel.getByLabel('Y', { exact: true }).selectOption('RHOB');
  await expect(panel).toContainText('RHOB has no values to plot (all 200 rows are null)');
  await expect(panel.getByText(/ points$/)).toHaveText('0 points');
});

// Fixed: the X/Y/Column selects sat inside their <label>, so their accessible name included the
// selected option ("X NPHI (V/V)"). Now the label is tied by htmlFor: the name is just "X".
test('fixed: the plot selects are named X, Y, Column (not with their value)', async ({ page }) => {
  const app = new EditorPage(page);
  await app.open();
  await addFiles(app, [oddLas()]);
  await previewFile(app, 'odd.las');
  await page.getByRole('tab', { name: 'Crossplot' }).click();
  const panel = page.locator('.chart-panel');
  await expect(panel.getByRole('combobox', { name: 'X', exact: true })).toHaveValue('NPHI');
  await expect(panel.getByRole('combobox', { name: 'Y', exact: true })).toHaveValue('RHOB');
  await page.getByRole('tab', { name: 'Histogram' }).click();
  await expect(panel.getByRole('combobox', { name: 'Column', exact: true })).toHaveValue('GR');
});

/** Mean canvas row (CSS pixels from the top) of the plotted points left and right of the middle. */
async function pointRows(page: Page): Promise<{ left: number; right: number }> {
  return page.locator('.chart-panel canvas').evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const px = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? [];
    const sum = { left: [0, 0], right: [0, 0] };
    for (let i = 0; i < px.length; i += 4) {
      // The points' colour, #1f5fa8.
      if (Math.abs(px[i]! - 31) + Math.abs(px[i + 1]! - 95) + Math.abs(px[i + 2]! - 168) > 30)
        continue;
      const x = (i / 4) % c.width;
      const side = x < c.width / 2 ? sum.left : sum.right;
      side[0]! += Math.floor(i / 4 / c.width);
      side[1]! += 1;
    }
    const mean = (s: number[]) => s[0]! / Math.max(1, s[1]!) / (c.height / c.clientHeight);
    return { left: mean(sum.left), right: mean(sum.right) };
  });
}

// Fixed: the crossplot's axes were titled without units and drew RHOB growing upwards. Now they
// read "NPHI (V/V)" and "RHOB (G/C3)" from the columns' units, and RHOB grows downwards, as on
// the neutron-density crossplot: dense, low-porosity rock (left) sits low, porous rock high.
test('fixed: the NPHI-RHOB crossplot titles its axes with units and draws RHOB downwards', async ({
  page,
}) => {
  const logs = watchConsole(page);
  const app = new EditorPage(page);
  await app.open();
  const rows: number[][] = [];
  for (let i = 0; i < 100; i++) {
    const porous = i >= 50;
    rows.push([
      1000 + i * 0.5,
      porous ? 0.35 + (i % 5) / 100 : 0.05 + (i % 5) / 100,
      porous ? 2.1 : 2.6,
    ]);
  }
  const curves = [
    ['DEPT', 'M'],
    ['NPHI', 'V/V'],
    ['RHOB', 'G/C3'],
  ] as const;
  await addFiles(app, [lasFile('nd.las', curves, rows)]);
  await previewFile(app, 'nd.las');
  await page.getByRole('tab', { name: 'Crossplot' }).click();
  const panel = page.locator('.chart-panel');
  // uPlot draws its axis titles on the canvas: the chart's name carries the same titles.
  await expect(panel.getByRole('img')).toHaveAttribute(
    'aria-label',
    'Crossplot of RHOB (G/C3), increasing downwards, against NPHI (V/V)',
  );
  await page.waitForTimeout(300);
  const down = await pointRows(page);
  expect(down.left).toBeGreaterThan(down.right + 50);
  // Control: with NPHI on Y nothing is inverted, so the same points swap sides.
  await panel.getByLabel('X', { exact: true }).selectOption('RHOB');
  await panel.getByLabel('Y', { exact: true }).selectOption('NPHI');
  await expect(panel.getByRole('img')).toHaveAttribute(
    'aria-label',
    'Crossplot of NPHI (V/V) against RHOB (G/C3)',
  );
  await page.waitForTimeout(300);
  const up = await pointRows(page);
  expect(up.right).toBeGreaterThan(up.left + 50);
  expect(logs).toEqual([]);
});

/** Resolves true when the page answers a script within `ms` (false while its main thread is stuck). */
async function responsive(page: Page, ms: number): Promise<boolean> {
  const answer = page.evaluate(() => true).catch(() => false);
  const late = new Promise<boolean>((r) => setTimeout(() => r(false), ms));
  return Promise.race([answer, late]);
}

// Fixed (was serious: hang, then crash): ticking "log X" on a crossplot whose X column holds a
// negative value (here -9999, a null marker the file does not declare as its NULL: very common in
// real LAS files) froze the tab for about 95 s, then threw "Invalid array length". Now rows with
// x <= 0 (y <= 0 for log Y) are left out of a log axis (src/ui/plotData.ts `crossplotData`) and
// counted next to the point count.
test('fixed: log X on a crossplot with a negative X (undeclared -9999 null) leaves those rows out', async ({
  page,
}) => {
  const logs = watchConsole(page);
  const app = new EditorPage(page);
  await app.open();
  const rows: number[][] = [];
  for (let i = 0; i < 200; i++)
    rows.push([1000 + i * 0.5, 50 + (i % 40), i % 10 === 0 ? -9999 : i + 1]);
  const curves = [
    ['DEPT', 'M'],
    ['GR', 'GAPI'],
    ['ILD', 'OHMM'],
  ] as const;
  await addFiles(app, [lasFile('zero-res.las', curves, rows)]);
  await previewFile(app, 'zero-res.las');
  await page.getByRole('tab', { name: 'Crossplot' }).click();
  await page.locator('.chart-panel .plot-toolbar select').first().selectOption('ILD');
  await page.locator('.chart-panel .plot-toolbar select').nth(1).selectOption('GR');
  // Clicked from a timer so the test is not stuck while the page is.
  await page.getByLabel('log X').evaluate((el) => setTimeout(() => (el as HTMLElement).click(), 0));
  await page.waitForTimeout(500);
  expect(await responsive(page, 5000)).toBe(true);
  expect(logs).toEqual([]);
  await expect(page.locator('.chart-panel canvas')).toBeVisible();
  await expect(page.getByTestId('point-count')).toHaveText(
    '180 points, 20 left out: X <= 0 on a log axis',
  );
  await page.getByLabel('log X').uncheck();
  await expect(page.getByTestId('point-count')).toHaveText('200 points');
});
