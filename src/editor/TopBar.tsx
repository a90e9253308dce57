/** The top bar: pipeline name, save state, and the main commands with their accessible names. */
import { useEffect, useRef, useState } from 'react';
import { useApp, useAppStore } from '../state/index.ts';
import type { Channel } from '../operators/types.ts';
import { ExportMenu } from './ExportMenu.tsx';
import { useEditor } from './EditorContext.tsx';
import { ShareDialog } from './ShareDialog.tsx';

const SAVE_TEXT = {
  saved: 'All changes saved',
  pending: 'Saving…',
  saving: 'Saving…',
  conflict: 'Not saved: changed in another tab',
  error: 'Not saved',
} as const;

/** The top bar. */
export function TopBar() {
  const store = useAppStore();
  const { autoLayout } = useEditor();
  const name = useApp((s) => s.name);
  const saveState = useApp((s) => s.saveState);
  const canUndo = useApp((s) => s.past.length > 0);
  const canRedo = useApp((s) => s.future.length > 0);
  const running = useApp((s) => s.running);
  const empty = useApp((s) => s.doc.nodes.length === 0);
  const channel = useApp((s) => s.channel);
  const [sharing, setSharing] = useState(false);
  const shareButton = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  // The dialog is unmounted, not closed, so the browser restores no focus: once it is gone (a
  // modal dialog makes the rest of the page inert), give focus back to the Share button.
  const closeShare = () => {
    refocus.current = true;
    setSharing(false);
  };
  useEffect(() => {
    if (sharing || !refocus.current) return;
    refocus.current = false;
    shareButton.current?.focus();
  }, [sharing]);
  return (
    <header className="topbar">
      <div className="brand" aria-label="Petroflow">
        <span className="brand-mark" aria-hidden="true">
          ◆
        </span>
        <h1>Petroflow</h1>
      </div>
      <input
        className="pipeline-title"
        aria-label="Pipeline name"
        value={name}
        onChange={(e) => store.setState({ name: e.target.value })}
        onBlur={(e) => {
          if (e.target.value.trim() === '') store.setState({ name: 'Untitled pipeline' });
        }}
      />
      <span className={`save-state save-${saveState}`} role="status" aria-live="polite">
        {SAVE_TEXT[saveState]}
      </span>
      <div className="toolbar" role="toolbar" aria-label="Pipeline commands">
        <button
          type="button"
          onClick={() => store.getState().undo()}
          disabled={!canUndo}
          title="Undo (Ctrl+Z)"
        >
          Undo
        </button>
        <button
          type="button"
          onClick={() => store.getState().redo()}
          disabled={!canRedo}
          title="Redo (Ctrl+Shift+Z)"
        >
          Redo
        </button>
        <button
          type="button"
          onClick={autoLayout}
          disabled={empty}
          title="Arrange the nodes top to bottom"
        >
          Auto layout
        </button>
        <span className="toolbar-sep" />
        <button
          type="button"
          className="primary run"
          onClick={() => void store.getState().run()}
          disabled={running || empty}
        >
          Run
        </button>
        <button type="button" onClick={() => store.getState().cancel()} disabled={!running}>
          Cancel
        </button>
        <span className="toolbar-sep" />
        <ExportMenu />
        <button
          ref={shareButton}
          type="button"
          onClick={() => setSharing(true)}
          title="Make a link (and a QR code) that opens this pipeline"
        >
          Share
        </button>
        {sharing && <ShareDialog onClose={closeShare} />}
        <label className="channel" title="Which operator versions new nodes get and upgrades offer">
          Operators
          <select
            value={channel}
            onChange={(e) => store.getState().setChannel(e.target.value as Channel)}
            aria-label="Operator channel"
          >
            <option value="stable">stable</option>
            <option value="beta">beta</option>
            <option value="canary">canary</option>
          </select>
        </label>
      </div>
    </header>
  );
}
