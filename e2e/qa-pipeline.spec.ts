/**
 * QA hunt: the read -> shale volume -> porosity -> saturation -> cutoffs -> net pay pipeline built
 * by hand in the UI (palette, handles, forms), run, its figures checked against an independent
 * computation, a parameter changed and the run repeated (cache), undo/redo and reload.
 */
import { expect, test } from '@playwright/test';
import { EditorPage } from './pages/editor.ts';
import { well1 } from './fixtures/files.ts';
import {
  exportTableCsv,
  finished,
  lasRows,
  netpayRef,
  parseCsv,
  setParam,
  watchConsole,
} from './qa-kit.ts';

test.use({ viewport: { width: 1600, height: 1000 } });
test.setTimeout(240_000);

const CHAIN = ['las-1', 'vshale-1', 'density-1', 'effective-1', 'archie-1', 'cutoffs-1'];

test('hand-built Archie net-pay chain: figures match an independent computation', async ({
  page,
}) => {
  const logs = watchConsole(page);
  const app = new EditorPage(page);
  await app.open();
  await app.addFilesWithInput([well1()]);
  await expect(app.file('well-1.las')).toContainText('1,101 rows');

  await app.addOperator('LAS files');
  await app.param('File').fill('well-1.las');
  for (const title of [
    'Shale volume',
    'Density porosity',
    'Effective porosity',
    'Water saturation, Archie',
    'Cutoffs (reservoir, pay)',
    'Net pay summary',
  ])
    await app.addOperator(title);
  await app.command('Auto layout');
  const ids = [...CHAIN, 'netpay-1'];
  for (let i = 0; i + 1 < ids.length; i++) await app.connect(ids[i]!, 'out', ids[i + 1]!, 'in');
  await expect(page.locator('.react-flow__edge')).toHaveCount(6);

  await app.select('vshale-1');
  await setParam(app, /GR clean/, '25');
  await setParam(app, /GR shale/, '120');
  await app.select('effective-1');
  await setParam(app, /Total porosity/, 'PHID');
  await setParam(app, /Shale porosity/, '0.09');
  await app.select('archie-1');
  await setParam(app, /Deep resistivity/, 'ILD');
  await setParam(app, /Water resistivity/, '0.05');
  await page.locator('.react-flow__pane').click();
  for (const id of ids) await expect(app.node(id).locator('.op-issue')).toHaveCount(0);

  await app.command('Run');
  for (const id of ids) await finished(app, id);
  await app.select('netpay-1');
  await expect(app.grid()).toBeVisible();
  const rows = lasRows(well1().content);
  const check = async (rw: number) => {
    const got = parseCsv(await exportTableCsv(app));
    expect(got).toHaveLength(1);
    const want = netpayRef(rows, { grMin: 25, grMax: 120, rw, phiShale: 0.09 });
    const row = got[0]!;
    expect(row.WELL).toBe('WELL-1');
    expect(Number(row.gross)).toBeCloseTo(want.gross, 6);
    expect(Number(row.net)).toBeCloseTo(want.net, 6);
    expect(Number(row.phi_avg)).toBeCloseTo(want.phi_avg, 9);
    expect(Number(row.sw_avg)).toBeCloseTo(want.sw_avg, 9);
    expect(Number(row.hcpv)).toBeCloseTo(want.hcpv, 9);
    return want;
  };
  const first = await check(0.05);

  // Log tracks and the crossplot of an intermediate node open without errors.
  await app.select('archie-1');
  await page.getByRole('tab', { name: 'Log tracks' }).click();
  await expect(page.getByTestId('log-tracks')).toContainText('SW');
  await page.getByRole('tab', { name: 'Table' }).click();

  // Change rw: the nodes above Archie come from the cache, the rest is computed again.
  await setParam(app, /Water resistivity/, '0.08');
  await page.locator('.react-flow__pane').click();
  await app.command('Run');
  for (const id of ['archie-1', 'cutoffs-1', 'netpay-1']) await finished(app, id, /^done$/);
  for (const id of CHAIN.slice(0, 4)) await finished(app, id, /^cached$/);
  await app.select('netpay-1');
  const second = await check(0.08);
  expect(second.net).toBeLessThan(first.net);

  // Undo the rw change, re-run: back to the first figures (from the cache).
  await page.locator('.react-flow__pane').click();
  await app.command('Undo');
  await app.select('archie-1');
  await expect(app.param(/Water resistivity/)).toHaveValue('0.05');
  await app.command('Run');
  await finished(app, 'netpay-1');
  await app.select('netpay-1');
  await check(0.05);

  // Reload: everything is back and runs to the same figures.
  await app.saved();
  await page.reload();
  await expect(page.locator('.app')).toHaveAttribute('aria-busy', 'false');
  await expect(page.locator('.react-flow__edge')).toHaveCount(6);
  await app.command('Run');
  await finished(app, 'netpay-1');
  await app.select('netpay-1');
  await check(0.05);
  expect(logs).toEqual([]);
});
