/**
 * Following another tab's save of the open pipeline without losing this tab's version: the
 * version shown before stays one Undo away, and a replacement ("Keep mine" in the other tab) is
 * announced with a way to keep this tab's version as a copy.
 */
import type { GraphDoc } from './doc.ts';
import { HISTORY_LIMIT } from './graphSlice.ts';

/** What a tab says when another tab's "Keep mine" replaced the version it showed. */
export const REPLACED_TEXT =
  'Another tab replaced this pipeline with its version. Yours is not lost: Undo brings it back here, or Restore my version keeps it as a separate pipeline.';

/** The label of the notice's action that saves this tab's replaced version as a copy. */
export const RESTORE_LABEL = 'Restore my version';

/** The undo history after following `next`: the replaced document becomes the last step. */
export function historyAfterFollow(
  past: readonly GraphDoc[],
  replaced: GraphDoc,
  next: GraphDoc,
): readonly GraphDoc[] {
  if (sameDoc(replaced, next)) return past;
  return [...past, replaced].slice(-HISTORY_LIMIT);
}

/** True when two documents hold the same nodes and edges (a rename-only save changes neither). */
export function sameDoc(a: GraphDoc, b: GraphDoc): boolean {
  if (a === b) return true;
  return (
    JSON.stringify(a.nodes) === JSON.stringify(b.nodes) &&
    JSON.stringify(a.edges) === JSON.stringify(b.edges)
  );
}

/** The name of the copy that keeps a replaced version. */
export function restoredName(name: string): string {
  return `${name} (my version)`;
}
