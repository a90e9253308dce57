/** Asked when another tab saved the same pipeline: keep mine (save over theirs) or load theirs. */
import { useEffect, useRef } from 'react';
import { useApp, useAppStore } from '../state/index.ts';

/** The conflict dialog (modal while a conflict is open). */
export function ConflictDialog() {
  const store = useAppStore();
  const conflict = useApp((s) => s.conflict);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (conflict && !d.open) d.showModal();
    if (!conflict && d.open) d.close();
  }, [conflict]);
  const theirs = conflict?.theirs;
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="conflict-title"
      onCancel={(e) => e.preventDefault()}
    >
      <h2 id="conflict-title">This pipeline changed in another tab</h2>
      <p>
        {theirs
          ? `Another tab saved “${theirs.pipeline.name}” (revision ${theirs.revision}, ${theirs.pipeline.nodes.length} nodes) while you were editing it here. Nothing has been overwritten.`
          : 'Another tab deleted this pipeline while you were editing it here.'}
      </p>
      <p>Which version do you want to keep?</p>
      <div className="dialog-buttons">
        <button
          type="button"
          className="primary"
          onClick={() => void store.getState().resolveConflict('mine')}
        >
          Keep mine
        </button>
        {theirs && (
          <button type="button" onClick={() => void store.getState().resolveConflict('theirs')}>
            Load theirs
          </button>
        )}
      </div>
    </dialog>
  );
}
