/** The message strip: refused connections, run problems, unreadable files, undo of a delete. */
import { useApp, useAppStore } from '../state/index.ts';

/** Shows the current notice, if any. */
export function NoticeBar() {
  const store = useAppStore();
  const notice = useApp((s) => s.notice);
  if (!notice) return null;
  return (
    <div
      className={`notice notice-${notice.kind}`}
      role={notice.kind === 'error' ? 'alert' : 'status'}
    >
      <span className="notice-text">{notice.message}</span>
      {notice.action && (
        <button type="button" onClick={() => notice.action?.run()}>
          {notice.action.label}
        </button>
      )}
      <button
        type="button"
        className="notice-close"
        aria-label="Dismiss"
        onClick={() => store.getState().notify(undefined)}
      >
        ×
      </button>
    </div>
  );
}
