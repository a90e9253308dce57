/** Files dropped anywhere on the window go into the file library. */
import { useEffect, useState } from 'react';
import type { AppStore } from '../state/index.ts';
import { fileBytes } from './download.ts';

function hasFiles(e: DragEvent): boolean {
  return e.dataTransfer?.types.includes('Files') ?? false;
}

/** Listens for file drops on the window; returns whether files are being dragged over it. */
export function useFileDrop(store: AppStore, onAdded: () => void): boolean {
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setOver(true);
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const overFn = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const drop = (e: DragEvent) => {
      const files = e.dataTransfer?.files;
      depth = 0;
      setOver(false);
      if (!files || files.length === 0) return;
      e.preventDefault();
      onAdded();
      void Promise.all(
        [...files].map(async (f) => ({ name: f.name, bytes: await fileBytes(f) })),
      ).then((list) => store.getState().addFiles(list));
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', overFn);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', overFn);
      window.removeEventListener('drop', drop);
    };
  }, [store, onAdded]);
  return over;
}
