import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EditorPage } from './pages/editor.ts';
import { badLas, well1 } from './fixtures/files.ts';

test.use({ viewport: { width: 1440, height: 900 } });

const ROWS = 900_000;

/** Writes a LAS 2.0 file of ROWS depth steps (about 61 MB): 1000 m to 45999.95 m every 0.05 m. */
function writeBigLas(path: string): void {
  const head = [
    '~VERSION INFORMATION',
    ' VERS. 2.0 : CWLS LOG ASCII STANDARD - VERSION 2.0',
    ' WRAP. NO : ONE LINE PER DEPTH STEP',
    '~WELL INFORMATION',
    ' STRT.M 1000.00 : START DEPTH',
    ' STOP.M 45999.95 : STOP DEPTH',
    ' STEP.M 0.05 : STEP',
    ' NULL. -999.25 : NULL VALUE',
    ' WELL. BIG-1 : WELL',
    '~CURVE INFORMATION',
    ...['DEPT.M', 'GR.GAPI', 'RHOB.G/C3', 'NPHI.V/V', 'DT.US/F', 'ILD.OHMM', 'CALI.IN'].map(
      (c) => ` ${c} : ${c.split('.')[0]}`,
    ),
    '~A',
  ];
  const chunks = [head.join('\n') + '\n'];
  for (let start = 0; start < ROWS; start += 50_000) {
    const lines: string[] = [];
    for (let i = start; i < Math.min(ROWS, start + 50_000); i++) {
      const d = 1000 + i * 0.05;
      const w = Math.sin(i / 500);
      lines.push(
        `${d.toFixed(2).padStart(10)} ${(80 + 40 * w).toFixed(3).padStart(9)} ` +
          `${(2.4 + 0.1 * w).toFixed(4).padStart(8)} ${(0.25 - 0.05 * w).toFixed(4).padStart(8)} ` +
          `${(90 + 10 * w).toFixed(3).padStart(9)} ${(10 ** (1 + w)).toFixed(4).padStart(10)} ` +
          `${(8.5 + 0.2 * w).toFixed(3).padStart(7)}`,
      );
    }
    chunks.push(lines.join('\n') + '\n');
  }
  writeFileSync(path, chunks.join(''));
}

/** What the page saw of its main thread while watched (times in ms from the start). */
interface Stall {
  frames: number;
  watchedMs: number;
  /** The summary of the file, from the ingestion client's User Timing measure, as [start, length]. */
  summarising?: [number, number];
  /** The whole add (summary, hash, storage, listing), from the files slice's measure. */
  adding?: [number, number];
  /** Gaps between animation frames longer than 100 ms, as [start, length]. */
  frameGaps: [number, number][];
  /** Long tasks (over 50 ms) as [start, duration]. */
  longTasks: [number, number][];
}

/** Starts watching the main thread (animation frames and long tasks); the result stops it. */
async function watchMainThread(page: Page): Promise<() => Promise<Stall>> {
  await page.evaluate(() => {
    const stall: Stall = { frames: 0, watchedMs: 0, frameGaps: [], longTasks: [] };
    const w = window as unknown as { __stall: Stall; __stop?: boolean; __t0: number };
    w.__stall = stall;
    const t0 = performance.now();
    w.__t0 = t0;
    let last = t0;
    const frame = (t: number) => {
      stall.frames++;
      if (t - last > 100) stall.frameGaps.push([last - t0, t - last]);
      stall.watchedMs = t - t0;
      last = t;
      if (!w.__stop) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) stall.longTasks.push([e.startTime - t0, e.duration]);
    }).observe({ type: 'longtask' });
  });
  return () =>
    page.evaluate(() => {
      const w = window as unknown as { __stall: Stall; __stop?: boolean; __t0: number };
      w.__stop = true;
      const m = performance.getEntriesByName('petroflow:summarise big-1.las')[0];
      if (m) w.__stall.summarising = [m.startTime - w.__t0, m.duration];
      const a = performance.getEntriesByName('petroflow:add big-1.las')[0];
      if (a) w.__stall.adding = [a.startTime - w.__t0, a.duration];
      return w.__stall;
    });
}

/** The longest of `spans` that overlaps `span`. */
function longestIn(spans: [number, number][], span: [number, number]): number {
  const [from, length] = span;
  const inside = spans.filter(([s, d]) => s < from + length && s + d > from);
  return Math.max(0, ...inside.map(([, d]) => d));
}

test('a 60 MB LAS is summarised, hashed and stored: the page keeps drawing frames', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const dir = mkdtempSync(join(tmpdir(), 'petroflow-ingest-'));
  try {
    const path = join(dir, 'big-1.las');
    writeBigLas(path);
    const size = statSync(path).size;
    expect(size).toBeGreaterThan(58e6);

    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    const app = new EditorPage(page);
    await app.open();
    await app.tab('Files');
    const stop = await watchMainThread(page);
    await page.getByLabel('Add files').setInputFiles(path);
    await expect(page.getByRole('status').filter({ hasText: 'Reading files' })).toBeVisible();
    await expect(app.file('big-1.las')).toContainText('900,000 rows', { timeout: 180_000 });
    // The files slice measures the add when the record is listed (or refused).
    await page.waitForFunction(() => performance.getEntriesByName('petroflow:add big-1.las')[0]);
    const stall = await stop();
    await test.info().attach('main-thread.json', {
      body: JSON.stringify({ bytes: size, ...stall }, null, 1),
      contentType: 'application/json',
    });

    await expect(app.file('big-1.las')).toContainText('7 curves');
    await expect(app.file('big-1.las')).toContainText('depth 1000–45999.95 M');
    await expect(app.file('big-1.las')).toContainText('well BIG-1');
    expect(workers.some((u) => /ingest-worker/.test(u))).toBe(true);
    // Reading 60 MB on the main thread would freeze it for seconds, and hashing it 0.25-0.8 s; the
    // worker does both. Watched: from the start of the add until the file is stored and listed.
    const summarising = stall.summarising ?? [0, 0];
    const span = stall.adding ?? [0, 0];
    expect(summarising[1], 'a summary of real length was measured').toBeGreaterThan(300);
    expect(span[0], 'the add span covers the summary').toBeLessThanOrEqual(summarising[0]);
    expect(span[0] + span[1]).toBeGreaterThan(summarising[0] + summarising[1]);
    expect(stall.frames).toBeGreaterThan(10);
    const longestTask = longestIn(stall.longTasks, span);
    const longestGap = longestIn(stall.frameGaps, span);
    console.log(
      `ingest of ${size} bytes: add ${Math.round(span[1])} ms (summary ${Math.round(summarising[1])} ms); ` +
        `longest main-thread task ${Math.round(longestTask)} ms, longest frame gap ${Math.round(longestGap)} ms`,
    );
    expect(longestGap, JSON.stringify(stall)).toBeLessThan(1000);
    expect(longestTask, JSON.stringify(stall)).toBeLessThan(1000);
    expect(app.errors).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('files read in the worker: a broken file shows its line, a good one previews', async ({
  page,
}) => {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  const app = new EditorPage(page);
  await app.open();
  await app.addFilesWithInput([badLas(), well1()]);
  await expect(app.file('bad.las')).toContainText('Line 1: no ~ section found');
  await expect(app.file('well-1.las')).toContainText('1,101 rows');
  await expect(page.getByRole('alert').first()).toContainText('"bad.las" cannot be read (line 1)');
  await app.file('well-1.las').getByRole('button', { name: 'Preview' }).click();
  await expect(app.grid()).toContainText('WELL-1');
  await expect(app.grid()).toContainText('1480');
  expect(workers.filter((u) => /ingest-worker/.test(u))).toHaveLength(1);
  expect(app.errors).toEqual([]);
});
