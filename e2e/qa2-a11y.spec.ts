/** QA hunt 2: keyboard and accessibility basics of the main flows (menus, dialogs, labels). */
import { expect, test } from '@playwright/test';
import { EditorPage } from './pages/editor.ts';
import { openNetPayTemplate } from './qa2-kit.ts';

test.use({ viewport: { width: 1600, height: 1000 } });
test.setTimeout(120_000);

const toolbarButton = (app: EditorPage, name: string) =>
  app.page
    .getByRole('toolbar', { name: 'Pipeline commands' })
    .getByRole('button', { name, exact: true });

// Was a bug (a11y): the Export menu could not be closed with Escape, nor by clicking elsewhere
// (WAI-ARIA menu button pattern: Escape closes the menu and returns focus to the button). Steps:
// press Export, press Escape (or click the canvas). Fixed in src/editor/ExportMenu.tsx: Escape
// closes it with focus back on the button; a pointerdown outside the menu closes it.
test('fixed: Escape or a click elsewhere closes the Export menu', async ({ page }) => {
  const app = new EditorPage(page);
  await app.open();
  const menu = page.getByRole('menu', { name: 'Export' });
  await toolbarButton(app, 'Export').click();
  await expect(menu).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden({ timeout: 2000 });
  await expect(toolbarButton(app, 'Export')).toBeFocused();
  await toolbarButton(app, 'Export').click();
  await page.locator('.react-flow__pane').click({ position: { x: 40, y: 40 } });
  await expect(menu).toBeHidden({ timeout: 2000 });
});

test('fine: the Share dialog opens and closes from the keyboard; form fields are labelled', async ({
  page,
}) => {
  const app = new EditorPage(page);
  await app.open();
  await openNetPayTemplate(app);
  await toolbarButton(app, 'Share').focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Share this pipeline' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await app.select('vsh');
  const inspector = await page.getByRole('complementary', { name: 'Inspector' }).ariaSnapshot();
  const fields = inspector
    .split('\n')
    .filter((l) => /- (textbox|combobox|spinbutton|checkbox)/.test(l));
  expect(fields.length).toBeGreaterThan(4);
  for (const f of fields) expect(f).toMatch(/- (textbox|combobox|spinbutton|checkbox) "[^"]+"/);
});

// Was a bug (a11y, minor): closing the Share dialog with Escape left keyboard focus on <body>, not
// on the Share button that opened it. Steps: Tab to Share, Enter, Escape. Fixed in
// src/editor/TopBar.tsx: once the dialog is unmounted, focus goes back to the Share button.
test('fixed: Escape from the Share dialog gives focus back to the Share button', async ({
  page,
}) => {
  const app = new EditorPage(page);
  await app.open();
  await toolbarButton(app, 'Share').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Share this pipeline' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Share this pipeline' })).toBeHidden();
  await expect(toolbarButton(app, 'Share')).toBeFocused({ timeout: 2000 });
});
