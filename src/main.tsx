/** Browser entry: opens storage, builds the store with the engine and mounts the Petroflow app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './editor/App.tsx';
import { builtinRegistry } from './operators/index.ts';
import {
  browserEngine,
  createAppStore,
  localSettings,
  readFileTable,
  summariseFile,
} from './state/index.ts';
import { openStorage, openTabChannel, type Storage } from './storage/index.ts';
import './editor/base.css';

const root = document.getElementById('root');
if (!root) throw new Error('Petroflow: #root element missing from index.html');

async function start(el: HTMLElement) {
  let storage: Storage | undefined;
  try {
    storage = await openStorage();
  } catch (e) {
    console.error('Petroflow: browser storage is unavailable; work will not be kept.', e);
  }
  const store = createAppStore({
    registry: builtinRegistry,
    ...(storage ? { storage } : {}),
    channel: openTabChannel(),
    engine: browserEngine,
    summarise: summariseFile,
    readTable: readFileTable,
    settings: localSettings,
  });
  if (!storage) {
    store.getState().notify({
      kind: 'error',
      message:
        'This browser does not allow Petroflow to store data (private mode?): your work will not be kept after a reload.',
    });
  }
  createRoot(el).render(
    <StrictMode>
      <App store={store} registry={builtinRegistry} />
    </StrictMode>,
  );
}

void start(root);
