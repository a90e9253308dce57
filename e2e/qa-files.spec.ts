/**
 * QA hunt: odd real-world LAS files (copies from lasio's test suite under fixtures/qa/), hostile
 * files and a replaced file, added in a real browser; what the Files panel and the runs say.
 */
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { EditorPage } from './pages/editor.ts';
import { well1 } from './fixtures/files.ts';
import { exportTableCsv, finished, parseCsv, watchConsole } from './qa-kit.ts';

test.use({ viewport: { width: 1600, height: 1000 } });
test.setTimeout(120_000);

const dir = fileURLToPath(new URL('./fixtures/qa/', import.meta.url));

/** Rows, curves and depth range as lasio reads them (its expected/*.json), or the error shown. */
const EXPECTED: Record<string, RegExp[]> = {
  'encodings_utf16le.las': [/3 rows/, /8 curves/, /depth 1669\.75–1670 M/],
  'encodings_utf16bebom.las': [/3 rows/, /8 curves/, /depth 1669\.75–1670 M/],
  'encodings_cp1252.las': [/3 rows/, /8 curves/, /RHOB \[K\/M3\]/],
  'comma_decimal_mark.las': [/3 rows/, /8 curves/, /depth 1669\.75–1670 M/],
  'sample_2.0_wrapped.las': [/2 rows/, /36 curves/, /depth 909\.875–910 M/],
  'sample_3.0.las': [/3 rows/, /depth 1669\.75–1670 M/],
  'sample_rev.las': [/11 rows/, /depth 1660–1670 M/],
  'null_policy_ERR.las': [/3 rows/, /8 curves/],
  'sample_str_in_data.las': [/3 rows/, /4 curves/],
  'mnemonic_case.las': [/3 rows/, /7 curves/],
  'not_a_las_file.las': [/Line 1: no ~ section found/],
  'Curve-Param Error #1 (MS).LAS': [/well DUMMY WELL/],
};

test('fine: odd lasio files are summarised as lasio reads them', async ({ page }) => {
  const logs = watchConsole(page);
  const app = new EditorPage(page);
  await app.open();
  await app.tab('Files');
  const names = Object.keys(EXPECTED);
  await page.getByLabel('Add files').setInputFiles(names.map((n) => dir + n));
  for (const n of names) {
    for (const re of EXPECTED[n] ?? []) await expect(app.file(n)).toContainText(re);
  }
  // A UTF-16 file previews with its decoded values.
  await app.file('encodings_utf16le.las').getByRole('button', { name: 'Preview' }).click();
  await expect(app.grid()).toContainText('1669.75');
  expect(logs).toEqual([]);
});

test('fine: a name with spaces, # and parentheses can be read by a node', async ({ page }) => {
  const app = new EditorPage(page);
  await app.open();
  await app.tab('Files');
  const name = 'Curve-Param Error #1 (MS).LAS';
  await page.getByLabel('Add files').setInputFiles(dir + name);
  await expect(app.file(name)).toContainText('6 rows');
  await app.addOperator('LAS files');
  await app.param('File').fill(name);
  await app.command('Run');
  await finished(app, 'las-1');
  await expect(app.node('las-1')).toContainText('6 rows');
});

test('empty and non-LAS files get a line-1 error saying what they are; re-adding a name replaces it', async ({
  page,
}) => {
  const logs = watchConsole(page);
  const app = new EditorPage(page);
  await app.open();
  await app.tab('Files');
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
  await page.getByLabel('Add files').setInputFiles([
    { name: 'empty.las', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
    { name: 'empty.csv', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
    {
      name: 'image.las',
      mimeType: 'image/png',
      buffer: Buffer.concat([png, Buffer.alloc(3000, 7)]),
    },
  ]);
  await expect(app.file('empty.las')).toContainText('Line 1: the file is empty (0 bytes)');
  await expect(app.file('empty.csv')).toContainText('Line 1: The file has no header row');
  await expect(app.file('image.las')).toContainText(
    'Line 1: this is a PNG image, not a LAS text file',
  );

  // Replace well-1.las by a copy whose first GR is 999.99: the next run reads the new content.
  await app.addFilesWithInput([well1()]);
  await expect(app.file('well-1.las')).toContainText('1,101 rows');
  await app.addOperator('LAS files');
  await app.param('File').fill('well-1.las');
  await app.command('Run');
  await finished(app, 'las-1');
  await app.select('las-1');
  expect(parseCsv(await exportTableCsv(app))[0]?.GR).toBe('122.88');
  const edited = well1().content.replace(/^(\s*1480\.0000\s+)122\.88/m, '$1999.99');
  await app.addFilesWithInput([{ name: 'well-1.las', content: edited }]);
  await app.saved();
  await app.command('Run');
  await finished(app, 'las-1', /^done$/);
  await app.select('las-1');
  await expect(app.grid()).toBeVisible();
  expect(parseCsv(await exportTableCsv(app))[0]?.GR).toBe('999.99');
  expect(logs).toEqual([]);
});

// Regression (browser QA pass): a PNG named .csv was listed as a 3-row table whose column was
// "\x89PNG"; the file library now says what it is (src/formats/binary-magic.ts).
test('a PNG renamed .csv is reported as an image, not listed as a table', async ({ page }) => {
  const app = new EditorPage(page);
  await app.open();
  await app.tab('Files');
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
  await page.getByLabel('Add files').setInputFiles({
    name: 'image.csv',
    mimeType: 'image/png',
    buffer: Buffer.concat([png, Buffer.alloc(3000, 7)]),
  });
  await expect(app.file('image.csv')).toBeVisible();
  await expect(app.file('image.csv').getByRole('alert')).toContainText(
    'This is a PNG image, not a CSV text file',
  );
});
