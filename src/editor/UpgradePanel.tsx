/**
 * Offers a newer operator version: shows what changes on the way (each version's own text and the
 * parameters the migration adds, removes or changes), then upgrades as one undoable step.
 */
import { useState } from 'react';
import { useApp, useAppStore } from '../state/index.ts';
import { upgradeParamChanges } from '../state/upgrade.ts';
import { useEditor } from './EditorContext.tsx';

const shown = (v: unknown): string => (v === undefined ? '(none)' : JSON.stringify(v));

/** Upgrade offer of one node (nothing when it is on the newest version of its channel). */
export function UpgradePanel({ nodeId }: { nodeId: string }) {
  const store = useAppStore();
  const { registry } = useEditor();
  const node = useApp((s) => s.doc.nodes.find((n) => n.id === nodeId));
  const channel = useApp((s) => s.channel);
  const [open, setOpen] = useState(false);
  const offer = node ? store.getState().upgradeOffer(nodeId) : undefined;
  void channel; // the offer depends on the followed channel: re-render when it changes
  if (!offer || !node) return null;
  const params = open ? upgradeParamChanges(registry, node, offer) : [];
  return (
    <div className="upgrade" role="region" aria-label="Upgrade">
      <div className="upgrade-head">
        <span>
          Version <strong>{offer.to}</strong> is available (this node pins {offer.from}).
        </span>
        <button type="button" onClick={() => setOpen(!open)} aria-expanded={open}>
          {open ? 'Hide changes' : 'What changes?'}
        </button>
      </div>
      {open && (
        <>
          <ol className="upgrade-steps">
            {offer.steps.map((s) => (
              <li key={s.version}>
                <strong>{s.version}</strong>: {s.changes}
              </li>
            ))}
          </ol>
          {params.length > 0 && (
            <ul className="upgrade-params" aria-label="Parameter changes">
              {params.map((p) => (
                <li key={p.name}>
                  <code>{p.name}</code>: {shown(p.before)} → {shown(p.after)}
                </li>
              ))}
            </ul>
          )}
          <button
            type="button"
            className="primary"
            onClick={() => {
              const r = store.getState().upgrade(nodeId);
              store.getState().notify(
                r.ok
                  ? {
                      kind: 'info',
                      message: `Upgraded ${nodeId} to ${offer.to}.`,
                      action: {
                        label: 'Undo',
                        run: () => {
                          store.getState().undo();
                          store.getState().notify(undefined);
                        },
                      },
                    }
                  : { kind: 'error', message: r.error },
              );
              setOpen(false);
            }}
          >
            Upgrade to {offer.to}
          </button>
        </>
      )}
    </div>
  );
}
