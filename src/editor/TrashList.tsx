/**
 * The Trash section of the pipelines panel (collapsed, with a count): deleted pipelines with when
 * each was deleted and how many days it has left, Restore and Delete forever per entry, and Empty
 * trash. Anything removed for good is confirmed first in a modal dialog that names what goes.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import { useApp, useAppStore } from '../state/index.ts';
import { TRASH_DAYS, daysLeft, runsText, type TrashEntry } from '../state/trashSlice.ts';
import './trash.css';

/** A date and time, short, in the user's locale (lists of pipelines and of the trash). */
export function shortTime(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });
}

/** What a confirmation asks about: one entry, or the whole trash. */
type Ask = { readonly kind: 'one'; readonly entry: TrashEntry } | { readonly kind: 'all' };

const dayText = (n: number) =>
  n === 0 ? 'removed for good at next start' : `removed for good in ${n} day${n === 1 ? '' : 's'}`;

function question(ask: Ask, trash: readonly TrashEntry[]): { title: string; body: string } {
  if (ask.kind === 'one') {
    const { name, runs } = ask.entry;
    return {
      title: `Delete “${name}” forever?`,
      body: `“${name}” and its run history (${runsText(runs)}) will be removed for good. This cannot be undone.`,
    };
  }
  const n = trash.length;
  const runs = trash.reduce((sum, e) => sum + e.runs, 0);
  return {
    title: `Empty the trash (${n} pipeline${n === 1 ? '' : 's'})?`,
    body: `All ${n} deleted pipeline${n === 1 ? '' : 's'} and their run history (${runsText(runs)}) will be removed for good. This cannot be undone.`,
  };
}

/** A modal confirmation; Escape or Cancel keeps everything. */
function Confirm(props: { ask: Ask; onYes: () => void; onNo: () => void }) {
  const trash = useApp((s) => s.trash);
  const ref = useRef<HTMLDialogElement>(null);
  // A layout effect: its clean-up closes the dialog while still in the page, so the browser gives
  // focus back to the button that opened it.
  useLayoutEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  const { title, body } = question(props.ask, trash);
  const yes = props.ask.kind === 'one' ? 'Delete forever' : 'Empty trash';
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="trash-confirm-title"
      aria-describedby="trash-confirm-body"
      onCancel={(e) => {
        e.preventDefault();
        props.onNo();
      }}
    >
      <h2 id="trash-confirm-title">{title}</h2>
      <p id="trash-confirm-body">{body}</p>
      <div className="dialog-buttons">
        <button type="button" autoFocus onClick={props.onNo}>
          Cancel
        </button>
        <button type="button" className="danger" onClick={props.onYes}>
          {yes}
        </button>
      </div>
    </dialog>
  );
}

/** The Trash section. */
export function TrashList() {
  const store = useAppStore();
  const trash = useApp((s) => s.trash);
  const [open, setOpen] = useState(false);
  const [ask, setAsk] = useState<Ask | undefined>();
  const toggle = useRef<HTMLButtonElement>(null);
  // Days left are counted from when the section was opened (a render must not read the clock).
  const [now, setNow] = useState(() => Date.now());

  // An entry that goes takes the focused button with it: focus moves to the Trash button.
  // One change at a time: a second click while one runs would act on an entry already gone.
  const [busy, setBusy] = useState(false);
  const refocus = (done: Promise<void>) => {
    setBusy(true);
    void done.finally(() => {
      setBusy(false);
      if (document.activeElement === document.body) toggle.current?.focus();
    });
  };
  const answer = (yes: boolean) => {
    const asked = ask;
    setAsk(undefined);
    if (!yes || !asked) return;
    const state = store.getState();
    refocus(asked.kind === 'one' ? state.deleteForever(asked.entry.id) : state.emptyTrash());
  };

  return (
    <section className="trash" aria-label="Trash">
      <h3>
        <button
          ref={toggle}
          type="button"
          className="trash-toggle"
          aria-expanded={open}
          aria-controls="trash-body"
          onClick={() => {
            if (!open) {
              setNow(Date.now());
              void store.getState().refreshTrash();
            }
            setOpen(!open);
          }}
        >
          <span className="trash-arrow" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          Trash ({trash.length})
        </button>
      </h3>
      <div id="trash-body">
        {open && (
          <>
            <p className="muted small">
              Deleted pipelines stay here for {TRASH_DAYS} days, then go for good with their run
              history.
            </p>
            {trash.length === 0 ? (
              <p className="muted small">The trash is empty.</p>
            ) : (
              <ul className="trash-list" aria-label="Deleted pipelines">
                {trash.map((e) => (
                  <li key={e.id}>
                    <span className="pipeline-name">{e.name}</span>
                    <span className="muted small">
                      Deleted {shortTime(e.deletedAt)} · {dayText(daysLeft(e, now))} ·{' '}
                      {runsText(e.runs)}
                    </span>
                    <div className="pipeline-buttons">
                      <button
                        type="button"
                        disabled={busy}
                        aria-label={`Restore ${e.name}`}
                        onClick={() => refocus(store.getState().restoreFromTrash(e.id))}
                      >
                        Restore
                      </button>
                      <button
                        type="button"
                        className="danger"
                        disabled={busy}
                        aria-label={`Delete forever ${e.name}`}
                        onClick={() => setAsk({ kind: 'one', entry: e })}
                      >
                        Delete forever
                      </button>
                    </div>
                  </li>
                ))}
              </ul>
            )}
            {trash.length > 0 && (
              <button
                type="button"
                className="danger"
                disabled={busy}
                onClick={() => setAsk({ kind: 'all' })}
              >
                Empty trash
              </button>
            )}
          </>
        )}
      </div>
      {ask && <Confirm ask={ask} onYes={() => answer(true)} onNo={() => answer(false)} />}
    </section>
  );
}
