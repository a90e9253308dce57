/** What editor components share besides the store: the operator registry and UI callbacks. */
import { createContext, useContext } from 'react';
import type { OperatorRegistry } from '../operators/registry.ts';

/** Editor-wide services. */
export interface EditorServices {
  readonly registry: OperatorRegistry;
  /** Moves focus to the palette search with some text typed (quick-add by typing on the canvas). */
  readonly quickAdd: (text: string) => void;
  /** Adds a node of operator `op` below the selected node, or in view, where nothing overlaps. */
  readonly addOperator: (op: string) => void;
  /** Lays the graph out again with ELK (set by the canvas). */
  readonly autoLayout: () => void;
}

/** Context of the editor services. */
export const EditorContext = createContext<EditorServices | undefined>(undefined);

/** The editor services (inside <App>). */
export function useEditor(): EditorServices {
  const v = useContext(EditorContext);
  if (!v) throw new Error('useEditor must be used inside the editor.');
  return v;
}
