/**
 * Helpers of the offline, update and CSP specs: own preview servers on free ports, builds into
 * temporary folders, waiting for the service worker, CSP violation watching, and the journey
 * "example files, template, run, export Parquet" that must work offline and under the CSP.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { expect, type Page } from '@playwright/test';
import type { EditorPage } from './pages/editor.ts';

/** The build the default Playwright server serves (playwright.config.ts reads the same variable). */
export const DIST = process.env.PETROFLOW_DIST ?? 'dist';

/** A port nobody listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Builds the app into `outDir` (absolute or repository-relative) with a build id. */
export async function buildApp(outDir: string, buildId: string): Promise<void> {
  const args = ['node_modules/vite/bin/vite.js', 'build', '--outDir', outDir, '--emptyOutDir'];
  const child = spawn(process.execPath, [...args, '--logLevel', 'warn'], {
    env: { ...process.env, VITE_APP_BUILD_ID: buildId, NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await exited(child);
  if (code !== 0) throw new Error(`vite build of ${buildId} failed (${code}): ${stderr}`);
}

/** A `vite preview` server of one build folder, started by the test itself. */
export interface Preview {
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts `vite preview` on `port` and waits until it answers. */
export async function startPreview(outDir: string, port: number): Promise<Preview> {
  const args = ['node_modules/vite/bin/vite.js', 'preview', '--host', '127.0.0.1'];
  const child = spawn(
    process.execPath,
    [...args, '--port', String(port), '--strictPort', '--outDir', outDir],
    { stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited(child);
  };
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`vite preview on port ${port} exited early`);
    const ok = await fetch(`${url}/`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { url, stop };
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`vite preview on port ${port} did not answer`);
}

/** Waits until the service worker has precached everything and controls the page. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 60_000,
  });
}

/** Whether a request for a file that was never precached reaches a server (proves offline). */
export function networkReachable(page: Page): Promise<boolean> {
  return page.evaluate(() =>
    fetch(`/not-precached-${Date.now()}.txt`, { cache: 'no-store' }).then(
      () => true,
      () => false,
    ),
  );
}

/** Collects CSP violations of the page (DOM events) and "Refused to ..." console reports. */
export async function watchCsp(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) seen.push(m.text());
  });
  await page.exposeFunction('__pfCspViolation', (text: string) => seen.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __pfCspViolation?: (t: string) => void })
        .__pfCspViolation;
      report?.(`${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  return seen;
}

/** Adds the example files and opens the "Net pay, Archie" template. */
export async function openNetPayTemplate(app: EditorPage): Promise<void> {
  await app.tab('Files');
  await app.page.getByRole('button', { name: 'Add example files' }).click();
  await expect(app.file('well-1.las')).toContainText('1,101 rows');
  await expect(app.file('tops.csv')).toBeVisible();
  await app.tab('Pipelines');
  await app.page
    .getByRole('region', { name: 'Pipelines' })
    .getByRole('button', { name: /Net pay, Archie/ })
    .click();
  await expect(app.node('netpay')).toBeVisible();
}

/** Runs the open pipeline and waits for the net pay summary. */
export async function runNetPay(app: EditorPage): Promise<void> {
  await app.command('Run');
  await expect(app.node('netpay')).toHaveAttribute('data-status', /done|cached/, {
    timeout: 60_000,
  });
  await expect(app.node('tops')).toHaveAttribute('data-status', /done|cached/);
}

/** Exports the net pay table as Parquet and returns the file's bytes. */
export async function exportNetPayParquet(app: EditorPage): Promise<Buffer> {
  await app.select('netpay');
  await expect(app.grid()).toBeVisible();
  const download = app.page.waitForEvent('download');
  await app.command('Export');
  await app.page.getByRole('menuitem', { name: 'Table as Parquet' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.parquet$/);
  return readFileSync(await file.path());
}

/** Checks a Parquet file's framing: `PAR1` at both ends and something in between. */
export function expectParquet(bytes: Buffer): void {
  expect(bytes.length).toBeGreaterThan(100);
  expect(bytes.subarray(0, 4).toString('latin1')).toBe('PAR1');
  expect(bytes.subarray(bytes.length - 4).toString('latin1')).toBe('PAR1');
}
