/** Keyboard shortcuts of the editor (ignored while typing in a field or with a dialog open). */
import { useEffect } from 'react';
import type { AppStore } from '../state/index.ts';

function typing(t: EventTarget | null): boolean {
  return (
    t instanceof HTMLElement &&
    t.closest('input, textarea, select, [contenteditable="true"], dialog[open]') !== null
  );
}

/** Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y), Ctrl+C / Ctrl+V, Ctrl+A, Delete / Backspace. */
export function useShortcuts(store: AppStore): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typing(e.target)) return;
      const s = store.getState();
      const mod = e.ctrlKey || e.metaKey;
      const k = e.key.toLowerCase();
      if (mod && k === 'z' && !e.shiftKey) s.undo();
      else if (mod && ((k === 'z' && e.shiftKey) || k === 'y')) s.redo();
      else if (mod && k === 'c') s.copySelection();
      else if (mod && k === 'v') s.paste();
      else if (mod && k === 'a') s.select(s.doc.nodes.map((n) => n.id));
      else if (!mod && (e.key === 'Delete' || e.key === 'Backspace')) s.removeSelection();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
