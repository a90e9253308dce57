/**
 * Shared helpers of the QA hunt specs (e2e/qa-*.spec.ts): console watching, an independent
 * petrophysics reference computed in Node from a LAS file's text, and CSV parsing of exports.
 */
import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import type { EditorPage } from './pages/editor.ts';

/** Console errors and page errors seen on a page (the app should log none on a good journey). */
export function watchConsole(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') seen.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => seen.push(`pageerror: ${e.message}`));
  return seen;
}

/** The rows of a LAS 2.0 file's ~A section (numbers, null value as NaN). */
export function lasRows(text: string, nullValue = -999.25): number[][] {
  const lines = text.split(/\r?\n/);
  const at = lines.findIndex((l) => /^~A/i.test(l));
  return lines
    .slice(at + 1)
    .filter((l) => l.trim() !== '')
    .map((l) =>
      l
        .trim()
        .split(/\s+/)
        .map(Number)
        .map((v) => (v === nullValue ? NaN : v)),
    );
}

const clamp = (v: number) => Math.min(1, Math.max(0, v));

/** Archie parameters of the reference pipeline. */
export interface ArchieRef {
  grMin: number;
  grMax: number;
  rw: number;
  phiShale: number;
}

/** Net pay of one well computed independently (columns DEPT GR RHOB NPHI DT ILD CALI). */
export function netpayRef(rows: number[][], p: ArchieRef) {
  let pay = 0;
  let phiSum = 0;
  let pv = 0;
  let pvSw = 0;
  let hc = 0;
  for (const r of rows) {
    const [, gr, rhob, , , ild] = r as [number, number, number, number, number, number];
    const vsh = clamp((gr - p.grMin) / (p.grMax - p.grMin));
    const phid = clamp((2.65 - rhob) / (2.65 - 1));
    const phie = clamp(phid - vsh * p.phiShale);
    const sw = ild > 0 && phie > 0 ? clamp(Math.sqrt(p.rw / (phie ** 2 * ild))) : NaN;
    const res = vsh <= 0.4 && phie >= 0.08;
    if (!(res && sw <= 0.6)) continue;
    pay++;
    phiSum += phie;
    pv += phie;
    pvSw += phie * sw;
    hc += phie * (1 - sw);
  }
  const h = 0.1;
  return {
    gross: Math.round(h * rows.length * 1e6) / 1e6,
    net: Math.round(h * pay * 1e6) / 1e6,
    phi_avg: phiSum / pay,
    sw_avg: pvSw / pv,
    hcpv: h * hc,
  };
}

/** Parses a CSV export (comma-separated, header line, no quoted commas in these tables). */
export function parseCsv(text: string): Record<string, string>[] {
  const [head, ...body] = text.trim().split(/\r?\n/);
  const cols = (head ?? '').split(',').map((c) => c.replace(/^"|"$/g, ''));
  return body.map((line) => {
    const cells = line.split(',').map((c) => c.replace(/^"|"$/g, ''));
    return Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? '']));
  });
}

/** Exports the selected node's table as CSV and returns its text. */
export async function exportTableCsv(app: EditorPage): Promise<string> {
  const download = app.page.waitForEvent('download');
  await app.command('Export');
  await app.page.getByRole('menuitem', { name: 'Table as CSV' }).click();
  return readFileSync(await (await download).path(), 'utf8');
}

/** Waits until a node has finished (done or cached). */
export async function finished(app: EditorPage, id: string, status = /done|cached/): Promise<void> {
  await expect(app.node(id)).toHaveAttribute('data-status', status, { timeout: 60_000 });
}

/** Sets a parameter field whether the form shows it as a text box or as a column select. */
export async function setParam(
  app: EditorPage,
  label: RegExp | string,
  value: string,
): Promise<void> {
  const field = app.param(label);
  const tag = await field.evaluate((el) => el.tagName);
  if (tag === 'SELECT') await field.selectOption(value);
  else await field.fill(value);
}
