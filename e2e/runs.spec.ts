import { expect, test, type Locator } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { EditorPage } from './pages/editor.ts';
import { tops, well1, well2 } from './fixtures/files.ts';

test.use({ viewport: { width: 1440, height: 900 } });

const NODES = ['logs', 'vsh', 'phid', 'phie', 'sw', 'cut', 'tops'];

/**
 * The "Net pay, Archie" template without its zones and net-pay nodes (they depend on work in
 * progress elsewhere): a chain of petrophysics nodes over the LAS files, and the tops CSV source
 * as an independent branch, so a run can use two workers.
 */
function pipelineJson(): string {
  const url = new URL('../public/examples/pipelines/net-pay-archie.json', import.meta.url);
  const doc = JSON.parse(readFileSync(url, 'utf8')) as {
    name: string;
    nodes: { id: string }[];
    edges: { from: string; to: string }[];
  };
  const keep = new Set(NODES);
  return JSON.stringify({
    ...doc,
    id: 'runs-e2e',
    name: 'Archie runs',
    nodes: doc.nodes.filter((n) => keep.has(n.id)),
    edges: doc.edges.filter((e) => keep.has(e.from) && keep.has(e.to)),
  });
}

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: { key: string; value: Record<string, unknown> }[];
}
interface OtlpDoc {
  resourceSpans: { scopeSpans: { scope: { name: string }; spans: OtlpSpan[] }[] }[];
}

async function lanesOf(bars: Locator): Promise<string[]> {
  return bars.evaluateAll((els) => els.map((e) => e.getAttribute('data-lane') ?? ''));
}

test('run history: two runs listed, a timeline per run, provenance, OTLP trace download', async ({
  page,
}) => {
  const app = new EditorPage(page);
  await app.open();
  await app.addFilesWithInput([well1(), well2(), tops()]);
  await expect(app.file('tops.csv')).toBeVisible();
  await app.tab('Pipelines');
  await page.getByLabel('Import pipeline JSON').setInputFiles({
    name: 'archie.json',
    mimeType: 'application/json',
    buffer: Buffer.from(pipelineJson()),
  });
  await expect(app.node('cut')).toBeVisible();
  await expect(page.getByLabel('Pipeline name')).toHaveValue('Archie runs');

  // First run computes every node; the second one is served from the cache.
  await app.command('Run');
  for (const id of NODES)
    await expect(app.node(id)).toHaveAttribute('data-status', 'done', { timeout: 45_000 });
  await app.command('Run');
  for (const id of NODES) await expect(app.node(id)).toHaveAttribute('data-status', 'cached');

  await page.getByRole('tab', { name: 'Runs' }).click();
  const panel = page.getByRole('region', { name: 'Runs' });
  const items = panel.getByTestId('run-item');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText('0 ran · 7 cached');
  await expect(items.nth(1)).toContainText('7 ran · 0 cached');

  // The first (older) run: a bar per node, each on a worker's lane.
  await items.nth(1).getByRole('button').click();
  const dialog = page.getByRole('dialog', { name: /Run .* of Archie runs/ });
  await expect(dialog).toBeVisible();
  const chart = dialog.getByRole('group', { name: /Timeline of run/ });
  const bars = chart.getByTestId('timeline-bar');
  await expect(bars).toHaveCount(NODES.length);
  const lanes = await lanesOf(bars);
  expect(lanes.every((l) => /^worker-\d+$/.test(l))).toBe(true);
  const laneCount = await chart.getByTestId('timeline-lane').count();
  expect(laneCount).toBe(new Set(lanes).size);
  expect(
    (await bars.evaluateAll((els) => els.map((e) => e.getAttribute('data-node')))).sort(),
  ).toEqual([...NODES].sort());
  const table = dialog.getByRole('table', { name: 'Per-node figures' });
  await expect(table.locator('tbody tr')).toHaveCount(NODES.length);
  await expect(table.getByRole('row', { name: /^vsh / })).toContainText('1,842');

  // Hover a bar: its figures appear; the provenance names the pipeline, operators and inputs.
  // Point at the bar itself (its label may sit beside it, leaving empty space in the group's box).
  await chart
    .getByRole('button', { name: /^sw: done/ })
    .locator('rect')
    .hover();
  const figures = dialog.getByRole('region', { name: 'Figures of node sw' });
  await expect(figures).toContainText('petro.sw.archie@');
  await expect(figures).toContainText('Rows in / out');
  const provenance = dialog.getByRole('region', { name: 'Provenance' });
  await expect(provenance).toContainText(/Pipeline hash\s*[0-9a-f]{64}/);
  await expect(provenance).toContainText('source.las@1.2.0');
  await expect(provenance).toContainText(/well-1\.las: [0-9a-f]{64}/);
  await expect(provenance).toContainText(/tops\.csv: [0-9a-f]{64}/);
  await chart
    .getByRole('button', { name: /^vsh: done/ })
    .locator('rect')
    .click();
  await page.mouse.move(5, 5);
  await expect(dialog.getByRole('region', { name: 'Figures of node vsh' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('runs-timeline.png') });

  // Download the trace: OTLP JSON with one run span and a span per node.
  const pending = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download trace' }).click();
  const download = await pending;
  expect(download.suggestedFilename()).toMatch(/^run-[A-Za-z0-9_-]+\.otlp\.json$/);
  const doc = JSON.parse(readFileSync(await download.path(), 'utf8')) as OtlpDoc;
  const spans = doc.resourceSpans[0]!.scopeSpans[0]!.spans;
  expect(spans).toHaveLength(NODES.length + 1);
  const roots = spans.filter((s) => !s.parentSpanId);
  expect(roots).toHaveLength(1);
  const root = roots[0]!;
  expect(root.name).toBe('run Archie runs');
  for (const s of spans) {
    expect(s.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(BigInt(s.endTimeUnixNano)).toBeGreaterThanOrEqual(BigInt(s.startTimeUnixNano));
    if (s !== root) expect(s.parentSpanId).toBe(root.spanId);
  }
  const nodeIds = spans
    .filter((s) => s !== root)
    .map((s) => s.attributes.find((a) => a.key === 'petroflow.node.id')?.value.stringValue);
  expect([...nodeIds].sort()).toEqual([...NODES].sort());
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  // The cached run: every bar on the cache lane. After a reload both runs are still there.
  await items.nth(0).getByRole('button').click();
  await expect(chart.getByTestId('timeline-bar')).toHaveCount(NODES.length);
  expect(new Set(await lanesOf(chart.getByTestId('timeline-bar')))).toEqual(new Set(['main']));
  await page.screenshot({ path: test.info().outputPath('runs-cached.png') });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.reload();
  await expect(page.locator('.app')).toHaveAttribute('aria-busy', 'false');
  await page.getByRole('tab', { name: 'Runs' }).click();
  await expect(panel.getByTestId('run-item')).toHaveCount(2);
  expect(app.errors).toEqual([]);
});
