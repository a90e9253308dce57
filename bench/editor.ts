/**
 * Editor benchmark (issue 7, #7): ELK auto-layout time and node-drag frame time in the built app,
 * driven by Playwright in Debian's Chromium, for generated pipelines of 100, 300 and 1 000 nodes.
 * Each size is reported as a ratio against the 100-node pipeline measured in the same run (median
 * of several repetitions). The app is built once into .bench-data/editor-dist (rebuilt when any
 * source is newer), or taken from PETROFLOW_BENCH_DIST.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { median } from './timing.ts';
import type { Benchmark, BenchRatio, BenchResult, BenchRow } from './types.ts';

const ROOT = resolve(import.meta.dirname, '..');
/** Debian's Chromium (never a downloaded browser); settable like playwright.config.ts. */
export const CHROMIUM = process.env.PETROFLOW_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Figures of one pipeline size (medians, milliseconds). */
export interface EditorFigures {
  readonly nodes: number;
  /** Click on "Auto layout" until the new positions are drawn (ELK + render). */
  readonly layoutMs: number;
  /** Until nothing moves any more (includes the 200 ms fit-view animation). */
  readonly settledMs: number;
  /** Mean interval between frames while a node is dragged (long frames count in full). */
  readonly frameMs: number;
  /** 95th percentile of those intervals. */
  readonly frameP95Ms: number;
}

/**
 * A valid pipeline of `n` nodes (a LAS source and n - 1 shale-volume nodes): chains that branch
 * every fifth node, with grid positions so opening it does not lay it out already.
 */
export function generatedPipeline(n: number): string {
  const nodes = Array.from({ length: n }, (_, i) => ({
    id: `n${i}`,
    op: i === 0 ? 'source.las' : 'petro.vshale',
    version: '1.0.0',
    params:
      i === 0
        ? { file: '*.las' }
        : { gr: 'GR', grMin: 20, grMax: 120, method: 'linear', output: 'VSH' },
    position: { x: (i % 10) * 260, y: Math.floor(i / 10) * 160 },
  }));
  const edges = nodes.slice(1).map((_, k) => {
    const i = k + 1;
    const from = i % 5 === 0 ? Math.floor(i / 3) : i - 1;
    return { from: `n${from}`, fromPort: 'out', to: `n${i}`, toPort: 'in' };
  });
  const doc = {
    format: 'petroflow.pipeline',
    formatVersion: 1,
    id: `bench-${n}`,
    name: `Bench ${n}`,
  };
  return JSON.stringify({ ...doc, nodes, edges });
}

/** Ratios of every size against the baseline size (lower is better: a ratio is a slowdown). */
export function editorRatios(figures: readonly EditorFigures[], baseline: number): BenchRatio[] {
  const base = figures.find((f) => f.nodes === baseline);
  if (!base) return [];
  return figures
    .filter((f) => f.nodes !== baseline)
    .flatMap((f) => [
      { label: `layout ${f.nodes} / ${baseline} nodes`, value: f.layoutMs / base.layoutMs },
      { label: `drag frame ${f.nodes} / ${baseline} nodes`, value: f.frameMs / base.frameMs },
    ])
    .map((r) => ({ ...r, better: 'lower' as const }));
}

function newestMtime(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(path).reduce((m, f) => Math.max(m, newestMtime(join(path, f))), s.mtimeMs);
}

/** The built app's folder: PETROFLOW_BENCH_DIST, or a build of the current sources. */
export function ensureBuild(): string {
  if (process.env.PETROFLOW_BENCH_DIST) return resolve(ROOT, process.env.PETROFLOW_BENCH_DIST);
  const out = join(ROOT, '.bench-data', 'editor-dist');
  const inputs = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'];
  const built = join(out, 'index.html');
  const newest = Math.max(...inputs.map((p) => newestMtime(join(ROOT, p))));
  if (existsSync(built) && statSync(built).mtimeMs > newest) return out;
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--outDir', out, '--emptyOutDir'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`vite build failed:\n${r.stdout}\n${r.stderr}`);
  return out;
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => ok(port));
    });
  });
}

async function serve(dist: string): Promise<{ url: string; server: ChildProcess }> {
  const port = await freePort();
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const args = [vite, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'];
  const server = spawn(process.execPath, [...args, '--outDir', dist], {
    cwd: ROOT,
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url)).ok) return { url, server };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error(`vite preview did not answer on ${url}`);
}

// In-page scripts are strings: a transpiler's helpers in a serialised function break in the page.
const WAIT_FOR_CHANGE = `(async (name) => {
  const snap = () => (document.querySelector('.react-flow__viewport')?.style.transform ?? '') + '#' +
    [...document.querySelectorAll('.react-flow__node')].slice(0, 300)
      .map((n) => n.getAttribute('data-id') + n.style.transform).join('|');
  const nodesOf = (s) => s.slice(s.indexOf('#'));
  const frame = () => new Promise((r) => requestAnimationFrame(() => r(performance.now())));
  const button = [...document.querySelectorAll('[role=toolbar] button')]
    .find((b) => b.textContent.trim() === name);
  const before = snap();
  const t0 = performance.now();
  button.click();
  let applied, last = t0, prev = before, still = 0;
  for (;;) {
    const t = await frame();
    const s = snap();
    if (s !== prev) { last = t; still = 0; } else still++;
    if (applied === undefined && nodesOf(s) !== nodesOf(before)) applied = t;
    prev = s;
    if (applied !== undefined && still >= 15) break;
    if (t - t0 > 180000) throw new Error(name + ': nothing moved within 180 s');
  }
  return { applied: applied - t0, settled: last - t0 };
})`;
const START_FRAMES = `(() => { window.__pfFrames = []; window.__pfRec = true;
  const loop = (t) => { window.__pfFrames.push(t); if (window.__pfRec) requestAnimationFrame(loop); };
  requestAnimationFrame(loop); })()`;
const STOP_FRAMES = `(() => { window.__pfRec = false; const f = window.__pfFrames;
  return f.slice(1).map((t, i) => t - f[i]); })()`;

async function press(page: Page, name: string): Promise<{ applied: number; settled: number }> {
  return page.evaluate(`${WAIT_FOR_CHANGE}(${JSON.stringify(name)})`);
}

async function dragFrames(page: Page, nodeId: string): Promise<number[]> {
  const box = await page.getByTestId(`node-${nodeId}`).boundingBox();
  if (!box) throw new Error(`node ${nodeId} is not visible`);
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  await page.evaluate(START_FRAMES);
  for (let i = 1; i <= 40; i++) await page.mouse.move(cx + i * 4, cy + i * 2);
  await page.mouse.up();
  await page.waitForTimeout(100);
  const frames = await page.evaluate<number[]>(STOP_FRAMES);
  const after = await page.getByTestId(`node-${nodeId}`).boundingBox();
  if (!after || after.x < box.x + 40) throw new Error(`dragging node ${nodeId} did not move it`);
  return frames;
}

const percentile = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
};

async function measureSize(browser: Browser, url: string, n: number, reps: number) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto(url);
    await page.locator('.app[aria-busy="false"]').waitFor();
    await page.getByRole('tab', { name: 'Pipelines' }).click();
    await page.getByLabel('Import pipeline JSON').setInputFiles({
      name: `bench-${n}.json`,
      mimeType: 'application/json',
      buffer: Buffer.from(generatedPipeline(n)),
    });
    await page.getByText(`${n} nodes`).first().waitFor({ timeout: 120_000 });
    await page.getByTestId('node-n0').waitFor();
    await page.waitForTimeout(500);
    const frames: number[] = [];
    const p95s: number[] = [];
    const layout: number[] = [];
    const settled: number[] = [];
    // Drags first (the view still shows the grid), each after an untimed warm-up and undone.
    for (let r = -1; r < reps; r++) {
      const f = await dragFrames(page, 'n0');
      await press(page, 'Undo');
      if (r < 0) continue;
      frames.push(f.reduce((a, b) => a + b, 0) / Math.max(1, f.length));
      p95s.push(percentile(f, 0.95));
    }
    // An untimed first layout loads the ELK chunk; each layout is undone before the next.
    await press(page, 'Auto layout');
    await press(page, 'Undo');
    for (let r = 0; r < reps; r++) {
      const t = await press(page, 'Auto layout');
      layout.push(t.applied);
      settled.push(t.settled);
      await press(page, 'Undo');
    }
    return {
      nodes: n,
      layoutMs: median(layout),
      settledMs: median(settled),
      frameMs: median(frames),
      frameP95Ms: median(p95s),
    };
  } finally {
    await context.close();
  }
}

/** Runs the measurements for `sizes` (the first is the baseline). */
export async function measureEditor(
  sizes: readonly number[],
  reps: number,
): Promise<EditorFigures[]> {
  const dist = ensureBuild();
  const { url, server } = await serve(dist);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const out: EditorFigures[] = [];
    for (const n of sizes) out.push(await measureSize(browser, url, n, reps));
    return out;
  } finally {
    await browser.close();
    server.kill();
  }
}

/** Benchmark 7: the editor at 100, 300 and 1 000 nodes against 100 (smoke: 20 nodes, once). */
export const editorBenchmark: Benchmark = {
  name: 'Editor layout and drag (100 / 300 / 1000 nodes)',
  async run({ scale }): Promise<BenchResult> {
    const full = scale === 'full';
    const sizes = full ? [100, 300, 1000] : [20];
    const reps = full ? 5 : 1;
    const figures = await measureEditor(sizes, reps);
    const rows: BenchRow[] = figures.flatMap((f) => [
      { label: `${f.nodes} nodes: auto layout drawn`, value: f.layoutMs, unit: 'ms' },
      { label: `${f.nodes} nodes: auto layout settled`, value: f.settledMs, unit: 'ms' },
      { label: `${f.nodes} nodes: drag frame (mean)`, value: f.frameMs, unit: 'ms' },
      { label: `${f.nodes} nodes: drag frame (p95)`, value: f.frameP95Ms, unit: 'ms' },
    ]);
    const ratios = editorRatios(figures, sizes[0] ?? 0);
    const layouts = ratios.filter((r) => r.label.startsWith('layout'));
    const main = layouts[layouts.length - 1];
    return {
      rows,
      ...(main ? { ratio: main } : {}),
      ratios: ratios.filter((r) => r !== main),
      notes: [
        `generated chains of petro.vshale nodes branching every fifth node, opened with grid positions; median of ${reps} after one untimed warm-up`,
        'layout: click on Auto layout until the new positions are drawn (ELK on the main thread + React Flow render); settled: until nothing has moved for 15 frames (fit-view included)',
        'drag: a node dragged in 40 mouse steps; frame = mean interval between animation frames meanwhile (16.7 ms = 60 fps); large graphs draw only visible nodes; headless Chromium, no GPU',
      ],
    };
  },
};
