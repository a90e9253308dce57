/**
 * The app store: typed zustand slices combined by a `createAppStore()` factory, so every test and
 * every app instance gets a fresh store. The editor reads it through hooks in context.tsx.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppState, StoreDeps } from './types.ts';
import { graphSlice } from './graphSlice.ts';
import { runSlice } from './runSlice.ts';
import { runsSlice } from './runsSlice.ts';
import { filesSlice } from './filesSlice.ts';
import { librarySlice } from './librarySlice.ts';
import { settingsSlice } from './settingsSlice.ts';
import { shareSlice } from './shareSlice.ts';
import { trashSlice } from './trashSlice.ts';

/** The store type the editor holds. */
export type AppStore = StoreApi<AppState>;

/** Creates a fresh store from its dependencies. */
export function createAppStore(deps: StoreDeps): AppStore {
  return createStore<AppState>()((...a) => ({
    ...graphSlice(deps)(...a),
    ...runSlice(deps)(...a),
    ...runsSlice(deps)(...a),
    ...filesSlice(deps)(...a),
    ...librarySlice(deps)(...a),
    ...settingsSlice(deps)(...a),
    ...shareSlice(deps)(...a),
    ...trashSlice(deps)(...a),
  }));
}
