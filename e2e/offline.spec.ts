/**
 * Offline: after one visit the service worker has precached the app, its workers, DuckDB-WASM and
 * the examples; with the network gone (emulated, and with the server process stopped) the app
 * still reads files, runs a template (DuckDB included) and exports Parquet.
 */
import { expect, test } from '@playwright/test';
import { EditorPage } from './pages/editor.ts';
import {
  DIST,
  expectParquet,
  exportNetPayParquet,
  freePort,
  networkReachable,
  openNetPayTemplate,
  runNetPay,
  startPreview,
  waitForServiceWorker,
} from './offline-kit.ts';

test.use({ serviceWorkers: 'allow' });

test.use({ viewport: { width: 1440, height: 900 } });
test.setTimeout(180_000);

test('works offline after one visit (network emulated offline)', async ({ page, context }) => {
  const app = new EditorPage(page);
  await app.open();
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('.app')).toHaveAttribute('aria-busy', 'false');
  expect(await networkReachable(page)).toBe(false);
  await openNetPayTemplate(app);
  await runNetPay(app);
  expectParquet(await exportNetPayParquet(app));
  expect(app.errors).toEqual([]);
});

test('works with the server stopped', async ({ page }) => {
  const app = new EditorPage(page);
  const server = await startPreview(DIST, await freePort());
  try {
    await page.goto(`${server.url}/`);
    await expect(page.locator('.app')).toHaveAttribute('aria-busy', 'false');
    await waitForServiceWorker(page);
  } finally {
    await server.stop();
  }
  await page.reload();
  await expect(page.locator('.app')).toHaveAttribute('aria-busy', 'false');
  expect(await networkReachable(page)).toBe(false);
  await openNetPayTemplate(app);
  await runNetPay(app);
  expectParquet(await exportNetPayParquet(app));
  expect(app.errors).toEqual([]);
});
