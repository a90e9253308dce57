import { expect, test, type Page } from '@playwright/test';
import { EditorPage } from './pages/editor.ts';

test.use({ viewport: { width: 1440, height: 900 } });

function pipelineJson(nodes: number, withPositions: boolean): string {
  const list = [
    {
      id: 'logs',
      op: 'source.las',
      version: '1.0.0',
      params: { file: '*.las' },
      ...(withPositions ? { position: { x: 0, y: 0 } } : {}),
    },
    ...Array.from({ length: nodes - 1 }, (_, i) => ({
      id: `v${i + 1}`,
      op: 'petro.vshale',
      version: '1.0.0',
      params: { gr: 'GR', grMin: 20, grMax: 120, method: 'linear', output: 'VSH' },
      ...(withPositions
        ? { position: { x: (i % 10) * 260, y: Math.floor(i / 10) * 150 + 150 } }
        : {}),
    })),
  ];
  const edges = list
    .slice(1)
    .map((n, i) => ({ from: list[i]!.id, fromPort: 'out', to: n.id, toPort: 'in' }));
  return JSON.stringify({
    format: 'petroflow.pipeline',
    formatVersion: 1,
    id: 'x',
    name: `Chain of ${nodes}`,
    nodes: list,
    edges,
  });
}

async function importJson(app: EditorPage, text: string): Promise<void> {
  await app.tab('Pipelines');
  await app.page
    .getByLabel('Import pipeline JSON')
    .setInputFiles({ name: 'p.json', mimeType: 'application/json', buffer: Buffer.from(text) });
}

test('pipeline list: new, rename, duplicate, delete with undo, templates', async ({ page }) => {
  const app = new EditorPage(page);
  await app.open();
  await app.tab('Pipelines');
  const list = page.getByRole('region', { name: 'Pipelines' });
  await list.getByRole('button', { name: 'New pipeline' }).click();
  await expect(list.locator('.pipeline-list li')).toHaveCount(2);
  await list.getByRole('button', { name: 'Rename Untitled pipeline' }).first().click();
  await list.getByLabel('New name').fill('Porosity study');
  await list.getByLabel('New name').press('Enter');
  await expect(page.getByLabel('Pipeline name')).toHaveValue('Porosity study');
  await list.getByRole('button', { name: 'Duplicate Porosity study' }).click();
  await expect(page.getByLabel('Pipeline name')).toHaveValue('Copy of Porosity study');
  await list.getByRole('button', { name: 'Delete Copy of Porosity study' }).click();
  await expect(list.getByText('Copy of Porosity study')).toHaveCount(0);
  await page
    .getByRole('status')
    .filter({ hasText: 'Deleted' })
    .getByRole('button', { name: 'Undo' })
    .click();
  await expect(list.getByText('Copy of Porosity study')).toBeVisible();
  await list.getByRole('button', { name: /Net pay, Archie/ }).click();
  await expect(page.getByLabel('Pipeline name')).toHaveValue('Net pay, Archie');
  await expect(app.node('vsh')).toBeVisible();
  await expect(app.node('vsh')).toContainText('v1.0.0');
  await app.saved();
  await app.shot('editor-template');
  await page.reload();
  await expect(page.locator('.app')).toHaveAttribute('aria-busy', 'false');
  await expect(page.getByLabel('Pipeline name')).toHaveValue('Net pay, Archie');
  await app.tab('Pipelines');
  await expect(list.locator('.pipeline-list li')).toHaveCount(4);
  expect(app.errors).toEqual([]);
});

test('a pipeline opened without positions is laid out top to bottom', async ({ page }) => {
  const app = new EditorPage(page);
  await app.open();
  await importJson(app, pipelineJson(4, false));
  await expect(app.node('v3')).toBeVisible();
  await expect(async () => {
    const ys = await Promise.all(
      ['logs', 'v1', 'v2', 'v3'].map(async (id) => (await app.node(id).boundingBox())!.y),
    );
    for (let i = 1; i < ys.length; i++) expect(ys[i]!).toBeGreaterThan(ys[i - 1]! + 40);
  }).toPass();
});

test('a 300-node pipeline stays fluent', async ({ page }) => {
  const app = new EditorPage(page);
  await app.open();
  const t0 = Date.now();
  await importJson(app, pipelineJson(300, true));
  await expect(app.node('logs')).toBeVisible();
  const loadMs = Date.now() - t0;
  await expect(
    page.getByRole('region', { name: 'Pipelines' }).getByText('300 nodes'),
  ).toBeVisible();
  const box = (await app.node('logs').boundingBox())!;
  const t1 = Date.now();
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (let i = 1; i <= 30; i++) await page.mouse.move(cx + i * 4, cy + i * 2);
  await page.mouse.up();
  const dragMs = Date.now() - t1;
  const moved = (await app.node('logs').boundingBox())!;
  const other = (await app.node('v1').boundingBox())!;
  expect(moved.x).toBeGreaterThan(box.x + 60);
  expect(other.x).toBeLessThan(box.x + 300); // the node moved, not the view
  await app.command('Undo');
  await expect(async () =>
    expect((await app.node('logs').boundingBox())!.x).toBeCloseTo(box.x, 0),
  ).toPass();
  console.log(`300 nodes: load ${loadMs} ms, 30-step drag ${dragMs} ms`);
  expect(loadMs).toBeLessThan(8000);
  expect(dragMs).toBeLessThan(4000);
});

async function openTab(page: Page): Promise<EditorPage> {
  const app = new EditorPage(page);
  await app.open();
  return app;
}

test('two tabs on one pipeline: the later one is told and chooses', async ({ context }) => {
  const a = await openTab(await context.newPage());
  await a.addOperator('LAS files');
  await a.saved();
  const b = await openTab(await context.newPage());
  await expect(b.node('las-1')).toBeVisible();
  // Both edit before either save lands.
  await Promise.all([a.addOperator('Shale volume'), b.addOperator('Density porosity')]);
  const dialogA = a.page.getByRole('dialog', { name: 'This pipeline changed in another tab' });
  const dialogB = b.page.getByRole('dialog', { name: 'This pipeline changed in another tab' });
  await expect
    .poll(async () => (await dialogA.isVisible()) || (await dialogB.isVisible()))
    .toBe(true);
  const [loser, winner] = (await dialogA.isVisible()) ? [a, b] : [b, a];
  await loser.shot('editor-conflict');
  await loser.page.getByRole('button', { name: 'Load theirs' }).click();
  await expect(dialogA).toBeHidden();
  await expect(dialogB).toBeHidden();
  const winnerNodes = await winner.page.locator('.react-flow__node').count();
  await expect(loser.page.locator('.react-flow__node')).toHaveCount(winnerNodes);
  await loser.saved();
});
