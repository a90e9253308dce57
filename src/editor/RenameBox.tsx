/** The inline "New name" box of the pipelines panel: Enter or leaving it saves, Escape cancels. */
import { useRef, useState } from 'react';

/** Props: the name to start from; `onDone` gets the new name, or undefined when cancelled. */
export interface RenameBoxProps {
  readonly initial: string;
  readonly onDone: (name: string | undefined) => void;
}

/** Calls `onDone` exactly once: the blur that follows Enter or Escape adds nothing. */
export function RenameBox({ initial, onDone }: RenameBoxProps) {
  const [draft, setDraft] = useState(initial);
  const done = useRef(false);
  const finish = (name: string | undefined) => {
    if (done.current) return;
    done.current = true;
    onDone(name);
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        finish(draft);
      }}
    >
      <input
        autoFocus
        className="form-control"
        aria-label="New name"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          e.preventDefault();
          e.stopPropagation();
          finish(undefined);
        }}
        onBlur={() => finish(draft)}
      />
    </form>
  );
}
