// Issue 5 journeys: upgrading summary.netpay 1.0.0 -> 1.1.0 in the net-pay template (and undoing
// it), the well selector of the log tracks and plots, and node notes kept across a reload.
import { readFileSync } from 'node:fs';
import { expect, test, type Locator } from '@playwright/test';
import { EditorPage } from './pages/editor.ts';
import { openNetPayTemplate, runNetPay } from './offline-kit.ts';
import { linkFor, SharePage } from './pages/share.ts';

test.use({ viewport: { width: 1440, height: 900 } });

const outDir = process.env.PETROFLOW_E2E_OUT ?? 'test-results';

/** Saves a screenshot next to this run's other results. */
async function shot(app: EditorPage, name: string): Promise<void> {
  await app.page.screenshot({ path: `${outDir}/${name}.png` });
}

/** Chooses an Export menu item and returns the downloaded text. */
async function exportText(app: EditorPage, item: string): Promise<string> {
  const download = app.page.waitForEvent('download');
  await app.command('Export');
  await app.page.getByRole('menuitem', { name: item }).click();
  return readFileSync(await (await download).path(), 'utf8');
}

/** The net pay table as exported CSV: `WELL/ZONE -> { gross, net }` (shortest round-trip numbers). */
async function netPayCsv(app: EditorPage): Promise<Map<string, { gross: string; net: string }>> {
  await app.select('netpay');
  await expect(app.grid()).toBeVisible();
  const [head, ...rows] = (await exportText(app, 'Table as CSV')).trim().split('\n');
  const cols = (head ?? '').split(',');
  const at = (name: string) => cols.indexOf(name);
  return new Map(
    rows.map((r) => {
      const c = r.split(',');
      return [
        `${c[at('WELL')]}/${c[at('ZONE')]}`,
        { gross: c[at('gross')] ?? '', net: c[at('net')] ?? '' },
      ];
    }),
  );
}

const inspector = (app: EditorPage): Locator =>
  app.page.getByRole('complementary', { name: 'Inspector' });

/** The shipped template as saved before summary.netpay 1.1.0 existed (pinned at 1.0.0). */
function templateAt100(): string {
  const url = new URL('../public/examples/pipelines/net-pay-archie.json', import.meta.url);
  const doc = JSON.parse(readFileSync(url, 'utf8')) as {
    id: string;
    name: string;
    nodes: { id: string; version: string; params: Record<string, unknown> }[];
  };
  const netpay = doc.nodes.find((n) => n.id === 'netpay');
  if (!netpay) throw new Error('the template has no netpay node');
  netpay.version = '1.0.0';
  delete netpay.params.decimals;
  return JSON.stringify({ ...doc, id: 'archie-2025', name: 'Archie, saved last year' });
}

test('summary.netpay: a pipeline pinned at 1.0.0 is offered 1.1.0, shows what changes, upgrades, undoes', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const app = new EditorPage(page);
  await app.open();
  // A new user's template pins the newest version: no upgrade offered, no float noise.
  await openNetPayTemplate(app);
  const node = app.node('netpay');
  await expect(node.locator('.op-version')).toHaveText('v1.1.0');
  await expect(node.locator('.op-upgrade')).toHaveCount(0);

  // The same pipeline as saved before 1.1.0 existed, opened from a colleague's link.
  const share = new SharePage(app);
  await share.visit(linkFor(page.url(), templateAt100()));
  await expect(share.linkDialog()).toContainText('Archie, saved last year');
  await share.accept();
  await expect(node.locator('.op-version')).toHaveText('v1.0.0');
  await expect(node.locator('.op-upgrade')).toContainText('1.1.0');

  await app.select('netpay');
  const offer = inspector(app).getByRole('region', { name: 'Upgrade' });
  await expect(offer).toContainText('Version 1.1.0 is available (this node pins 1.0.0)');
  await offer.getByRole('button', { name: 'What changes?' }).click();
  await expect(offer).toContainText('1.1.0: Adds the parameter "decimals" (set to 6)');
  await expect(offer).toContainText('net = 29.699999999972988 becomes 29.7');
  await expect(offer.getByRole('list', { name: 'Parameter changes' })).toHaveText(
    'decimals: (none) → 6',
  );
  await shot(app, 'upgrade-offer');
  await offer.getByRole('button', { name: 'Upgrade to 1.1.0' }).click();

  await expect(node.locator('.op-version')).toHaveText('v1.1.0');
  await expect(node.locator('.op-upgrade')).toHaveCount(0);
  await expect(inspector(app).getByRole('region', { name: 'Upgrade' })).toHaveCount(0);
  await expect(inspector(app).locator('.inspector-meta')).toContainText('pinned v1.1.0');
  await expect(app.param('Decimals')).toHaveValue('6');
  await expect(page.getByText('Upgraded netpay to 1.1.0.')).toBeVisible();

  // Run: gross and net come out without float noise (the CSV export writes every digit).
  await runNetPay(app);
  await app.select('netpay');
  const cell = (text: string) => app.grid().getByRole('gridcell', { name: text, exact: true });
  await expect(cell('24.6')).toBeVisible();
  await shot(app, 'upgrade-run');
  const v110 = await netPayCsv(app);
  expect(v110.get('WELL-1/LOWER')?.gross).toBe('29.7');
  expect(v110.get('WELL-1/MIDDLE')).toEqual({ gross: '39.4', net: '24.6' });
  expect(v110.get('WELL-2/MIDDLE')).toEqual({ gross: '39.0144', net: '26.0604' });
  for (const { gross, net } of v110.values()) {
    expect(gross).toMatch(/^\d+(\.\d{1,6})?$/);
    expect(net).toMatch(/^\d+(\.\d{1,6})?$/);
  }

  // Undo (top bar) restores 1.0.0 with its old parameters; its run gives the old figures.
  await app.command('Undo');
  await expect(node.locator('.op-version')).toHaveText('v1.0.0');
  await expect(node.locator('.op-upgrade')).toContainText('1.1.0');
  await expect(app.param('Decimals')).toHaveCount(0);
  const saved = JSON.parse(await exportText(app, 'Pipeline (JSON)')) as {
    nodes: { id: string; version: string; params: Record<string, unknown> }[];
  };
  expect(saved.nodes.find((n) => n.id === 'netpay')).toMatchObject({
    version: '1.0.0',
    params: { index: 'DEPT', phi: 'PHIE', sw: 'SW', pay: 'PAY', groupBy: ['WELL', 'ZONE'] },
  });
  expect(saved.nodes.find((n) => n.id === 'netpay')?.params).not.toHaveProperty('decimals');
  await runNetPay(app);
  const v100 = await netPayCsv(app);
  expect(v100.get('WELL-1/LOWER')?.gross).toBe('29.699999999972988');
  expect(v100.get('WELL-1/MIDDLE')?.net).toBe('24.599999999977626');

  // A new node from the palette gets the newest stable version, with "decimals" in its form.
  await app.addOperator('Net pay summary');
  await expect(inspector(app).locator('.inspector-meta')).toContainText('summary.netpay');
  await expect(inspector(app).locator('.inspector-meta')).toContainText('pinned v1.1.0');
  await expect(app.param('Decimals')).toHaveValue('6');
  await expect(inspector(app).getByRole('region', { name: 'Upgrade' })).toHaveCount(0);
  expect(app.errors).toEqual([]);
});

test('log tracks of stacked wells: one well at a time, chosen with "Well"', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new EditorPage(page);
  await app.open();
  await openNetPayTemplate(app);
  await app.select('logs');
  await inspector(app).getByRole('button', { name: 'Run to here' }).click();
  await expect(app.node('logs')).toHaveAttribute('data-status', /done|cached/, { timeout: 60_000 });
  await expect(app.grid()).toBeVisible();

  await page.getByRole('tab', { name: 'Log tracks' }).click();
  const well = page.getByRole('tabpanel').getByLabel('Well');
  await expect(well).toHaveValue('WELL-1');
  await expect(well.locator('option')).toHaveText(['WELL-1', 'WELL-2', 'WELL-3']);
  const range = page.getByTestId('depth-range');
  await expect(range).toContainText('Depth 1480–1590 M');
  await expect(page.getByTestId('log-tracks').locator('.track')).not.toHaveCount(0);
  await well.selectOption('WELL-2');
  await expect(range).toContainText('Depth 1600.2–1712.976 M');
  await shot(app, 'wells-logtracks-well2');
  await well.selectOption('WELL-3');
  await expect(range).toContainText('Depth 1530–1640 M');

  // Crossplot: the same choice, plus "All wells".
  await page.getByRole('tab', { name: 'Crossplot' }).click();
  const plotWell = page.getByRole('tabpanel').getByLabel('Well');
  await expect(plotWell).toHaveValue('WELL-3');
  await expect(plotWell.locator('option')).toHaveText(['All wells', 'WELL-1', 'WELL-2', 'WELL-3']);
  const points = page.getByRole('tabpanel').getByText(/ points$/);
  const count = async () => Number((await points.innerText()).replace(/\D/g, ''));
  const one = await count();
  await plotWell.selectOption({ label: 'All wells' });
  await expect.poll(count).toBeGreaterThan(one);
  await shot(app, 'wells-crossplot-all');

  // A table of one well has no selector.
  await page.getByRole('tab', { name: 'Log tracks' }).click();
  await expect(page.getByRole('tabpanel').getByLabel('Well')).toHaveValue('WELL-1');
  await app.select('netpay');
  await expect(page.getByRole('tabpanel').getByLabel('Well')).toHaveCount(0);
  expect(app.errors).toEqual([]);
});

test('node notes: typed in the inspector, marked on the node, kept after a reload', async ({
  page,
}) => {
  const app = new EditorPage(page);
  await app.open();
  await openNetPayTemplate(app);
  await app.select('sw');
  const notes = inspector(app).getByLabel('Notes');
  const text = 'rw from the <b>Gulf</b> water sample; check with SP';
  await notes.pressSequentially(text, { delay: 5 });
  const marker = app.node('sw').getByRole('note');
  await expect(marker).toHaveAttribute('title', text);
  await expect(app.node('sw').locator('b')).toHaveCount(0);
  await shot(app, 'notes-typed');
  for (let i = 0; i < 4; i++) await page.getByRole('button', { name: /zoom in/i }).click();
  await app.node('sw').screenshot({ path: `${outDir}/notes-node.png` });

  // One burst of typing is one undo step.
  await app.command('Undo');
  await expect(notes).toHaveValue('');
  await expect(marker).toHaveCount(0);
  await app.command('Redo');
  await expect(notes).toHaveValue(text);

  await app.saved();
  await page.reload();
  await expect(page.locator('.app')).toHaveAttribute('aria-busy', 'false');
  await expect(app.node('sw').getByRole('note')).toHaveAttribute('title', text);
  await app.select('sw');
  await expect(inspector(app).getByLabel('Notes')).toHaveValue(text);
  expect(app.errors).toEqual([]);
});
