import { expect, test } from '@playwright/test';

test('the built app opens and shows its name', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Petroflow' })).toBeVisible();
  expect(errors).toEqual([]);
});
