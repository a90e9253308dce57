/**
 * The Trash of the pipelines panel in a real browser (real IndexedDB): a deleted pipeline is kept
 * after its undo notice is gone, listed with its days left, restored with its run history (a
 * name in use gets a marked name), deleted forever or with the whole trash after a confirmation
 * that says what goes, and all of it holds over a reload.
 */
import { expect, test, type Page } from '@playwright/test';
import { EditorPage } from './pages/editor.ts';
import { openNetPayTemplate } from './qa2-kit.ts';

test.use({ viewport: { width: 1600, height: 1000 } });
test.setTimeout(180_000);

const panel = (page: Page) => page.getByRole('region', { name: 'Pipelines' });
const trashButton = (page: Page) => panel(page).getByRole('button', { name: /^Trash \(\d+\)$/ });
const notice = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text });
const deletedList = (page: Page) => panel(page).getByRole('list', { name: 'Deleted pipelines' });

/** Deletes a pipeline from the list and lets its undo notice go (dismissed). */
async function deleteAndDismiss(page: Page, name: string) {
  await panel(page)
    .getByRole('button', { name: `Delete ${name}`, exact: true })
    .click();
  const undo = notice(page, `Deleted "${name}"`);
  await expect(undo.getByRole('button', { name: 'Undo' })).toBeVisible();
  await undo.getByRole('button', { name: 'Dismiss' }).click();
  await expect(undo).toBeHidden();
}

/** Opens the Trash section from the keyboard. */
async function openTrash(page: Page, count: number) {
  const toggle = trashButton(page);
  await expect(toggle).toHaveAccessibleName(`Trash (${count})`);
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
}

async function reload(app: EditorPage) {
  await app.page.reload();
  await expect(app.page.locator('.app')).toHaveAttribute('aria-busy', 'false');
  await app.tab('Pipelines');
}

test('a deleted pipeline comes back from the Trash with its runs, renamed beside a namesake', async ({
  page,
}) => {
  const app = new EditorPage(page);
  await app.open();
  await openNetPayTemplate(app);
  await app.command('Run');
  await page.getByRole('tab', { name: 'Runs' }).click();
  const runs = page.getByRole('region', { name: 'Runs' }).getByTestId('run-item');
  await expect(runs).toHaveCount(1, { timeout: 60_000 });
  await app.tab('Pipelines');
  await deleteAndDismiss(page, 'Net pay, Archie');

  // Kept over a reload, listed with when it goes for good and its run.
  await reload(app);
  await openTrash(page, 1);
  const entry = deletedList(page).getByRole('listitem');
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('Net pay, Archie');
  await expect(entry).toContainText('removed for good in 30 days');
  await expect(entry).toContainText('1 run');

  // A new pipeline took the name meanwhile: the restored one is renamed, nothing overwritten.
  await page
    .getByRole('button', { name: /^Net pay, Archie/ })
    .first()
    .click();
  await expect(page.getByLabel('Pipeline name')).toHaveValue('Net pay, Archie');
  await app.saved();
  await deletedList(page).getByRole('button', { name: 'Restore Net pay, Archie' }).click();
  const told = notice(page, 'Restored');
  await expect(told).toHaveText(
    /Restored “Net pay, Archie” as “Net pay, Archie \(restored\)” with its runs: a pipeline named “Net pay, Archie” exists already\./,
  );
  await expect(trashButton(page)).toHaveAccessibleName('Trash (0)');
  await expect(trashButton(page)).toBeFocused();
  await expect(panel(page).getByText('The trash is empty.')).toBeVisible();
  const list = panel(page).locator('.pipeline-list').first();
  await expect(list.getByText('Net pay, Archie (restored)')).toBeVisible();
  await expect(list.getByText('Net pay, Archie', { exact: true })).toBeVisible();

  // Its run history came back with it, and it all holds over a reload.
  await told.getByRole('button', { name: 'Open' }).click();
  await expect(page.getByLabel('Pipeline name')).toHaveValue('Net pay, Archie (restored)');
  await page.getByRole('tab', { name: 'Runs' }).click();
  await expect(runs).toHaveCount(1);
  await reload(app);
  await expect(trashButton(page)).toHaveAccessibleName('Trash (0)');
  await expect(panel(page).getByText('Net pay, Archie (restored)')).toBeVisible();
  expect(app.errors).toEqual([]);
});

async function newPipeline(page: Page, name: string) {
  await panel(page).getByRole('button', { name: 'New pipeline' }).click();
  await expect(page.getByLabel('Pipeline name')).toHaveValue('Untitled pipeline');
  await page.getByLabel('Pipeline name').fill(name);
  await expect(panel(page).getByText(name, { exact: true })).toBeVisible();
}

test('delete forever and empty trash ask first, name what goes, and hold over a reload', async ({
  page,
}) => {
  const app = new EditorPage(page);
  await app.open();
  await app.tab('Pipelines');
  for (const name of ['Alpha', 'Beta', 'Gamma']) await newPipeline(page, name);
  await app.saved();
  for (const name of ['Alpha', 'Beta', 'Gamma']) await deleteAndDismiss(page, name);
  await openTrash(page, 3);

  // Escape keeps it; focus goes back to the button that asked.
  const forever = deletedList(page).getByRole('button', { name: 'Delete forever Alpha' });
  await forever.click();
  const dialog = page.getByRole('dialog', { name: 'Delete “Alpha” forever?' });
  await expect(dialog).toContainText(
    '“Alpha” and its run history (no runs) will be removed for good',
  );
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(forever).toBeFocused();
  await expect(trashButton(page)).toHaveAccessibleName('Trash (3)');

  await forever.click();
  await dialog.getByRole('button', { name: 'Delete forever' }).click();
  await expect(notice(page, 'Deleted “Alpha” for good, with no runs.')).toBeVisible();
  await expect(trashButton(page)).toHaveAccessibleName('Trash (2)');
  await expect(trashButton(page)).toBeFocused();
  await expect(deletedList(page).getByRole('listitem')).toHaveCount(2);

  await reload(app);
  await openTrash(page, 2);
  await expect(deletedList(page)).not.toContainText('Alpha');
  await panel(page).getByRole('button', { name: 'Empty trash' }).click();
  const all = page.getByRole('dialog', { name: 'Empty the trash (2 pipelines)?' });
  await expect(all).toContainText('All 2 deleted pipelines and their run history');
  await all.getByRole('button', { name: 'Empty trash' }).click();
  await expect(notice(page, 'Emptied the trash: 2 pipelines and no runs')).toBeVisible();
  await expect(trashButton(page)).toHaveAccessibleName('Trash (0)');

  await reload(app);
  await openTrash(page, 0);
  await expect(panel(page).getByText('The trash is empty.')).toBeVisible();
  for (const name of ['Alpha', 'Beta', 'Gamma'])
    await expect(panel(page).getByText(name, { exact: true })).toHaveCount(0);
  expect(app.errors).toEqual([]);
});
