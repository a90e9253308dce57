/**
 * Content-Security-Policy: the built app runs under the strict header policy of `npm start` (and
 * the same policy in a meta tag): no eval (validators are precompiled), no inline scripts, DuckDB's
 * wasm allowed by 'wasm-unsafe-eval' only. The journey must log no violation and no page error.
 */
import { expect, test } from '@playwright/test';
import { EditorPage } from './pages/editor.ts';
import { openNetPayTemplate, runNetPay, watchCsp } from './offline-kit.ts';

test.use({ viewport: { width: 1440, height: 900 } });
test.setTimeout(120_000);

test('the server sends the security headers and the page carries the CSP meta tag', async ({
  request,
  page,
}) => {
  const res = await request.get('/');
  const csp = res.headers()['content-security-policy'] ?? '';
  for (const directive of [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self'",
    "connect-src 'self'",
    "style-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ])
    expect(csp).toContain(directive);
  expect(csp).not.toMatch(/'unsafe-eval'|'unsafe-inline'/);
  expect(res.headers()['x-content-type-options']).toBe('nosniff');
  expect(res.headers()['referrer-policy']).toBe('no-referrer');
  const html = await res.text();
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  await page.goto('/');
  const meta = page.locator('meta[http-equiv="Content-Security-Policy"]');
  await expect(meta).toHaveAttribute('content', /script-src 'self' 'wasm-unsafe-eval'/);
  expect(await meta.getAttribute('content')).not.toContain('frame-ancestors');
});

test('template, invalid parameter, run: no CSP violation, no page error', async ({ page }) => {
  const violations = await watchCsp(page);
  const app = new EditorPage(page);
  await app.open();
  await openNetPayTemplate(app);
  await app.select('sw');
  const rw = app.param(/Water resistivity/);
  await rw.fill('0');
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector).toContainText('Water resistivity must be > 0');
  await expect(app.node('sw')).toContainText('Water resistivity must be > 0');
  await rw.fill('0.05');
  await expect(app.node('sw').locator('.op-issue')).toHaveCount(0);
  await runNetPay(app);
  await app.select('netpay');
  await expect(app.grid()).toBeVisible();
  await app.select('sw');
  await page.getByRole('tab', { name: 'Log tracks' }).click();
  await expect(page.getByTestId('log-tracks').locator('.track')).not.toHaveCount(0);
  await page.getByRole('tab', { name: 'Crossplot' }).click();
  await expect(page.getByRole('img', { name: /Crossplot of/ })).toBeVisible();
  expect(violations).toEqual([]);
  expect(app.errors).toEqual([]);
  // The zero above means something: an inline script is refused, and the watcher reports it.
  await page.addScriptTag({ content: 'window.inlineRan = true;' }).catch(() => undefined);
  expect(await page.evaluate(() => 'inlineRan' in window)).toBe(false);
  await expect.poll(() => violations.length).toBeGreaterThan(0);
});
