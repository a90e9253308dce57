/**
 * Takes the README's screenshot (docs/screenshot.png): the app built in `PETROFLOW_DIST` (default
 * dist/), served by `vite preview`, with the example wells added, the "Net pay, Archie" template
 * opened and run, and the water-saturation node's log tracks shown. Run after `npx vite build`:
 * `npx tsx scripts/screenshot.ts [out.png]`.
 */
import { chromium } from '@playwright/test';
import { DIST, freePort, openNetPayTemplate, runNetPay, startPreview } from '../e2e/offline-kit.ts';
import { EditorPage } from '../e2e/pages/editor.ts';

const out = process.argv[2] ?? 'docs/screenshot.png';
const server = await startPreview(DIST, await freePort());
const browser = await chromium.launch({
  executablePath: process.env.PETROFLOW_CHROMIUM ?? '/usr/bin/chromium',
});
try {
  const context = await browser.newContext({
    baseURL: server.url,
    viewport: { width: 1440, height: 900 },
    deviceScaleFactor: 1,
  });
  const app = new EditorPage(await context.newPage());
  await app.open();
  await openNetPayTemplate(app);
  await app.command('Auto layout');
  await runNetPay(app);
  await app.select('sw');
  await app.page.getByRole('tab', { name: 'Log tracks' }).click();
  // The tracks draw on a canvas after layout; give them a moment to settle.
  await app.page.waitForTimeout(1500);
  await app.page.screenshot({ path: out });
  if (app.errors.length > 0) throw new Error(`page errors: ${app.errors.join('; ')}`);
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await server.stop();
}
