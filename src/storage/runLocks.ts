/**
 * Which started runs are still going: the tab running one holds a Web Lock named after it for as
 * long as the run goes. The browser releases a tab's locks when it closes, reloads or crashes, so
 * another tab (or this one after a reload) tells at once that a run was interrupted. Where the
 * Web Locks API is absent, a run counts as live while its record was written within RUN_STALE_MS
 * (the running tab rewrites it at least every RUN_HEARTBEAT_MS).
 */

/** How often the running tab rewrites its run's record (a heartbeat, for browsers without locks). */
export const RUN_HEARTBEAT_MS = 30_000;

/** Without Web Locks: a started run not written for this long is taken as interrupted. */
export const RUN_STALE_MS = 4 * RUN_HEARTBEAT_MS;

interface Locks {
  request(name: string, callback: () => Promise<void>): Promise<unknown>;
  query(): Promise<{ held?: { name?: string }[]; pending?: { name?: string }[] }>;
}

function locks(): Locks | undefined {
  const nav = (globalThis as { navigator?: { locks?: Locks } }).navigator;
  return nav?.locks && typeof nav.locks.query === 'function' ? nav.locks : undefined;
}

const heldHere = new Set<string>();

/** The lock name of a run (one origin-wide namespace shared by every tab). */
export function runLockName(runId: string): string {
  return `petroflow-run:${runId}`;
}

/** Holds the run's lock until the returned function is called (or the tab goes away). */
export function holdRunLock(runId: string): () => void {
  let release = () => undefined as void;
  const released = new Promise<void>((resolve) => (release = resolve));
  heldHere.add(runId);
  void locks()
    ?.request(runLockName(runId), () => released)
    .catch(() => undefined);
  return () => {
    heldHere.delete(runId);
    release();
  };
}

/** True while some tab still runs `runId`; `lastWritten` is its record's last known time. */
export async function runIsLive(
  runId: string,
  lastWritten: number,
  now = Date.now(),
): Promise<boolean> {
  if (heldHere.has(runId)) return true;
  const l = locks();
  if (l) {
    try {
      const q = await l.query();
      const name = runLockName(runId);
      return [...(q.held ?? []), ...(q.pending ?? [])].some((x) => x.name === name);
    } catch {
      // the lock manager is unavailable (e.g. an opaque origin): fall back on the record's age
    }
  }
  return now - lastWritten < RUN_STALE_MS;
}
