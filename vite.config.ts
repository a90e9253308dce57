import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};
/** Shown as `data-build-id` on <html>; set VITE_APP_BUILD_ID at build time to tell builds apart. */
const buildId = process.env.VITE_APP_BUILD_ID ?? pkg.version;

/**
 * The Content-Security-Policy of the built app (README "Deploying"). Strict on scripts (only our
 * own files, plus `wasm-unsafe-eval` so DuckDB can compile its WebAssembly), workers, connections
 * and styles (React, React Flow, d3 and uPlot set styles through CSSOM, which CSP allows).
 */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self'",
  "font-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
] as const;

/** Headers `npm start` (vite preview) sends; `frame-ancestors` works only in a header. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': [...CSP_DIRECTIVES, "frame-ancestors 'none'"].join('; '),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** Puts the CSP into the built HTML as a meta tag too (for hosts that cannot send headers). */
function cspMeta(): Plugin {
  return {
    name: 'petroflow:csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP_DIRECTIVES.join('; ') },
        injectTo: 'head-prepend',
      },
    ],
  };
}

const NO_AJV = '\0petroflow:no-runtime-ajv';
/**
 * The browser has no run-time schema compiler (ajv's `new Function` needs `unsafe-eval`):
 * src/model/schema-check.ts's `ajv` import becomes a stub that refuses, so only precompiled
 * validators exist in the browser build.
 */
function noRuntimeAjv(): Plugin {
  return {
    name: 'petroflow:no-runtime-ajv',
    enforce: 'pre',
    resolveId(source, importer) {
      const fromModel = importer && /[\\/]src[\\/]model[\\/]schema-check\.ts$/.test(importer);
      return source === 'ajv' && fromModel ? NO_AJV : null;
    },
    load(id) {
      if (id !== NO_AJV) return null;
      return `export default class NoRuntimeAjv {
  constructor() {
    throw new Error('this parameter schema was not precompiled: run "npx tsx scripts/gen-validators.ts" and rebuild');
  }
}`;
    },
  };
}

const ARROW_EVAL = 'return new Function(`x`, `${fnBody}\\nreturn true;`);';
/**
 * Arrow JS builds its builders' null test with `new Function` (apache/arrow-js#54; every
 * `vectorFromArray` hits it), which a CSP without `unsafe-eval` refuses. Same test, as a closure:
 * NaN is null when listed, every other listed value is compared with ===, as the switch did.
 */
function arrowWithoutEval(): Plugin {
  return {
    name: 'petroflow:arrow-without-eval',
    transform(code, id) {
      if (!/[\\/]apache-arrow[\\/]builder[\\/]valid\.m?js$/.test(id)) return null;
      if (!code.includes(ARROW_EVAL))
        throw new Error(`${id}: Arrow's createIsValidFunction changed; update arrowWithoutEval()`);
      const closure =
        'const nanIsNull = nullValues.length !== noNaNs.length;\n' +
        '    return (x) => !(nanIsNull && x !== x) && !noNaNs.some((n) => n === x);';
      return { code: code.replace(ARROW_EVAL, closure), map: null };
    },
  };
}

const run = promisify(execFile);
/** Regenerates the precompiled validators before a build, at dev start and when operators change. */
function precompiledValidators(): Plugin {
  const generate = async () => {
    const args = ['--import', 'tsx', 'scripts/gen-validators.ts'];
    const { stdout } = await run(process.execPath, args);
    if (stdout.startsWith('wrote')) console.log(`petroflow: ${stdout.trim()}`);
  };
  let serve = false;
  return {
    name: 'petroflow:precompiled-validators',
    configResolved(config) {
      serve = config.command === 'serve';
    },
    // A build waits for fresh validators; the dev server starts at once and reloads if they change.
    async buildStart() {
      if (serve) void generate().catch((e: unknown) => console.error(e));
      else await generate();
    },
    configureServer(server) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      server.watcher.on('change', (file) => {
        if (!/[\\/]src[\\/]operators[\\/]/.test(file)) return;
        clearTimeout(timer);
        timer = setTimeout(() => void generate().catch((e: unknown) => console.error(e)), 300);
      });
    },
  };
}

/** Vite build for the browser app: an installable, offline-first PWA under a strict CSP. */
export default defineConfig({
  plugins: [
    precompiledValidators(),
    noRuntimeAjv(),
    arrowWithoutEval(),
    react(),
    cspMeta(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      strategies: 'generateSW',
      includeManifestIcons: false, // the glob patterns below take every icon already
      manifest: {
        name: 'Petroflow',
        short_name: 'Petroflow',
        description: 'Offline data pipelines over well logs and tables, in your browser.',
        theme_color: '#12314f',
        background_color: '#f4f6f8',
        display: 'standalone',
        start_url: '.',
        scope: '.',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
          {
            src: 'icons/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      workbox: {
        // The app, its worker chunks, DuckDB's eh wasm and worker, icons and public/examples/**.
        globPatterns: ['**/*.{js,css,html,wasm,svg,png,webmanifest,json,las,csv}'],
        maximumFileSizeToCacheInBytes: 48 * 1024 * 1024,
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: false,
        navigateFallback: 'index.html',
      },
    }),
  ],
  define: { __PETROFLOW_BUILD_ID__: JSON.stringify(buildId) },
  build: { target: 'es2022', sourcemap: true },
  worker: { format: 'es', plugins: () => [noRuntimeAjv(), arrowWithoutEval()] },
  server: {
    headers: {
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    },
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, headers: SECURITY_HEADERS },
});
