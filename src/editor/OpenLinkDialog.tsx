/**
 * Incoming share links: a `#pipeline=` fragment at load or on `hashchange` is validated first
 * (shareSlice), then this dialog shows what it contains or why it was refused. Only "Open as new
 * pipeline" saves anything. However the dialog closes, the fragment leaves the address bar
 * (history.replaceState), so a reload does not ask again.
 */
import { useEffect, useRef, useState } from 'react';
import type { PetroflowError } from '../model/errors.ts';
import { useApp, useAppStore } from '../state/index.ts';
import { hasShareFragment, shareBaseUrl } from '../state/share.ts';
import { OpenLinkPreview } from './OpenLinkPreview.tsx';

function clearFragment(): void {
  if (!hasShareFragment(window.location.hash)) return;
  window.history.replaceState(window.history.state, '', shareBaseUrl(window.location.href));
}

/** The message, prefixed with its line when the message does not already name it. */
function withLine(e: PetroflowError): string {
  return e.line && !e.message.includes(`line ${e.line}`)
    ? `line ${e.line}: ${e.message}`
    : e.message;
}

const TITLES = {
  checking: 'Checking the shared link…',
  refused: 'This link cannot be opened',
  ready: 'Open a shared pipeline?',
} as const;

/** Listens for share links and shows the dialog (modal while a link is being looked at). */
export function OpenLinkDialog() {
  const store = useAppStore();
  const incoming = useApp((s) => s.incoming);
  const ready = useApp((s) => s.ready);
  const ref = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();

  useEffect(() => {
    const check = () => {
      if (hasShareFragment(window.location.hash))
        void store.getState().receiveLink(window.location.href);
    };
    check();
    window.addEventListener('hashchange', check);
    return () => window.removeEventListener('hashchange', check);
  }, [store]);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (incoming && !d.open) d.showModal();
    if (!incoming && d.open) d.close();
  }, [incoming]);

  const cancel = () => {
    store.getState().dismissLink();
    setFailure(undefined);
    clearFragment();
  };
  const accept = async () => {
    setBusy(true);
    const r = await store.getState().acceptLink();
    setBusy(false);
    if (r.ok) {
      setFailure(undefined);
      clearFragment();
    } else setFailure(r.error);
  };

  return (
    <dialog
      ref={ref}
      className="dialog open-link-dialog"
      aria-labelledby="open-link-title"
      style={{ maxWidth: 620 }}
      onCancel={(e) => {
        e.preventDefault();
        cancel();
      }}
    >
      <h2 id="open-link-title">{incoming ? TITLES[incoming.kind] : 'Shared link'}</h2>
      {incoming?.kind === 'refused' && (
        <>
          <ul className="error-box" role="alert" aria-label="Why the link was refused">
            {incoming.errors.slice(0, 8).map((e, i) => (
              <li key={i}>{withLine(e)}</li>
            ))}
            {incoming.errors.length > 8 && <li>…and {incoming.errors.length - 8} more.</li>}
          </ul>
          <p className="muted small">
            Nothing was saved and nothing you have was changed. If you trust the sender, ask for the
            pipeline file instead (Export, Pipeline (JSON)) and import it in the Pipelines tab.
          </p>
        </>
      )}
      {incoming?.kind === 'ready' && (
        <>
          <OpenLinkPreview pipeline={incoming.pipeline} />
          <p className="muted small">
            It will be saved as a new pipeline; none of your pipelines is changed.
          </p>
        </>
      )}
      {failure && (
        <div className="error-box" role="alert">
          {failure}
        </div>
      )}
      <div className="dialog-buttons">
        {incoming?.kind === 'ready' && (
          <button
            type="button"
            className="primary"
            disabled={busy || !ready}
            onClick={() => void accept()}
          >
            Open as new pipeline
          </button>
        )}
        <button type="button" onClick={cancel}>
          {incoming?.kind === 'refused' ? 'Close' : 'Cancel'}
        </button>
      </div>
    </dialog>
  );
}
