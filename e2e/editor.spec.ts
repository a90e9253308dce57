import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { EditorPage } from './pages/editor.ts';
import { badLas, tops, well1, well2 } from './fixtures/files.ts';

test.use({ viewport: { width: 1440, height: 900 } });

test('files: added with the input and by dropping, listed, errors shown, kept after reload', async ({
  page,
}) => {
  const app = new EditorPage(page);
  await app.open();
  await app.addFilesWithInput([well1(), tops()]);
  await expect(app.file('well-1.las')).toContainText('1,101 rows');
  await expect(app.file('well-1.las')).toContainText('7 curves');
  await expect(app.file('well-1.las')).toContainText('depth 1480–1590 M');
  await expect(app.file('well-1.las')).toContainText('GR [GAPI]');
  await expect(app.file('tops.csv')).toContainText('3 columns');
  await app.dropFiles([well2(), badLas()]);
  await expect(app.file('well-2.las')).toContainText('741 rows');
  await expect(app.file('bad.las')).toContainText('Line 1: no ~ section found');
  await expect(page.getByRole('alert').first()).toContainText('"bad.las" cannot be read (line 1)');
  await app.file('well-2.las').getByRole('button', { name: 'Preview' }).click();
  await expect(app.grid()).toContainText('WELL-2');
  await app.shot('editor-files');
  await page.reload();
  await expect(page.locator('.app')).toHaveAttribute('aria-busy', 'false');
  await app.tab('Files');
  for (const name of ['bad.las', 'tops.csv', 'well-1.las', 'well-2.las'])
    await expect(app.file(name)).toBeVisible();
  await expect(app.file('well-1.las')).toContainText('depth 1480–1590 M');
  expect(app.errors).toEqual([]);
});

test('build, fix, run, look, undo/redo, reload, export', async ({ page }) => {
  const app = new EditorPage(page);
  await app.open();
  await app.addFilesWithInput([well1(), well2()]);
  await expect(app.file('well-2.las')).toBeVisible();

  // Build from the palette: search + Enter (quick-add), and a click.
  await app.tab('Operators');
  await page.getByLabel('Search operators').fill('las files');
  await page.getByLabel('Search operators').press('Enter');
  await expect(app.node('las-1')).toBeVisible();
  await expect(app.node('las-1')).toContainText('v1.2.0');
  await app.param('File').fill('*.las');
  await app.addOperator('Shale volume');
  await expect(app.node('vshale-1')).toHaveAttribute('data-status', 'idle');
  await app.command('Auto layout');
  await expect(async () => {
    const a = await app.node('las-1').boundingBox();
    const b = await app.node('vshale-1').boundingBox();
    expect(b!.y).toBeGreaterThan(a!.y + a!.height);
  }).toPass();
  await app.connect('las-1', 'out', 'vshale-1', 'in');
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);

  // A second table into the same input is refused with a reason.
  await app.addOperator('LAS files');
  await app.param('File').fill('well-1.las');
  await app.command('Auto layout');
  await page.waitForTimeout(400);
  await app.connect('las-2', 'out', 'vshale-1', 'in');
  await expect(page.getByRole('alert')).toContainText('already takes the table of "las-1"');
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await app.select('las-2');
  await page.keyboard.press('Delete');
  await expect(app.node('las-2')).toHaveCount(0);

  // Invalid parameters: shown on the node and the field; Run is refused until fixed.
  await app.select('vshale-1');
  await expect(app.node('vshale-1')).toContainText('GR clean is required');
  await app.param(/GR clean/).fill('20');
  await app.param(/GR shale/).fill('10');
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toContainText(
    'must be greater than GR clean',
  );
  await expect(app.node('vshale-1')).toContainText('must be greater than GR clean');
  await app.shot('editor-invalid');
  await app.command('Run');
  await expect(page.getByRole('alert')).toContainText('Fix the problem before running');
  await expect(app.node('vshale-1')).toHaveAttribute('data-status', 'idle');
  await app.param(/GR shale/).fill('120');
  await expect(app.node('vshale-1').locator('.op-issue')).toHaveCount(0);

  // Run: statuses, rows, preview grid, log tracks.
  await app.command('Run');
  await expect(app.node('las-1')).toHaveAttribute('data-status', /done|cached/, {
    timeout: 45_000,
  });
  await expect(app.node('vshale-1')).toHaveAttribute('data-status', 'done', { timeout: 45_000 });
  await expect(app.node('vshale-1')).toContainText('1,842 rows');
  await app.select('vshale-1');
  await expect(app.grid()).toBeVisible();
  await expect(app.grid()).toHaveAttribute('aria-rowcount', '1843');
  await expect(app.grid().getByRole('columnheader', { name: /VSH/ })).toBeVisible();
  await expect(app.grid().getByRole('columnheader', { name: /GR/ }).first()).toContainText('GAPI');
  await app.shot('editor-run');
  await page.getByRole('tab', { name: 'Log tracks' }).click();
  await expect(page.getByTestId('log-tracks').locator('.track')).not.toHaveCount(0);
  await expect(page.getByTestId('log-tracks')).toContainText('VSH');
  await app.shot('editor-logtracks');
  await page.getByRole('tab', { name: 'Crossplot' }).click();
  await expect(page.getByRole('img', { name: /Crossplot of/ })).toBeVisible();
  await page.getByRole('tab', { name: 'Table' }).click();

  // Undo / redo with the buttons and the keyboard.
  await app.param(/GR shale/).fill('150');
  await page.locator('.react-flow__pane').click();
  await app.command('Undo');
  await app.select('vshale-1');
  await expect(app.param(/GR shale/)).toHaveValue('120');
  await app.command('Redo');
  await expect(app.param(/GR shale/)).toHaveValue('150');
  await page.locator('.react-flow__pane').click();
  await page.keyboard.press('Control+z');
  await app.select('vshale-1');
  await expect(app.param(/GR shale/)).toHaveValue('120');
  await page.locator('.react-flow__pane').click();
  await page.keyboard.press('Control+Shift+z');
  await app.select('vshale-1');
  await expect(app.param(/GR shale/)).toHaveValue('150');

  // Export: the pipeline JSON and the table as CSV.
  await app.saved();
  const json = page.waitForEvent('download');
  await app.command('Export');
  await page.getByRole('menuitem', { name: 'Pipeline (JSON)' }).click();
  const saved = JSON.parse(readFileSync(await (await json).path(), 'utf8')) as {
    nodes: { id: string; params: Record<string, unknown> }[];
  };
  expect(saved.nodes.map((n) => n.id)).toEqual(['las-1', 'vshale-1']);
  expect(saved.nodes[1]?.params.grMax).toBe(150);
  await app.select('vshale-1');
  await app.command('Run');
  await expect(app.node('vshale-1')).toHaveAttribute('data-status', 'done', { timeout: 45_000 });
  await expect(app.grid()).toBeVisible();
  const csv = page.waitForEvent('download');
  await app.command('Export');
  await page.getByRole('menuitem', { name: 'Table as CSV' }).click();
  const download = await csv;
  expect(download.suggestedFilename()).toBe('vshale-1.csv');
  const text = readFileSync(await download.path(), 'utf8');
  expect(text.split('\n')[0]).toContain('VSH');
  expect(text.trim().split('\n')).toHaveLength(1843);

  // Reload: the pipeline and its parameters are back.
  await app.saved();
  await page.reload();
  await expect(page.locator('.app')).toHaveAttribute('aria-busy', 'false');
  await expect(app.node('las-1')).toBeVisible();
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await app.select('vshale-1');
  await expect(app.param(/GR shale/)).toHaveValue('150');
  await app.shot('editor-reloaded');
  expect(app.errors).toEqual([]);
});
