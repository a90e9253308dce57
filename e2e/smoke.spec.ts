import { expect, test } from '@playwright/test';

test('the built app opens and shows its name', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Petroflow' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('every sidebar tab fits in the sidebar at the default width', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await expect(page.locator('.app')).toHaveAttribute('aria-busy', 'false');
  const sidebar = await page.getByRole('navigation', { name: 'Library' }).boundingBox();
  const tabs = page.getByRole('navigation', { name: 'Library' }).getByRole('tab');
  await expect(tabs).toHaveCount(4);
  for (const tab of await tabs.all()) {
    // Select each tab in turn: the active tab's bold label is the widest.
    await tab.click();
    for (const t of await tabs.all()) {
      const box = await t.boundingBox();
      expect(box && sidebar && box.x + box.width <= sidebar.x + sidebar.width).toBe(true);
    }
  }
});
