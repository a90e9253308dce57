/**
 * Results that no longer match the pipeline on screen (found by the browser QA pass: a node said
 * "done" and showed and exported a table computed from other parameters or from a removed file).
 * A node whose result is out of date (src/state/staleness.ts) shows status "stale", so `agrees`
 * finds no claim of a result, and the preview says so.
 */
import { expect, test } from '@playwright/test';
import { EditorPage } from './pages/editor.ts';
import { well1 } from './fixtures/files.ts';
import { exportTableCsv, finished, lasRows, parseCsv, setParam, watchConsole } from './qa-kit.ts';

test.use({ viewport: { width: 1600, height: 1000 } });
test.setTimeout(120_000);

/** las-1 (well-1.las) -> vshale-1 with GR clean 25 and GR shale 120. */
async function build(app: EditorPage): Promise<void> {
  await app.open();
  await app.addFilesWithInput([well1()]);
  await expect(app.file('well-1.las')).toContainText('1,101 rows');
  await app.addOperator('LAS files');
  await app.param('File').fill('well-1.las');
  await app.addOperator('Shale volume');
  await app.command('Auto layout');
  await app.connect('las-1', 'out', 'vshale-1', 'in');
  await app.select('vshale-1');
  await setParam(app, /GR clean/, '25');
  await setParam(app, /GR shale/, '120');
}

/** VSH of the first row of well-1 (GR 122.88) for a GR shale value: clamp((GR - 25)/(max - 25)). */
const firstVsh = (grMax: number) =>
  Math.min(1, Math.max(0, ((lasRows(well1().content)[0]?.[1] ?? NaN) - 25) / (grMax - 25)));

/** Whether what the node says and exports agrees with the form's GR shale value. */
async function agrees(app: EditorPage, grMax: number): Promise<boolean> {
  const status = await app.node('vshale-1').getAttribute('data-status');
  if (status !== 'done' && status !== 'cached') return true; // not claiming a result
  await app.select('vshale-1');
  await expect(app.grid()).toBeVisible();
  const rows = parseCsv(await exportTableCsv(app));
  return Math.abs(Number(rows[0]?.VSH) - firstVsh(grMax)) < 1e-9;
}

test('baseline: a run gives VSH of the form values', async ({ page }) => {
  const app = new EditorPage(page);
  const logs = watchConsole(page);
  await build(app);
  await app.command('Run');
  await finished(app, 'vshale-1');
  expect(await agrees(app, 120)).toBe(true);
  expect(logs).toEqual([]);
});

/** The node says it is out of date, the preview says so and the table export is off. */
async function outOfDate(app: EditorPage, id: string): Promise<void> {
  await expect(app.node(id)).toHaveAttribute('data-status', 'stale');
  await expect(app.node(id)).toContainText('out of date · run again');
  await app.select(id);
  await expect(app.page.getByRole('complementary', { name: 'Inspector' })).toContainText(
    'Status: out of date · run again',
  );
  await expect(app.page.locator('.stale-note')).toContainText('Out of date');
  await app.command('Export');
  await expect(app.page.getByRole('menuitem', { name: 'Table as CSV' })).toBeDisabled();
  await app.command('Export');
}

test('a node edited after its run is out of date until it runs again', async ({ page }) => {
  const app = new EditorPage(page);
  await build(app);
  await app.command('Run');
  await finished(app, 'vshale-1');
  await setParam(app, /GR shale/, '200');
  await page.locator('.react-flow__pane').click();
  await outOfDate(app, 'vshale-1');
  // The source above it did not change: its result still stands.
  await expect(app.node('las-1')).toHaveAttribute('data-status', /done|cached/);
  await app.command('Run');
  await finished(app, 'vshale-1');
  await expect(page.locator('.stale-note')).toHaveCount(0);
  expect(await agrees(app, 200)).toBe(true);
});

test('a node edited while the run was going ends out of date, not "done"', async ({ page }) => {
  const app = new EditorPage(page);
  await build(app);
  await app.command('Run');
  await setParam(app, /GR shale/, '200');
  await finished(app, 'vshale-1', /stale/);
  expect(await app.param(/GR shale/).inputValue()).toBe('200');
  await outOfDate(app, 'vshale-1');
  await app.command('Run');
  await finished(app, 'vshale-1');
  expect(await agrees(app, 200)).toBe(true);
});

test('the nodes reading a removed file are out of date', async ({ page }) => {
  const app = new EditorPage(page);
  await build(app);
  await app.command('Run');
  await finished(app, 'vshale-1');
  await app.tab('Files');
  await page.getByRole('button', { name: 'Remove well-1.las' }).click();
  await expect(app.file('well-1.las')).toHaveCount(0);
  await expect(app.node('las-1')).toHaveAttribute('data-status', 'stale');
  await expect(app.node('vshale-1')).toHaveAttribute('data-status', 'stale');
});
