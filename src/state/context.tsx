/** React access to the app store: a provider and selector hooks (the editor's only door to state). */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppStore } from './store.ts';
import type { AppState } from './types.ts';

const StoreContext = createContext<AppStore | undefined>(undefined);

/** Makes a store available to the components below it. */
export function StoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** The store itself (for event handlers that read state without subscribing). */
export function useAppStore(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore must be used inside <StoreProvider>.');
  return store;
}

/** Subscribes to a slice of state; the component re-renders only when that slice changes. */
export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(useAppStore(), selector);
}
