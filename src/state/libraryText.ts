/** The library's messages to the user about saving: what happened and what to do. */
import type { StorageFailure, VersionChange } from '../storage/index.ts';

const KEEP_COPY = 'or export the pipeline as JSON (Export menu) to keep a copy';

/** The user's message for a save the browser refused: what happened and what to do. */
export function saveFailureText(f: StorageFailure): string {
  if (f.reason === 'quota') {
    return `Not saved: the browser's storage for Petroflow is full. Your changes are kept in this tab: free space (remove files you no longer need in the Files tab, or other sites' data) and choose Retry save, ${KEEP_COPY}.`;
  }
  return `Not saved: the browser refused to store the pipeline (${f.detail}). Your changes are kept in this tab: choose Retry save, ${KEEP_COPY}.`;
}

/** The user's message when this tab must reload; `unsaved` when its latest edits are not stored. */
export function reloadText(why: VersionChange, unsaved: boolean): string {
  const head =
    why === 'upgrade'
      ? 'Petroflow was updated in another tab: reload to continue.'
      : "The browser closed Petroflow's storage (site data cleared?): reload to continue.";
  return unsaved
    ? `${head} Your latest changes are not saved: export the pipeline as JSON (Export menu) before reloading.`
    : `${head} Your changes are saved.`;
}
