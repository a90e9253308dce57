/**
 * The message strip: refused connections, run problems, unreadable files, undo of a delete; and,
 * above them and not dismissable, storage problems that need the user (a save the browser refused,
 * a reload because another tab updated Petroflow).
 */
import { useApp, useAppStore } from '../state/index.ts';

/** Storage problems: shown until resolved (a later save succeeds, or the tab reloads). */
function StorageNotice() {
  const store = useAppStore();
  const reload = useApp((s) => s.reloadRequired);
  const saveError = useApp((s) => s.saveError);
  const saving = useApp((s) => s.saveState === 'saving');
  if (reload) {
    return (
      <div className="notice notice-error notice-storage" role="alert">
        <span className="notice-text">{reload}</span>
        <button type="button" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    );
  }
  if (!saveError) return null;
  return (
    <div className="notice notice-error notice-storage" role="alert">
      <span className="notice-text">{saveError}</span>
      <button type="button" disabled={saving} onClick={() => void store.getState().retrySave()}>
        Retry save
      </button>
    </div>
  );
}

/** Shows the storage notice and the current notice, if any. */
export function NoticeBar() {
  const store = useAppStore();
  const notice = useApp((s) => s.notice);
  return (
    <>
      <StorageNotice />
      {notice && (
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
      )}
    </>
  );
}
