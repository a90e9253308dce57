/**
 * The Share dialog: the link of the pipeline being edited (spec section 3), a Copy link button, a
 * QR code when the link is short enough for one, and, for a pipeline too large for a link, the
 * reason and a JSON export instead.
 */
import { useEffect, useRef, useState } from 'react';
import { serializePipeline } from '../model/serialize.ts';
import { useAppStore } from '../state/index.ts';
import { prepareShare, type ShareOutcome } from '../state/share.ts';
import { download } from './download.ts';
import { safeName } from './safeName.ts';
import { ShareQr } from './ShareQr.tsx';

const fileName = (name: string) => `${safeName(name)}.json`;

/** The dialog, modal while shown; `onClose` is called when the user closes it. */
export function ShareDialog({ onClose }: { onClose: () => void }) {
  const store = useAppStore();
  const ref = useRef<HTMLDialogElement>(null);
  const [outcome, setOutcome] = useState<ShareOutcome | undefined>();
  const [copied, setCopied] = useState<string | undefined>();

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    let live = true;
    void prepareShare(store.getState().toPipeline(), window.location.href).then((o) => {
      if (live) setOutcome(o);
    });
    return () => {
      live = false;
    };
  }, [store]);

  const copy = (link: string) => {
    const refused = () =>
      setCopied('Copying is not allowed here: select the link and copy it with Ctrl+C.');
    // navigator.clipboard is missing outside secure contexts (plain http on another host).
    if (typeof navigator.clipboard?.writeText !== 'function') return refused();
    navigator.clipboard.writeText(link).then(() => setCopied('Copied'), refused);
  };

  const exportJson = () => {
    const p = store.getState().toPipeline();
    download(fileName(p.name), serializePipeline(p), 'application/json');
  };

  return (
    <dialog
      ref={ref}
      className="dialog share-dialog"
      aria-labelledby="share-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id="share-title">Share this pipeline</h2>
      {outcome === undefined && <p role="status">Making the link…</p>}
      {outcome?.kind === 'link' && (
        <>
          <p className="muted small">
            The link holds the pipeline only. Input files never travel in a link: whoever opens it
            adds their own files with the same names.
          </p>
          <textarea
            className="form-control code"
            aria-label="Share link"
            readOnly
            rows={4}
            style={{ wordBreak: 'break-all' }}
            value={outcome.link}
            onFocus={(e) => e.target.select()}
          />
          <div className="dialog-buttons" style={{ justifyContent: 'flex-start' }}>
            <button type="button" className="primary" onClick={() => copy(outcome.link)}>
              Copy link
            </button>
            <span role="status" aria-live="polite">
              {copied}
            </span>
          </div>
          {outcome.noQrReason === undefined ? (
            <ShareQr link={outcome.link} />
          ) : (
            <p className="muted small" data-testid="share-no-qr">
              {outcome.noQrReason}
            </p>
          )}
        </>
      )}
      {outcome?.kind === 'too-large' && (
        <>
          <div className="error-box" role="alert">
            {outcome.message}
          </div>
          <div className="dialog-buttons" style={{ justifyContent: 'flex-start' }}>
            <button type="button" className="primary" onClick={exportJson}>
              Export JSON
            </button>
          </div>
        </>
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}
