/**
 * QA hunt 3: a first-time petrophysicist's journey in the editor. Example files, the Archie
 * net-pay chain built from scratch from the palette, forms, run, views, rename, delete a middle
 * node and reconnect it from the keyboard, undo/redo, export.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { EditorPage } from './pages/editor.ts';

test.use({ viewport: { width: 1440, height: 900 } });
test.setTimeout(180_000);

const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });
const porosity = (page: Page) => inspector(page).getByLabel('Porosity', { exact: true });

/** Adds the example files and the six nodes of the chain, wires them, fills the forms. */
async function buildChain(app: EditorPage): Promise<void> {
  const { page } = app;
  await app.tab('Files');
  await page.getByRole('button', { name: 'Add example files' }).click();
  for (const f of ['well-1.las', 'well-2.las', 'well-3.las', 'tops.csv'])
    await expect(app.file(f)).toContainText('rows');
  await app.addOperator('LAS files');
  await app.param('File').fill('*.las');
  for (const t of [
    'Shale volume',
    'Density porosity',
    'Water saturation, Archie',
    'Cutoffs (reservoir, pay)',
    'Net pay summary',
  ])
    await app.addOperator(t);
  await app.command('Auto layout');
  const chain = ['las-1', 'vshale-1', 'density-1', 'archie-1', 'cutoffs-1', 'netpay-1'];
  for (let i = 1; i < chain.length; i++) await app.connect(chain[i - 1]!, 'out', chain[i]!, 'in');
  await expect(page.locator('.react-flow__edge')).toHaveCount(5);
  await app.select('vshale-1');
  await app.param(/GR clean/).fill('20');
  await app.param(/GR shale/).fill('120');
  await app.select('archie-1');
  await expect(inspector(page).getByLabel('Deep resistivity')).toContainText(
    'RT (not in the input)',
  );
  await inspector(page).getByLabel('Deep resistivity').selectOption('ILD');
  await porosity(page).selectOption('PHID');
  await app.param(/Water resistivity/).fill('0.05');
  for (const id of ['cutoffs-1', 'netpay-1']) {
    await app.select(id);
    await expect(app.node(id)).toContainText('column "PHIE" is not in the input');
    await porosity(page).selectOption('PHID');
    await expect(app.node(id).locator('.op-issue')).toHaveCount(0);
  }
}

test('fine: the Archie net-pay chain built from scratch runs and gives one row per well', async ({
  page,
}) => {
  const app = new EditorPage(page);
  await app.open();
  await expect(page.getByText('Start with “LAS files” to read your logs.')).toBeVisible();
  await buildChain(app);
  await app.command('Run');
  await expect(app.node('netpay-1')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await expect(app.node('cutoffs-1')).toContainText('2,723 rows');
  await app.select('netpay-1');
  await expect(app.grid()).toHaveAttribute('aria-rowcount', '4');
  for (const w of ['WELL-1', 'WELL-2', 'WELL-3']) await expect(app.grid()).toContainText(w);
  // Depths of WELL-2 (logged in feet) are stacked in metres: its gross is ~113 m, not ~370 ft.
  const gross = app.grid().getByRole('columnheader', { name: /gross/ });
  await expect(gross).toContainText('M');
  await app.select('cutoffs-1');
  await page.getByRole('tab', { name: 'Log tracks' }).click();
  await page.getByRole('combobox', { name: 'Well' }).selectOption('WELL-2');
  await expect(page.getByTestId('depth-range')).toContainText('1600.2–1712.976 M');
  await page.getByRole('tab', { name: 'Crossplot' }).click();
  await expect(page.getByRole('img', { name: /Crossplot of/ })).toBeVisible();
  await page.getByRole('tab', { name: 'Histogram' }).click();
  await page.getByRole('tab', { name: 'Table' }).click();

  // Rename, export the pipeline: the label travels with it.
  await app.select('archie-1');
  await inspector(page).getByLabel('Label').fill('SW Archie rw 0.05');
  await expect(app.node('archie-1')).toContainText('SW Archie rw 0.05');
  await app.saved();
  const json = page.waitForEvent('download');
  await app.command('Export');
  await page.getByRole('menuitem', { name: 'Pipeline (JSON)' }).click();
  const saved = JSON.parse(readFileSync(await (await json).path(), 'utf8')) as {
    nodes: { id: string; label?: string; params: Record<string, unknown> }[];
  };
  const archie = saved.nodes.find((n) => n.id === 'archie-1');
  expect(archie?.label).toBe('SW Archie rw 0.05');
  expect(archie?.params.rw).toBe(0.05);
  expect(app.errors).toEqual([]);
});

// Was a bug (a11y): pressing the inspector's "Delete node" button left keyboard focus on <body>
// (the button goes away with the node), so a keyboard or screen-reader user lost their place.
// Steps: select a node, Tab to "Delete node", press Enter. Fixed in src/editor/Inspector.tsx
// (focus moves to the pipeline canvas) and src/editor/Canvas.tsx (the canvas takes focus).
test('fixed: deleting a middle node keeps focus in the editor; reconnect from the keyboard, undo/redo', async ({
  page,
}) => {
  const app = new EditorPage(page);
  await app.open();
  await buildChain(app);
  await app.select('density-1');
  await inspector(page).getByRole('button', { name: 'Delete node' }).focus();
  await page.keyboard.press('Enter');
  await expect(app.node('density-1')).toHaveCount(0);
  await expect(page.locator('.react-flow[aria-label="Pipeline canvas"]')).toBeFocused();
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);
  await expect(app.node('archie-1')).toContainText('Input "in" is not connected.');
  await page.keyboard.press('Control+z');
  await expect(app.node('density-1')).toBeVisible();
  await expect(page.locator('.react-flow__edge')).toHaveCount(5);
  await page.keyboard.press('Control+Shift+z');
  await expect(app.node('density-1')).toHaveCount(0);
  // Reconnect with the Inputs select; Archie now needs a porosity column that exists.
  await app.select('archie-1');
  await inspector(page)
    .getByLabel('Input in from')
    .selectOption({ label: 'vshale-1 · Shale volume' });
  await expect(page.locator('.react-flow__edge')).toHaveCount(4);
  await expect(app.node('archie-1')).toContainText('column "PHID" is not in the input');
  expect(app.errors).toEqual([]);
});
