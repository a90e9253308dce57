/**
 * Storage in the real browser (Chromium's IndexedDB, OPFS and Web Locks): OPFS bytes that no file
 * record points at are removed when the app opens, and a started run whose tab went away is listed
 * as interrupted while one another tab still runs is listed as running.
 */
import { expect, test, type Page } from '@playwright/test';
import { EditorPage } from './pages/editor.ts';

test.use({ viewport: { width: 1440, height: 900 } });

/** Names in the OPFS folder of file bytes. */
function opfsNames(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const d = await root.getDirectoryHandle('petroflow-files', { create: true });
    const out: string[] = [];
    for await (const k of (d as unknown as { keys(): AsyncIterable<string> }).keys()) out.push(k);
    return out.sort();
  });
}

test('OPFS bytes left without a file record are removed on open; stored files keep theirs', async ({
  page,
}) => {
  const app = new EditorPage(page);
  await app.open();
  // A CSV above the OPFS threshold (4 MiB): its bytes go to the OPFS.
  const rows = Array.from({ length: 300_000 }, (_, i) => `${i},${(i * 0.37).toFixed(3)}`);
  await app.addFilesWithInput([{ name: 'big.csv', content: `DEPTH,GR\n${rows.join('\n')}\n` }]);
  await expect(app.file('big.csv')).toBeVisible({ timeout: 60_000 });
  await expect.poll(() => opfsNames(page)).toContainEqual(expect.stringMatching(/^big\.csv\.v-/));
  // What a tab closed mid-write (or mid-remove) leaves: bytes nothing points at.
  await page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const d = await root.getDirectoryHandle('petroflow-files', { create: true });
    for (const k of ['ghost.las.v-0123456789abcdef', 'old%20ghost.las']) {
      const w = await (await d.getFileHandle(k, { create: true })).createWritable();
      await w.write(new Uint8Array(1024));
      await w.close();
    }
  });
  expect(await opfsNames(page)).toContain('ghost.las.v-0123456789abcdef');
  await app.open();
  const names = await opfsNames(page);
  expect(names.filter((n) => n.includes('ghost'))).toEqual([]);
  expect(names.filter((n) => n.startsWith('big.csv.v-'))).toHaveLength(1);
  await app.tab('Files');
  await expect(app.file('big.csv')).toBeVisible();
  expect(app.errors).toEqual([]);
});

test('a started run is interrupted once its tab is gone, running while a tab holds it', async ({
  page,
  context,
}) => {
  const app = new EditorPage(page);
  await app.open();
  await app.saved();
  // Two runs recorded as started a moment ago, as runsStarted.ts writes them.
  const pipelineId = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, ko) => {
      const r = indexedDB.open('petroflow');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => ko(new Error(String(r.error)));
    });
    const ids = await new Promise<string[]>((ok) => {
      const r = db.transaction('pipelines').objectStore('pipelines').getAllKeys();
      r.onsuccess = () => ok(r.result.map((k) => String(k as string)));
    });
    const pid = ids[0] ?? '';
    const now = Date.now();
    const record = (runId: string) => ({
      recordVersion: 1,
      runId,
      pipelineId: pid,
      pipelineName: 'x',
      pipelineHash: 'a'.repeat(64),
      operatorVersions: [],
      inputHashes: {},
      provenanceHash: 'c'.repeat(64),
      start: now - 2000,
      end: now - 1000,
      status: 'failed',
      nodes: [],
      progress: 'running',
    });
    const tx = db.transaction('pipeline_executions', 'readwrite');
    tx.objectStore('pipeline_executions').put(record('cut-short'), 'cut-short');
    tx.objectStore('pipeline_executions').put(record('still-going'), 'still-going');
    await new Promise((ok) => (tx.oncomplete = ok));
    db.close();
    return pid;
  });
  expect(pipelineId).not.toBe('');
  // Another tab holds the lock of 'still-going' (it is running it).
  const other = await context.newPage();
  await other.goto('/manifest.webmanifest');
  await other.evaluate(() => {
    void navigator.locks.request('petroflow-run:still-going', () => new Promise(() => undefined));
  });
  await page.reload();
  await expect(page.locator('.app')).toHaveAttribute('aria-busy', 'false');
  await page.getByRole('tab', { name: 'Runs' }).click();
  const items = page.getByRole('region', { name: 'Runs' }).getByTestId('run-item');
  await expect(items).toHaveCount(2);
  await expect(items.filter({ hasText: 'interrupted' })).toHaveCount(1);
  await expect(items.filter({ hasText: 'running' })).toHaveCount(1);
  // The other tab closes: its run is interrupted too.
  await other.close();
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(items.filter({ hasText: 'interrupted' })).toHaveCount(2);
  await items.first().click();
  await expect(page.getByText('This run was interrupted')).toBeVisible();
  expect(app.errors).toEqual([]);
});

/** A CSV source and a SQL node that runs for far longer than the test waits. */
const SLOW_PIPELINE = JSON.stringify({
  format: 'petroflow.pipeline',
  formatVersion: 1,
  id: 'slow-run',
  name: 'Slow run',
  nodes: [
    { id: 'csv', op: 'source.csv', version: '1.0.0', params: { file: 'small.csv' } },
    {
      id: 'slow',
      op: 'sql',
      version: '1.0.0',
      params: {
        query: 'SELECT sum(sin(a.range * b.range)) AS s FROM input, range(40000) a, range(40000) b',
      },
    },
  ],
  edges: [{ from: 'csv', fromPort: 'out', to: 'slow', toPort: 'input' }],
});

/** The stored run records' progress and finished node ids (IndexedDB, as runsStarted.ts wrote them). */
function storedRuns(page: Page): Promise<{ progress?: string; nodes: string[] }[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, ko) => {
      const r = indexedDB.open('petroflow');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => ko(new Error(String(r.error)));
    });
    const all = await new Promise<unknown[]>((ok) => {
      const r = db.transaction('pipeline_executions').objectStore('pipeline_executions').getAll();
      r.onsuccess = () => ok(r.result as unknown[]);
    });
    db.close();
    return all.map((v) => {
      const r = v as { progress?: string; nodes: { nodeId: string }[] };
      return {
        ...(r.progress ? { progress: r.progress } : {}),
        nodes: r.nodes.map((n) => n.nodeId),
      };
    });
  });
}

test('a run cut short by reloading the tab is listed as interrupted, with the node that finished', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const app = new EditorPage(page);
  await app.open();
  await app.addFilesWithInput([{ name: 'small.csv', content: 'X\n1\n2\n3\n' }]);
  await app.tab('Pipelines');
  await page.getByLabel('Import pipeline JSON').setInputFiles({
    name: 'p.json',
    mimeType: 'application/json',
    buffer: Buffer.from(SLOW_PIPELINE),
  });
  await expect(page.getByLabel('Pipeline name')).toHaveValue('Slow run');
  await app.command('Run');
  await expect(app.node('csv')).toHaveAttribute('data-status', /done|cached/, { timeout: 60_000 });
  await expect(app.node('slow')).toHaveAttribute('data-status', 'running');
  // The started record is rewritten with finished nodes at most once a second.
  await expect
    .poll(async () => storedRuns(page), { timeout: 15_000 })
    .toEqual([{ progress: 'running', nodes: ['csv'] }]);

  await page.reload();
  await expect(page.locator('.app')).toHaveAttribute('aria-busy', 'false');
  await expect(page.getByLabel('Pipeline name')).toHaveValue('Slow run');
  await page.getByRole('tab', { name: 'Runs' }).click();
  const items = page.getByRole('region', { name: 'Runs' }).getByTestId('run-item');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('interrupted');
  await items.first().click();
  await expect(page.getByText('This run was interrupted')).toBeVisible();
  expect(app.errors).toEqual([]);
});
