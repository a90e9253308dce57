/** User settings: which release channel of operators to follow (stable unless chosen otherwise). */
import type { StateCreator } from 'zustand/vanilla';
import type { AppState, SettingsSlice, StoreDeps } from './types.ts';

/** Creates the settings slice. */
export function settingsSlice(deps: StoreDeps): StateCreator<AppState, [], [], SettingsSlice> {
  return (set) => ({
    channel: deps.settings?.load() ?? 'stable',
    setChannel(channel) {
      deps.settings?.save(channel);
      set({ channel });
    },
  });
}

/** Settings kept in localStorage (validated on read). */
export const localSettings = {
  load() {
    try {
      const v = globalThis.localStorage?.getItem('petroflow.channel');
      return v === 'stable' || v === 'beta' || v === 'canary' ? v : undefined;
    } catch {
      return undefined;
    }
  },
  save(c: 'stable' | 'beta' | 'canary') {
    try {
      globalThis.localStorage?.setItem('petroflow.channel', c);
    } catch {
      // private mode: the setting lasts for this session only
    }
  },
};
