/**
 * Browser entry: opens storage, builds the store with the engine, mounts the Petroflow app and
 * registers the service worker (offline use; new versions are offered, see UpdatePrompt).
 */
/// <reference types="vite-plugin-pwa/vanillajs" />
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registerSW } from 'virtual:pwa-register';
import { App } from './editor/App.tsx';
import { createUpdateOffer, UpdatePrompt } from './editor/UpdatePrompt.tsx';
import { builtinRegistry } from './operators/index.ts';
import { browserEngine, createAppStore, localSettings } from './state/index.ts';
import { openStorage, openTabChannel, StorageOpenError, type Storage } from './storage/index.ts';
import { createIngestWorker } from './workers/ingest.ts';
import './editor/base.css';

/** Set by vite.config.ts from VITE_APP_BUILD_ID (or the package version). */
declare const __PETROFLOW_BUILD_ID__: string;

const UPDATE_CHECK_MS = 60 * 60 * 1000;

const root = document.getElementById('root');
document.documentElement.dataset.buildId = __PETROFLOW_BUILD_ID__;
const updates = createUpdateOffer();

/** Registers the service worker; a waiting new version is offered, never forced. */
function registerServiceWorker() {
  const update = registerSW({
    onNeedRefresh: () => updates.offer(() => update(true)),
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      setInterval(() => {
        if (navigator.onLine) void registration.update().catch(() => undefined);
      }, UPDATE_CHECK_MS);
    },
    onRegisterError: (e: unknown) =>
      console.warn('Petroflow: offline use is unavailable (service worker not registered).', e),
  });
}

if (!root) throw new Error('Petroflow: #root element missing from index.html');

async function start(el: HTMLElement) {
  let storage: Storage | undefined;
  let storageError: string | undefined;
  try {
    storage = await openStorage(undefined, {
      // Another tab holds an older Petroflow open and has not let the upgrade through yet.
      onBlocked() {
        const p = document.createElement('p');
        p.setAttribute('role', 'status');
        p.textContent =
          'Petroflow was updated and waits for your other Petroflow tabs: reload or close them to continue.';
        el.replaceChildren(p);
      },
    });
  } catch (e) {
    console.error('Petroflow: browser storage is unavailable; work will not be kept.', e);
    // openStorage says why (data of a newer Petroflow, a full disk, site data blocked).
    if (e instanceof StorageOpenError)
      storageError = `${e.message} Your work in this tab will not be kept after a reload.`;
  }
  // Added files are read in a Web Worker (src/workers/ingest.ts): the page stays responsive.
  const ingest = createIngestWorker();
  const store = createAppStore({
    registry: builtinRegistry,
    ...(storage ? { storage } : {}),
    channel: openTabChannel(),
    engine: browserEngine,
    summarise: ingest.summarise,
    // Hands its bytes over (detached): showFile reads a fresh copy from storage for every preview.
    readTable: ingest.readFileTable,
    settings: localSettings,
  });
  if (!storage) {
    store.getState().notify({
      kind: 'error',
      message:
        storageError ??
        'This browser does not allow Petroflow to store data (private mode?): your work will not be kept after a reload.',
    });
  }
  createRoot(el).render(
    <StrictMode>
      <App store={store} registry={builtinRegistry} />
      <UpdatePrompt offer={updates} />
    </StrictMode>,
  );
}

registerServiceWorker();
void start(root);
