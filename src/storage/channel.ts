/**
 * Tells other tabs of the same origin that a pipeline was saved, so a tab editing the same
 * pipeline learns at once that its copy is stale (BroadcastChannel; a no-op where absent).
 */

/** A message between tabs. */
export interface SavedMessage {
  readonly type: 'pipeline-saved' | 'pipeline-deleted';
  readonly id: string;
  readonly revision: number;
  /**
   * Set when the save replaced another tab's version instead of building on it (the user chose
   * "Keep mine" in a conflict): a tab that showed the replaced version must say so. Optional, so
   * tabs of an older build still accept the message.
   */
  readonly replaced?: boolean;
  /** The tab that sent it (a tab ignores its own messages). */
  readonly tab: string;
}

/** Channel name. Changing this needs care: tabs of an older build would stop hearing each other. */
export const CHANNEL_NAME = 'petroflow-pipelines';

function isSavedMessage(v: unknown): v is SavedMessage {
  if (typeof v !== 'object' || v === null) return false;
  const m = v as Record<string, unknown>;
  return (
    (m.type === 'pipeline-saved' || m.type === 'pipeline-deleted') &&
    typeof m.id === 'string' &&
    typeof m.revision === 'number' &&
    typeof m.tab === 'string' &&
    (m.replaced === undefined || typeof m.replaced === 'boolean')
  );
}

/** A tab's end of the channel. */
export interface TabChannel {
  readonly tab: string;
  post(message: Omit<SavedMessage, 'tab'>): void;
  subscribe(listener: (message: SavedMessage) => void): () => void;
  close(): void;
}

/** Opens this tab's end of the channel (validates every message received). */
export function openTabChannel(name: string = CHANNEL_NAME): TabChannel {
  const tab = crypto.randomUUID();
  const bc = typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : undefined;
  const listeners = new Set<(m: SavedMessage) => void>();
  if (bc) {
    bc.onmessage = (e: MessageEvent<unknown>) => {
      if (isSavedMessage(e.data) && e.data.tab !== tab) for (const l of listeners) l(e.data);
    };
  }
  return {
    tab,
    post: (m) => bc?.postMessage({ ...m, tab }),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => bc?.close(),
  };
}
