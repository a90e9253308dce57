import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { EditorPage } from './pages/editor.ts';
import { linkFor, SharePage } from './pages/share.ts';

test.use({ viewport: { width: 1440, height: 900 } });
test.setTimeout(90_000);

type Json = Record<string, unknown>;
type NodeJson = { id: string; notes?: string; label?: string; params: Json };

/** The "Net pay, Archie" template shipped with the app, with notes on two nodes. */
function templateWithNotes(): Json & { nodes: NodeJson[] } {
  const url = new URL('../public/examples/pipelines/net-pay-archie.json', import.meta.url);
  const p = JSON.parse(readFileSync(url, 'utf8')) as Json & { nodes: NodeJson[] };
  p.nodes[0]!.notes = 'Stacks every *.las file.\nSecond line: ünïcödé ✓ and "quotes" & <angles>';
  p.nodes[1]!.notes = 'GR clean from the cleanest sand of WELL-1';
  return p;
}

async function importJson(app: EditorPage, text: string): Promise<void> {
  await app.tab('Pipelines');
  await app.page
    .getByLabel('Import pipeline JSON')
    .setInputFiles({ name: 'p.json', mimeType: 'application/json', buffer: Buffer.from(text) });
}

async function ready(page: Page): Promise<void> {
  await expect(page.locator('.app')).toHaveAttribute('aria-busy', 'false');
}

test('a shared link opens identical in a fresh browser profile (round trip)', async ({
  page,
  context,
  browser,
  baseURL,
}) => {
  const base = new URL('/', baseURL).href;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  const app = new EditorPage(page);
  const share = new SharePage(app);
  await app.open();
  await importJson(app, JSON.stringify(templateWithNotes()));
  await expect(page.getByLabel('Pipeline name')).toHaveValue('Net pay, Archie');
  await app.select('vsh');
  await app.param(/GR shale/).fill('130');
  await page
    .getByRole('complementary', { name: 'Inspector' })
    .getByLabel('Label', { exact: true })
    .fill('Shale volume (GR 130)');
  await expect(app.node('vsh')).toContainText('Shale volume (GR 130)');
  await app.saved();
  const mine = await share.exportJson();
  const vsh = (mine.nodes as NodeJson[]).find((n) => n.id === 'vsh');
  expect(vsh?.params.grMax).toBe(130);
  expect(vsh?.label).toBe('Shale volume (GR 130)');
  expect(vsh?.notes).toBe('GR clean from the cleanest sand of WELL-1');

  const link = await share.makeLink();
  expect(link.startsWith(`${base}#pipeline=`)).toBe(true);
  await share.shareDialog().getByRole('button', { name: 'Copy link' }).click();
  await expect(share.shareDialog().getByRole('status')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await app.shot('share-dialog');
  await share.shareDialog().getByRole('button', { name: 'Close' }).click();
  await expect(share.shareDialog()).toBeHidden();

  // A new profile: nothing of the first context is there.
  const fresh = await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 } });
  try {
    const other = new EditorPage(await fresh.newPage());
    const share2 = new SharePage(other);
    await other.page.goto(link);
    const dialog = share2.linkDialog();
    await expect(dialog).toHaveAccessibleName('Open a shared pipeline?');
    await expect(dialog.getByTestId('link-name')).toHaveText('Net pay, Archie');
    await expect(dialog.getByTestId('link-node-vsh')).toContainText('Shale volume (GR 130)');
    await expect(dialog.getByTestId('link-node-vsh')).toContainText('petro.vshale v1.0.0');
    await expect(dialog.getByTestId('link-node-logs')).toContainText(
      'Second line: ünïcödé ✓ and "quotes" & <angles>',
    );
    const files = dialog.getByRole('list', { name: 'Files it expects' });
    await expect(files).toContainText('*.las (node logs): missing');
    await expect(files).toContainText('tops.csv');
    await expect(dialog.getByRole('note')).toContainText('Add files');
    await other.shot('share-open-link');
    await ready(other.page);
    await share2.accept();
    await expect(other.page).toHaveURL(base);
    await expect(other.page.getByLabel('Pipeline name')).toHaveValue('Net pay, Archie');
    const theirs = await share2.exportJson();
    expect(theirs.id).not.toBe(mine.id);
    expect({ ...theirs, id: 'same' }).toEqual({ ...mine, id: 'same' });

    // The fragment is gone: a reload opens the saved pipeline without asking again.
    await other.page.reload();
    await ready(other.page);
    await expect(other.page.getByLabel('Pipeline name')).toHaveValue('Net pay, Archie');
    await expect(other.page.getByRole('dialog')).toHaveCount(0);
    expect(other.errors).toEqual([]);
  } finally {
    await fresh.close();
  }
  expect(app.errors).toEqual([]);
});

test('a small pipeline gets a QR code; Cancel on an incoming link stores nothing', async ({
  page,
  baseURL,
}) => {
  const app = new EditorPage(page);
  const share = new SharePage(app);
  await app.open();
  await app.addOperator('LAS files');
  await app.saved();
  const link = await share.makeLink();
  expect(link.length).toBeLessThan(2048);
  const qr = share.shareDialog().getByRole('img', { name: 'QR code of the share link' });
  await expect(qr).toBeVisible();
  expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
  expect(await qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await page.keyboard.press('Escape');
  await expect(share.shareDialog()).toBeHidden();

  const before = await share.stored();
  await share.visit(linkFor(baseURL!, JSON.stringify(templateWithNotes())));
  await expect(share.linkDialog()).toHaveAccessibleName('Open a shared pipeline?');
  await share.linkDialog().getByRole('button', { name: 'Cancel' }).click();
  await expect(share.linkDialog()).toBeHidden();
  await expect(page).toHaveURL(new URL('/', baseURL).href);
  expect(await share.stored()).toEqual(before);
  await page.reload();
  await ready(page);
  await page.waitForTimeout(500);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByLabel('Pipeline name')).not.toHaveValue('Net pay, Archie');
  expect(app.errors).toEqual([]);
});

test('a pipeline too large for a link: the dialog says so and exports JSON instead', async ({
  page,
}) => {
  const app = new EditorPage(page);
  const share = new SharePage(app);
  await app.open();
  // Notes of random characters do not compress: 12 x 10,000 of them exceed 64 KiB.
  const nodes = Array.from({ length: 12 }, (_, i) => ({
    id: `las-${i + 1}`,
    op: 'source.las',
    version: '1.0.0',
    params: { file: '*.las' },
    position: { x: (i % 4) * 260, y: Math.floor(i / 4) * 160 },
    notes: randomBytes(7500).toString('base64'),
  }));
  const big = {
    format: 'petroflow.pipeline',
    formatVersion: 1,
    id: 'big',
    name: 'Big one',
    nodes,
    edges: [],
  };
  await importJson(app, JSON.stringify(big));
  await expect(page.getByLabel('Pipeline name')).toHaveValue('Big one');
  await app.saved();
  await page
    .getByRole('toolbar', { name: 'Pipeline commands' })
    .getByRole('button', { name: 'Share', exact: true })
    .click();
  const dialog = share.shareDialog();
  await expect(dialog.getByRole('alert')).toContainText('too large for a link');
  await expect(dialog.getByRole('alert')).toContainText('links hold up to 64 KiB');
  await expect(dialog.getByRole('textbox', { name: 'Share link' })).toHaveCount(0);
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export JSON' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Big_one.json');
  const saved = JSON.parse(readFileSync(await file.path(), 'utf8')) as { nodes: NodeJson[] };
  expect(saved.nodes.map((n) => n.notes)).toEqual(nodes.map((n) => n.notes));
  expect(app.errors).toEqual([]);
});
