/**
 * Storage faults in the real browser: a save refused because the storage is full (the failure is
 * shown, the edit kept, "Retry save" stores it), and a newer Petroflow opened in another tab (this
 * tab saves its pending edit, closes its database and asks for a reload).
 */
import { expect, test, type Page } from '@playwright/test';
import { EditorPage } from './pages/editor.ts';

test.use({ viewport: { width: 1440, height: 900 } });

const OUT = process.env.PETROFLOW_E2E_OUT ?? 'test-results';

/** Makes IDBObjectStore.put throw the browser's quota error for the `pipelines` store. */
async function failPipelineSaves(page: Page, fail: boolean): Promise<void> {
  await page.evaluate((on) => {
    const w = window as unknown as { __quotaFull?: boolean; __putPatched?: boolean };
    w.__quotaFull = on;
    if (w.__putPatched) return;
    w.__putPatched = true;
    const original = Object.getOwnPropertyDescriptor(IDBObjectStore.prototype, 'put')
      ?.value as IDBObjectStore['put'];
    IDBObjectStore.prototype.put = function put(this: IDBObjectStore, value, key) {
      if (w.__quotaFull && this.name === 'pipelines') {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return original.call(this, value, key);
    };
  }, fail);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${OUT}/${name}.png` });
}

test('storage full: the failure is shown, the edit kept, "Retry save" stores it', async ({
  page,
}) => {
  const app = new EditorPage(page);
  await app.open();
  await app.saved();
  await failPipelineSaves(page, true);

  await page.getByLabel('Pipeline name').fill('Quota test');
  await app.addOperator('LAS files');
  await expect(app.node('las-1')).toBeVisible();
  const alert = page.getByRole('alert').filter({ hasText: 'storage for Petroflow is full' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('export the pipeline as JSON');
  await expect(page.getByText('Not saved', { exact: true })).toBeVisible();
  await shot(page, 'storage-quota-failed');

  // Still refused: the notice stays, nothing is lost.
  await page.getByRole('button', { name: 'Retry save' }).click();
  await expect(alert).toBeVisible();

  await failPipelineSaves(page, false);
  await page.getByRole('button', { name: 'Retry save' }).click();
  await app.saved();
  await expect(alert).toHaveCount(0);

  await page.reload();
  await expect(page.locator('.app')).toHaveAttribute('aria-busy', 'false');
  await expect(page.getByLabel('Pipeline name')).toHaveValue('Quota test');
  await expect(app.node('las-1')).toBeVisible();
  expect(app.errors).toEqual([]);
});

test('a newer version in another tab: the pending edit is saved, then a reload is asked', async ({
  page,
  context,
}) => {
  const app = new EditorPage(page);
  await app.open();
  await app.saved();

  const other = await context.newPage();
  await other.goto('/icons/icon.svg'); // same origin, without the app holding the database
  await page.getByLabel('Pipeline name').fill('Upgrade test');

  // The other tab asks for the next version; it reads what it finds, then abandons its upgrade so
  // the database stays at the version this build knows (and the reload below can open it).
  const seen = await other.evaluate(async () => {
    const current = await new Promise<number>((resolve, reject) => {
      const r = indexedDB.open('petroflow');
      r.onsuccess = () => {
        resolve(r.result.version);
        r.result.close();
      };
      r.onerror = () => reject(new Error(String(r.error)));
    });
    return new Promise<{ version: number; names: string[] }>((resolve, reject) => {
      const r = indexedDB.open('petroflow', current + 1);
      r.onupgradeneeded = () => {
        const tx = r.transaction;
        if (!tx) return reject(new Error('no upgrade transaction'));
        const all = tx.objectStore('pipelines').getAll();
        all.onsuccess = () => {
          const names = (all.result as { pipeline: { name: string } }[]).map(
            (p) => p.pipeline.name,
          );
          resolve({ version: current, names });
          tx.abort();
        };
      };
      r.onsuccess = () => reject(new Error('the upgrade was not abandoned'));
    });
  });
  expect(seen.names).toEqual(['Upgrade test']);

  const notice = page.getByRole('alert').filter({ hasText: 'updated in another tab' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('Your changes are saved');
  await shot(page, 'storage-reload-asked');
  await other.close();

  await page.getByRole('button', { name: 'Reload' }).click();
  await expect(page.locator('.app')).toHaveAttribute('aria-busy', 'false');
  await expect(page.getByLabel('Pipeline name')).toHaveValue('Upgrade test');
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(app.errors).toEqual([]);
});

test('a big file refused by a full OPFS is not listed, leaves no bytes, and others still add', async ({
  page,
}) => {
  const app = new EditorPage(page);
  await app.open();
  await page.evaluate(() => {
    const proto = FileSystemWritableFileStream.prototype;
    const w = window as unknown as { __restoreWrite?: () => void };
    const original = Object.getOwnPropertyDescriptor(proto, 'write');
    Object.defineProperty(proto, 'write', {
      configurable: true,
      value: () =>
        Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')),
    });
    w.__restoreWrite = () => {
      if (original) Object.defineProperty(proto, 'write', original);
    };
  });
  const rows = Array.from(
    { length: 300_000 },
    (_, i) => `${(1000 + i / 10).toFixed(4)},${(i % 97) * 1.5}`,
  ).join('\n');
  const big = { name: 'big.csv', content: `DEPTH,GR\n${rows}\n` };
  expect(big.content.length).toBeGreaterThan(4 * 1024 * 1024);
  await app.addFilesWithInput([big]);
  const alert = page.getByRole('alert').filter({ hasText: '"big.csv" was not added' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText("the browser's storage for Petroflow is full");
  await expect(app.file('big.csv')).toHaveCount(0);
  await shot(page, 'storage-file-refused');
  const left = await page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const dir = await root.getDirectoryHandle('petroflow-files', { create: true });
    const names: string[] = [];
    for await (const name of dir.keys()) names.push(name);
    return names.filter((n) => n !== '.probe');
  });
  expect(left).toEqual([]);

  await page.evaluate(() => (window as unknown as { __restoreWrite: () => void }).__restoreWrite());
  await app.addFilesWithInput([{ name: 'small.csv', content: 'DEPTH,GR\n1,2\n' }]);
  await expect(app.file('small.csv')).toBeVisible();
  await app.addFilesWithInput([big]);
  await expect(app.file('big.csv')).toBeVisible();
  expect(app.errors).toEqual([]);
});
