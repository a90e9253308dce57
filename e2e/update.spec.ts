/**
 * Updates are offered, not forced: version A is open when the server starts serving version B on
 * the same origin. "Update available" appears, A keeps working (its files come from A's precache),
 * "Later" and a reload keep A, and "Reload to update" loads B and drops A's files from the cache.
 * Builds twice into a temporary folder (about a minute each).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { EditorPage } from './pages/editor.ts';
import {
  buildApp,
  freePort,
  openNetPayTemplate,
  runNetPay,
  startPreview,
  waitForServiceWorker,
  type Preview,
} from './offline-kit.ts';

test.use({ serviceWorkers: 'allow' });

test.use({ viewport: { width: 1440, height: 900 } });

const stamp = Date.now().toString(36);
const A = `update-a-${stamp}`;
const B = `update-b-${stamp}`;
let dir = '';

/** The hashed entry chunk a build's index.html loads. */
function entryChunk(outDir: string): string {
  const m = /\/assets\/index-[\w-]+\.js/.exec(readFileSync(join(outDir, 'index.html'), 'utf8'));
  if (!m) throw new Error(`no entry chunk in ${outDir}/index.html`);
  return m[0];
}

async function cachedUrls(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      for (const req of await (await caches.open(name)).keys()) urls.push(req.url);
    }
    return urls;
  });
}

test.beforeAll(async () => {
  test.setTimeout(600_000);
  dir = mkdtempSync(join(tmpdir(), 'petroflow-update-'));
  await buildApp(join(dir, 'a'), A);
  await buildApp(join(dir, 'b'), B);
});

test.afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('a new version is offered, the old page keeps working, accepting loads it', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const port = await freePort();
  const app = new EditorPage(page);
  const prompt = page.getByRole('status', { name: 'Update available' });
  let server: Preview = await startPreview(join(dir, 'a'), port);
  try {
    await page.goto(`${server.url}/`);
    await expect(page.locator('.app')).toHaveAttribute('aria-busy', 'false');
    await expect(page.locator('html')).toHaveAttribute('data-build-id', A);
    await waitForServiceWorker(page);
    await expect(prompt).toHaveCount(0);

    await server.stop();
    server = await startPreview(join(dir, 'b'), port);
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    await expect(prompt).toBeVisible({ timeout: 60_000 });
    await expect(prompt.getByRole('button', { name: 'Reload to update' })).toBeVisible();

    // Not forced: the open page still runs version A, lazily loaded workers included.
    await expect(page.locator('html')).toHaveAttribute('data-build-id', A);
    await openNetPayTemplate(app);
    await runNetPay(app);
    await prompt.getByRole('button', { name: 'Later' }).click();
    await expect(prompt).toHaveCount(0);
    await page.reload();
    await expect(page.locator('.app')).toHaveAttribute('aria-busy', 'false');
    await expect(page.locator('html')).toHaveAttribute('data-build-id', A);

    // Offered again after the reload; accepting activates B and reloads into it.
    await expect(prompt).toBeVisible({ timeout: 60_000 });
    await prompt.getByRole('button', { name: 'Reload to update' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-build-id', B, { timeout: 60_000 });
    await expect(page.locator('.app')).toHaveAttribute('aria-busy', 'false');
    await expect(prompt).toHaveCount(0);
    await expect(app.node('netpay')).toBeVisible();
    const urls = await cachedUrls(page);
    expect(urls.some((u) => u.includes(entryChunk(join(dir, 'b'))))).toBe(true);
    expect(urls.some((u) => u.includes(entryChunk(join(dir, 'a'))))).toBe(false);
    expect(app.errors).toEqual([]);
  } finally {
    await server.stop();
  }
});
