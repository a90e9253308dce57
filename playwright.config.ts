import { defineConfig } from '@playwright/test';

const chromium = process.env.PETROFLOW_CHROMIUM ?? '/usr/bin/chromium';
/** Port and build folder are settable so several checkouts or builds can be tested side by side. */
const port = Number(process.env.PETROFLOW_E2E_PORT ?? 4173);
const dist = process.env.PETROFLOW_DIST ?? 'dist';

/** Playwright drives Debian's Chromium against the built app served by `vite preview`. */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [
    ['list'],
    ['json', { outputFile: process.env.PETROFLOW_E2E_JSON ?? '.playwright-results.json' }],
  ],
  outputDir: process.env.PETROFLOW_E2E_OUT ?? 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    screenshot: 'only-on-failure',
    // The service worker precaches ~38 MB per fresh context; only the offline specs need it.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `node node_modules/vite/bin/vite.js preview --host 127.0.0.1 --port ${port} --strictPort --outDir ${dist}`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
