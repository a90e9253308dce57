/**
 * "Update available": a new version of the app is offered, never forced. The new service worker
 * waits (no skipWaiting) until the user chooses "Reload to update"; until then the open page keeps
 * running the version it loaded. "Later" hides the notice; the new version then starts the next
 * time Petroflow is opened with no tab of the old one left.
 */
import { useState, useSyncExternalStore } from 'react';
import './update-prompt.css';

/** The offer of a new version, fed by the service worker registration (see src/main.tsx). */
export interface UpdateOffer {
  readonly subscribe: (listener: () => void) => () => void;
  /** Whether a new version is waiting and the user has not put it off. */
  readonly pending: () => boolean;
  /** A new version is waiting; `apply` activates it (the page then reloads). */
  readonly offer: (apply: () => Promise<void>) => void;
  /** Activates the waiting version. */
  readonly accept: () => Promise<void>;
  /** Hides the notice until the next offer. */
  readonly dismiss: () => void;
}

/** Creates the offer state shared by the registration code and the prompt. */
export function createUpdateOffer(): UpdateOffer {
  const listeners = new Set<() => void>();
  let apply: (() => Promise<void>) | undefined;
  let shown = false;
  const set = (v: boolean) => {
    shown = v;
    for (const l of listeners) l();
  };
  return {
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    pending: () => shown,
    offer: (fn) => {
      apply = fn;
      set(true);
    },
    accept: async () => {
      if (apply) await apply();
    },
    dismiss: () => set(false),
  };
}

/** The notice with its two choices. */
export function UpdatePrompt({ offer }: { offer: UpdateOffer }) {
  const pending = useSyncExternalStore(offer.subscribe, offer.pending, offer.pending);
  const [updating, setUpdating] = useState(false);
  const [failed, setFailed] = useState<string | undefined>();
  if (!pending) return null;
  return (
    <div className="update-prompt" role="status" aria-live="polite" aria-label="Update available">
      <strong className="update-prompt-title">Update available</strong>
      <p className="update-prompt-text">
        {failed ??
          'A new version of Petroflow is ready. Your work is saved; reload when it suits you.'}
      </p>
      <div className="update-prompt-actions">
        <button
          type="button"
          className="primary"
          disabled={updating}
          onClick={() => {
            setUpdating(true);
            offer.accept().catch((e: unknown) => {
              setUpdating(false);
              setFailed(`The update could not be started (${String(e)}). Try again later.`);
            });
          }}
        >
          {updating ? 'Updating…' : 'Reload to update'}
        </button>
        <button type="button" disabled={updating} onClick={() => offer.dismiss()}>
          Later
        </button>
      </div>
    </div>
  );
}
